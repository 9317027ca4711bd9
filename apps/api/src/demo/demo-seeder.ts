import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditedTransaction } from '../audit/audited-transaction';
import type { Actor } from '../identity/actor';
import { AffiliationService } from '../identity/affiliation.service';
import { AuthService } from '../identity/auth.service';
import { hashPassword } from '../identity/password';
import { OrganisationService } from '../organisations/organisation.service';
import { DemoWorkingGroups } from './demo-working-groups';
import { DemoDocument } from './demo-document';
import { DEMO_DELEGATES, DEMO_PASSWORD, DEMO_STEWARD, DEMO_UNVERIFIED, demoEmail } from './demo-people';
import { loadOrganisations } from './fixtures';

export interface DemoPeople {
  steward: Actor;
  /** Delegates by organisation name. */
  delegates: Map<string, Actor>;
  organisationIds: Map<string, string>;
}

/**
 * Loads the Paris Call demo on an empty database, through the same services (and so the same
 * audit chains) as real use. Later contexts add their own steps after the identity step.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly organisations: OrganisationService,
    private readonly affiliations: AffiliationService,
    private readonly tx: AuditedTransaction,
    private readonly workingGroups: DemoWorkingGroups,
    private readonly document: DemoDocument,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM people`)) as { n: number }[];
    if (n > 0) return false;
    await this.seed();
    return true;
  }

  async seed(): Promise<DemoPeople> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const actor = async (name: string, email: string): Promise<Actor> => {
      const id = await this.tx.run((tx) => this.auth.createPerson(tx, name, email, passwordHash));
      const me = await this.auth.me(id);
      return { id, name, email, isSteward: me.isSteward, sessionId: 'demo', sessionToken: 'demo', authenticatedBy: 'bearer' };
    };
    const steward = await actor(DEMO_STEWARD.name, DEMO_STEWARD.email);

    const organisationIds = new Map<string, string>();
    for (const o of loadOrganisations()) {
      const created = await this.organisations.create(steward, { name: o.name, stakeholderGroup: o.group, subtype: o.subtype, country: o.country });
      organisationIds.set(o.name, created.id);
      if (!DEMO_UNVERIFIED.includes(o.name)) await this.organisations.verify(steward, created.id);
    }

    const delegates = new Map<string, Actor>();
    for (const d of DEMO_DELEGATES) {
      const organisationId = organisationIds.get(d.organisation);
      if (!organisationId) throw new Error(`demo delegate ${d.name}: unknown organisation ${d.organisation}`);
      const delegate = await actor(d.name, demoEmail(d.name));
      await this.affiliations.add(delegate, { organisationId, title: d.title, startDate: '2018-01-01', primary: true });
      delegates.set(d.organisation, delegate);
    }
    this.logger.log(`Demo loaded: ${organisationIds.size} organisations, ${delegates.size} delegates`);
    const people: DemoPeople = { steward, delegates, organisationIds };
    const groupIds = await this.workingGroups.seed(people);
    await this.document.seed(people, groupIds);
    return people;
  }
}
