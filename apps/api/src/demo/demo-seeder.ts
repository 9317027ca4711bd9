import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditedTransaction } from '../audit/audited-transaction';
import { BallotScheduler } from '../decisions/ballot-scheduler';
import type { Actor } from '../identity/actor';
import { AffiliationService } from '../identity/affiliation.service';
import { AuthService } from '../identity/auth.service';
import { hashPassword } from '../identity/password';
import { OrganisationService } from '../organisations/organisation.service';
import { Clock } from '../platform/clock/clock';
import { DEMO_HISTORY_DAYS, DemoHistory } from './demo-history';
import { DemoWorkingGroups } from './demo-working-groups';
import { DemoDocument } from './demo-document';
import { DemoNegotiationBrackets } from './demo-negotiation-brackets';
import { DemoAdoption } from './demo-adoption';
import { DemoProceduresExplanations } from './demo-procedures-explanations';
import { DemoNegotiationStreamlining } from './demo-negotiation-streamlining';
import { DemoFocalPoints } from './demo-focal-points';
import { DemoNegotiationClauseStatus } from './demo-negotiation-clause-status';
import { DemoNegotiationChairsTexts } from './demo-negotiation-chairs-texts';
import { DemoProceduresAccreditation } from './demo-procedures-accreditation';
import { DemoProceduresSilence } from './demo-procedures-silence';
import { DemoMeetings } from './demo-meetings';
import { DemoLanguageVersions } from './demo-language-versions';
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
 * audit chains) as real use, as a history dated in the months before the day it is loaded
 * (DemoHistory). Later contexts add their own steps after the identity step.
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
    private readonly negotiationBrackets: DemoNegotiationBrackets,
    private readonly adoption: DemoAdoption,
    private readonly clock: Clock,
    private readonly scheduler: BallotScheduler,
    private readonly focalPoints: DemoFocalPoints,
    private readonly streamlining: DemoNegotiationStreamlining,
    private readonly clauseStatus: DemoNegotiationClauseStatus,
    private readonly chairsTexts: DemoNegotiationChairsTexts,
    private readonly explanations: DemoProceduresExplanations,
    private readonly accreditation: DemoProceduresAccreditation,
    private readonly silence: DemoProceduresSilence,
    private readonly meetings: DemoMeetings,
    private readonly languageVersions: DemoLanguageVersions,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM people`)) as { n: number }[];
    if (n > 0) return false;
    await this.seed();
    return true;
  }

  /**
   * The whole demo, dated in the past. Its ballots close at their (past) closing times, closed by
   * the loader on its timeline, so the API's scheduler waits meanwhile. Refused on a database with
   * an audit log: a history dated before acts already recorded would read out of order.
   */
  async seed(): Promise<DemoPeople> {
    const [{ recorded }] = (await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM audit_events) AS recorded`)) as { recorded: boolean }[];
    if (recorded) throw new Error('The demo loads into an empty database: its history is dated before anything already recorded');
    return this.scheduler.pausedDuring(() => DemoHistory.tell(this.clock.now(), (history) => this.seedHistory(history)));
  }

  private async seedHistory(history: DemoHistory): Promise<DemoPeople> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const actor = async (name: string, email: string): Promise<Actor> => {
      const id = await this.tx.run(async (tx) => {
        const created = await this.auth.createPerson(tx, name, email, passwordHash);
        // Demo addresses count as verified (issue #20), so the outbox shows the mail Parley sends them.
        await tx.manager.query(`UPDATE people SET email_verified_at = $2 WHERE id = $1`, [created, tx.now]);
        return created;
      });
      const me = await this.auth.me(id);
      return { id, name, email, isSteward: me.isSteward, sessionId: 'demo', sessionToken: 'demo', authenticatedBy: 'bearer' };
    };
    // The platform opens about ten months ago: the steward registers and verifies the organisations.
    history.on(DEMO_HISTORY_DAYS, 8, 30);
    const steward = await actor(DEMO_STEWARD.name, DEMO_STEWARD.email);

    const organisationIds = new Map<string, string>();
    const organisations = loadOrganisations();
    for (const [i, o] of organisations.entries()) {
      history.on(DEMO_HISTORY_DAYS, 9, 2 * i);
      const created = await this.organisations.create(steward, { name: o.name, stakeholderGroup: o.group, subtype: o.subtype, country: o.country });
      organisationIds.set(o.name, created.id);
    }
    for (const [i, o] of organisations.entries()) {
      if (DEMO_UNVERIFIED.includes(o.name)) continue;
      history.on(DEMO_HISTORY_DAYS - 1, 9, 2 * i);
      await this.organisations.verify(steward, organisationIds.get(o.name)!);
    }

    // The next day the steward appoints each delegate's organisation a focal point, who will confirm its delegates.
    const represented = [...new Set(DEMO_DELEGATES.map((d) => d.organisation))].map((name) => ({ id: organisationIds.get(name)!, name }));
    const focalPoints = await this.focalPoints.appoint(steward, represented, (name) => actor(name, demoEmail(name)), history, DEMO_HISTORY_DAYS - 2, history.isoDay(DEMO_HISTORY_DAYS + 400));

    // Delegates register one a day over the following month, each in post for one to five years,
    // and their organisation's focal point confirms their affiliation the same day.
    const delegates = new Map<string, Actor>();
    for (const [i, d] of DEMO_DELEGATES.entries()) {
      const organisationId = organisationIds.get(d.organisation);
      if (!organisationId) throw new Error(`demo delegate ${d.name}: unknown organisation ${d.organisation}`);
      const day = DEMO_HISTORY_DAYS - 10 - i;
      history.on(day, 10);
      const delegate = await actor(d.name, demoEmail(d.name));
      history.on(day, 10, 5);
      const declared = await this.affiliations.add(delegate, { organisationId, title: d.title, startDate: history.isoDay(365 + ((i * 173) % 1460)), primary: true });
      history.on(day, 11);
      await this.focalPoints.confirm(focalPoints.get(organisationId)!, declared.id);
      delegates.set(d.organisation, delegate);
    }
    this.logger.log(`Demo loaded: ${organisationIds.size} organisations, ${delegates.size} delegates`);
    const people: DemoPeople = { steward, delegates, organisationIds };
    const groups = await this.workingGroups.seed(people, history);
    // Issue #19's procedures in the norms group, in the order of their days (decision records 0036–0039).
    await this.accreditation.seed(people, groups.ids, history);
    await this.silence.seed(people, groups.ids, history);
    await this.explanations.seed(people, groups.ids, history);
    // The norms group's sessions (issue #21) are held while it drafts: between its last amendment and the open ballot.
    const documentId = await this.document.seed(people, groups.ids, history, (draftId) => this.meetings.seed(people, groups.ids, draftId, history));
    await this.negotiationBrackets.seed(people, groups.ids, history);
    await this.streamlining.seed(people, documentId, history);
    await this.chairsTexts.seed(people, groups.ids, history);
    if (documentId) await this.clauseStatus.seed(people, documentId, history);
    await this.adoption.endorseRecently(people, groups.adoptedTextIds, history);
    // Issue #23's language versions: French (and a little Arabic) on Rev.1, then English and French declared authentic (decision 0045).
    if (documentId) await this.languageVersions.afterRev1(people, groups.ids, documentId, history);
    return people;
  }
}
