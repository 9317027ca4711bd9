import { Injectable } from '@nestjs/common';
import type { Actor } from '../identity/actor';
import { AffiliationConfirmationService } from '../identity/affiliation-confirmation.service';
import { AffiliationService } from '../identity/affiliation.service';
import { FocalPointService } from '../identity/focal-point.service';
import type { DemoHistory } from './demo-history';
import { DEMO_FOCAL_POINT_NAMES, DEMO_FOCAL_POINT_TITLE } from './demo-people';

/**
 * The demo's focal points: for each organisation with a delegate, a fictional focal point declares
 * their affiliation and the steward appoints them (which confirms it, with the steward's reason);
 * each delegate's affiliation is then confirmed by their organisation's focal point. All through
 * the same use cases as real use, so the audit log names who vouched for whom.
 */
@Injectable()
export class DemoFocalPoints {
  constructor(
    private readonly affiliations: AffiliationService,
    private readonly focalPoints: FocalPointService,
    private readonly confirmations: AffiliationConfirmationService,
  ) {}

  /** Appoints one focal point per organisation, one every three minutes from `daysAgo` 09:00; returns them by organisation id. */
  async appoint(
    steward: Actor,
    organisations: { id: string; name: string }[],
    register: (name: string) => Promise<Actor>,
    history: DemoHistory,
    daysAgo: number,
    startDate: string,
  ): Promise<Map<string, Actor>> {
    const byOrganisation = new Map<string, Actor>();
    for (const [i, o] of organisations.entries()) {
      const name = DEMO_FOCAL_POINT_NAMES[i % DEMO_FOCAL_POINT_NAMES.length];
      history.on(daysAgo, 9, 3 * i);
      const person = await register(name);
      history.on(daysAgo, 9, 3 * i + 1);
      await this.affiliations.add(person, { organisationId: o.id, title: DEMO_FOCAL_POINT_TITLE, startDate, primary: true });
      history.on(daysAgo, 9, 3 * i + 2);
      await this.focalPoints.appoint(steward, o.id, { personId: person.id, reason: `Named by ${o.name} in its letter to the platform` });
      byOrganisation.set(o.id, person);
    }
    return byOrganisation;
  }

  /** The organisation's focal point confirms a delegate's declared affiliation. */
  async confirm(focalPoint: Actor, affiliationId: string): Promise<void> {
    await this.confirmations.decide(focalPoint, affiliationId, { decision: 'confirm', reason: null });
  }
}
