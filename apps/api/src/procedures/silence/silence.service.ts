import { VersionVisibility } from '../publication/version-visibility';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  earliestSilenceDeadline,
  objectionRefusal,
  silenceDeadlineLongEnough,
  silenceExplanation,
  silenceHeld,
  withdrawalRefusal,
  workingGroupScope,
} from '@parley/domain';
import type { ObjectSilenceRequest, SilenceList, SilencePreflightResponse, SilenceView, StartSilenceRequest, WithdrawSilenceRequest } from '@parley/contracts';
import { AuditedTransaction, type Tx } from '../../audit/audited-transaction';
import { AdoptionGuards, AdoptionPreflight } from '../../drafting/adoption-preflight';
import { AmendmentRepository } from '../../drafting/amendment.repository';
import { DocumentReads } from '../../drafting/document-reads.service';
import { DocumentRepository } from '../../drafting/document.repository';
import { DocumentService } from '../../drafting/document.service';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { actorRef } from '../../drafting/drafting.mapper';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { Clock } from '../../platform/clock/clock';
import { authorise, notFound, refuse } from '../../platform/http/problem';
import { WorkingGroupAccess } from '../../working-groups/working-group-access';
import { canObjectToSilence, canStartSilence, canWithdrawSilence } from './silence.policy';
import { lockSilence, silenceById, silencesDue, silencesOfDocument, silencesOfGroup, silenceUnderWay, type SilenceRow } from './silence.repository';

const SYSTEM_ACTOR = { id: null, name: 'Parley (silence procedure deadline)', snapshot: null };

/**
 * The silence procedure (decision 0036): a chair puts the current version under silence past the
 * adoption warnings (AdoptionPreflight, recorded); a voting member's reasoned objection breaks it at
 * once; a chair withdraws it; at the deadline the scheduler (SilenceScheduler) adopts the version
 * (DocumentService.adopt, shared with the adoption ballot). Every act is one audited transaction on
 * the group's chain, pushed live to the document's room after commit.
 */
@Injectable()
export class SilenceService implements OnModuleInit {
  constructor(
    private readonly visibility: VersionVisibility,
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly documentReads: DocumentReads,
    private readonly documentService: DocumentService,
    private readonly amendments: AmendmentRepository,
    private readonly standings: DraftingStandings,
    private readonly groups: WorkingGroupAccess,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly preflight: AdoptionPreflight,
    private readonly guards: AdoptionGuards,
  ) {}

  onModuleInit(): void {
    // While silence is under way, neither an adoption ballot nor a new version may start on the document.
    this.guards.register(
      async (manager, documentId, starting) => {
        if (starting === 'silence') return;
        const under = await silenceUnderWay(manager, documentId);
        if (under) throw refuse('silence-under-way', { version: under.versionNumber, deadline: under.deadline.toISOString() });
      },
      async (manager, documentId) => (await silenceUnderWay(manager, documentId)) !== null,
    );
  }

  async preflightOf(documentId: string, n: number): Promise<SilencePreflightResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const version = await this.documentReads.requireVersion(doc, n);
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const [found, settings] = await Promise.all([this.preflight.view(manager, doc, version, now), this.standings.settings(manager, doc.workingGroupId)]);
    const minimumHours = settings.procedureRules.silenceMinimumHours;
    return { documentId: doc.id, version: n, ...found, defaults: { minimumHours, earliestDeadline: earliestSilenceDeadline(now, minimumHours).toISOString() } };
  }

  async start(actor: Actor, documentId: string, n: number, input: StartSilenceRequest): Promise<SilenceView> {
    const id = await this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const version = await this.documentReads.requireVersion(doc, n, undefined, tx.manager);
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canStartSilence(standing));
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      if (n !== doc.currentVersion) throw refuse('not-current-version', { version: n, current: doc.currentVersion, act: 'adopt' });
      const ballot = await this.amendments.openAdoptionBallot(doc.id, tx.manager);
      if (ballot) throw refuse('adoption-ballot-open', { version: ballot.versionNumber, act: 'adopt' });
      const under = await silenceUnderWay(tx.manager, doc.id);
      if (under) throw refuse('silence-under-way', { version: under.versionNumber, deadline: under.deadline.toISOString() });
      await this.guards.beforeAdoption(tx.manager, doc.id, 'silence');
      // A text still circulated to members only cannot be put under silence: the procedure and its text are public (decision 0041).
      await this.visibility.assertPublished(doc.id, n, tx.manager);
      const minimumHours = (await this.standings.settings(tx.manager, doc.workingGroupId)).procedureRules.silenceMinimumHours;
      const deadline = new Date(input.deadline);
      if (!silenceDeadlineLongEnough(deadline, tx.now, minimumHours))
        throw refuse('silence-too-short', { minimumHours, earliest: earliestSilenceDeadline(tx.now, minimumHours).toISOString() });
      const { record, languageVersions } = await this.preflight.settle(tx.manager, doc, version, input.acknowledgedWarnings ?? [], tx.now, input.acknowledgeOutdatedTranslations === true);
      const snapshot = standing.currentSnapshot!;
      const [row] = (await tx.manager.query(
        `INSERT INTO silence_procedures (document_id, working_group_id, version_id, version_number, started_by, started_snapshot, started_at, deadline, warnings)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [doc.id, doc.workingGroupId, version.id, n, actor.id, JSON.stringify(snapshot), tx.now, deadline, record ? JSON.stringify(record) : null],
      )) as { id: string }[];
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'silence.started',
        subjectType: 'silence',
        subjectId: row.id,
        change: {
          documentId: doc.id,
          version: n,
          documentTitle: doc.title,
          deadline: deadline.toISOString(),
          minimumHours,
          ...(record ? { warnings: record } : {}),
          languageVersions,
        },
      });
      return row.id;
    });
    return this.get(id);
  }

  /** A voting member breaks silence: the objection is recorded, signed and reasoned, and the procedure ends at once, not adopted. */
  async object(actor: Actor, silenceId: string, input: ObjectSilenceRequest): Promise<SilenceView> {
    await this.tx.run(async (tx) => {
      const locked = await lockSilence(tx.manager, silenceId);
      if (!locked) throw notFound('silence-procedure');
      const standing = await this.standings.of(tx.manager, locked.workingGroupId, actor.id, tx.now);
      authorise(canObjectToSilence(standing));
      this.refuseEnded(locked, tx.now);
      const snapshot = standing.currentSnapshot!;
      const reason = input.reason.trim();
      const [objection] = (await tx.manager.query(
        `INSERT INTO silence_objections (silence_id, person_id, snapshot, reason, at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [silenceId, actor.id, JSON.stringify(snapshot), reason, tx.now],
      )) as { id: string }[];
      await tx.manager.query(`UPDATE silence_procedures SET state = 'broken', ended_at = $2 WHERE id = $1`, [silenceId, tx.now]);
      const row = (await silenceById(tx.manager, silenceId))!;
      const who = await this.people.auditActorWith(tx.manager, actor.id, snapshot);
      await tx.record({
        scope: workingGroupScope(row.workingGroupId),
        actor: who,
        action: 'silence.objection-raised',
        subjectType: 'silence',
        subjectId: silenceId,
        change: {
          documentId: row.documentId,
          version: row.versionNumber,
          objectionId: objection.id,
          reason,
          deadline: row.deadline.toISOString(),
          explanation: silenceExplanation(
            { state: 'broken', deadline: row.deadline },
            { name: who.name ?? '', organisationName: snapshot.organisationName, reason },
          ),
        },
      });
    });
    return this.get(silenceId);
  }

  async withdraw(actor: Actor, silenceId: string, input: WithdrawSilenceRequest): Promise<SilenceView> {
    await this.tx.run(async (tx) => {
      const locked = await lockSilence(tx.manager, silenceId);
      if (!locked) throw notFound('silence-procedure');
      const standing = await this.standings.of(tx.manager, locked.workingGroupId, actor.id, tx.now);
      authorise(canWithdrawSilence(standing));
      const code = withdrawalRefusal(locked, tx.now);
      if (code === 'silence-ended') throw refuse('silence-ended', { state: locked.state });
      if (code === 'silence-deadline-passed') throw refuse('silence-deadline-passed', { deadline: locked.deadline.toISOString() });
      const snapshot = standing.currentSnapshot!;
      const reason = input.reason.trim();
      await tx.manager.query(
        `UPDATE silence_procedures SET state = 'withdrawn', ended_at = $2, withdrawn_by = $3, withdrawn_snapshot = $4, withdrawal_reason = $5 WHERE id = $1`,
        [silenceId, tx.now, actor.id, JSON.stringify(snapshot), reason],
      );
      const row = (await silenceById(tx.manager, silenceId))!;
      await tx.record({
        scope: workingGroupScope(row.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'silence.withdrawn',
        subjectType: 'silence',
        subjectId: silenceId,
        change: { documentId: row.documentId, version: row.versionNumber, reason, deadline: row.deadline.toISOString() },
      });
    });
    return this.get(silenceId);
  }

  /**
   * The scheduler's pass: every procedure whose deadline has come with no objection ends `passed` and
   * its version is adopted, each in one audited transaction. Safe with several instances: each
   * procedure's row is locked and re-checked, so exactly one of them adopts it (and an objection
   * racing the deadline either comes first, breaking silence, or is refused).
   */
  async passDue(limit = 50): Promise<string[]> {
    const passed: string[] = [];
    for (const id of await silencesDue(this.dataSource.manager, this.clock.now(), limit)) {
      const done = await this.tx.run(async (tx) => {
        const locked = await lockSilence(tx.manager, id);
        if (!locked || !silenceHeld(locked, tx.now)) return false;
        await this.pass(tx, id);
        return true;
      });
      if (done) passed.push(id);
    }
    return passed;
  }

  private async pass(tx: Tx, id: string): Promise<void> {
    const row = (await silenceById(tx.manager, id))!;
    const doc = (await this.documents.lockDocument(tx.manager, row.documentId))!;
    await tx.manager.query(`UPDATE silence_procedures SET state = 'passed', ended_at = $2 WHERE id = $1`, [id, row.deadline]);
    const explanation = silenceExplanation({ state: 'passed', deadline: row.deadline });
    await tx.record({
      scope: workingGroupScope(row.workingGroupId),
      actor: SYSTEM_ACTOR,
      action: 'silence.passed',
      subjectType: 'silence',
      subjectId: id,
      change: { documentId: row.documentId, version: row.versionNumber, deadline: row.deadline.toISOString(), explanation },
    });
    await this.documentService.adopt(tx, doc, {
      versionId: row.versionId,
      number: row.versionNumber,
      at: row.deadline,
      by: { silenceProcedureId: id, deadline: row.deadline, explanation },
    });
  }

  async get(id: string): Promise<SilenceView> {
    const row = await silenceById(this.dataSource.manager, id);
    if (!row) throw notFound('silence-procedure');
    return (await this.views([row]))[0];
  }

  async listByDocument(documentId: string): Promise<SilenceList> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    return { items: await this.views(await silencesOfDocument(this.dataSource.manager, documentId)) };
  }

  async listByGroup(workingGroupId: string): Promise<SilenceList> {
    if (!(await this.groups.settings(this.dataSource.manager, workingGroupId))) throw notFound('working-group');
    return { items: await this.views(await silencesOfGroup(this.dataSource.manager, workingGroupId)) };
  }

  private refuseEnded(s: { state: SilenceRow['state']; deadline: Date }, now: Date): void {
    const code = objectionRefusal(s, now);
    if (code === 'silence-ended') throw refuse('silence-ended', { state: s.state });
    if (code === 'silence-deadline-passed') throw refuse('silence-deadline-passed', { deadline: s.deadline.toISOString() });
  }

  private async views(rows: SilenceRow[]): Promise<SilenceView[]> {
    const now = this.clock.now();
    const electorates = new Map<string, Awaited<ReturnType<WorkingGroupAccess['votingElectorate']>>>();
    for (const r of rows)
      if (r.state === 'under-way' && !electorates.has(r.workingGroupId))
        electorates.set(r.workingGroupId, await this.groups.votingElectorate(this.dataSource.manager, r.workingGroupId, now));
    return rows.map((r) => view(r, now, r.state === 'under-way' ? (electorates.get(r.workingGroupId) ?? []) : []));
  }
}

function view(r: SilenceRow, now: Date, mayObject: { personId: string; name: string; snapshot: SilenceView['mayObject'][number]['snapshot'] }[]): SilenceView {
  const objection = r.objection;
  return {
    id: r.id,
    documentId: r.documentId,
    documentTitle: r.documentTitle,
    workingGroupId: r.workingGroupId,
    version: r.versionNumber,
    state: r.state,
    startedBy: actorRef(r.startedBy, r.startedName, r.startedSnapshot),
    startedAt: r.startedAt.toISOString(),
    deadline: r.deadline.toISOString(),
    due: silenceHeld(r, now),
    warnings: (r.warnings as Record<string, unknown> | null) ?? null,
    objection: objection
      ? { id: objection.id, by: actorRef(objection.personId, objection.name, objection.snapshot), reason: objection.reason, at: objection.at.toISOString() }
      : null,
    withdrawal: r.withdrawnBy
      ? { by: actorRef(r.withdrawnBy, r.withdrawnName, r.withdrawnSnapshot), reason: r.withdrawalReason ?? '', at: r.endedAt!.toISOString() }
      : null,
    endedAt: r.endedAt?.toISOString() ?? null,
    explanation: silenceExplanation(
      r,
      objection ? { name: objection.name, organisationName: objection.snapshot.organisationName, reason: objection.reason } : null,
    ),
    mayObject: mayObject.map((m) => ({ personId: m.personId, name: m.name, snapshot: m.snapshot })),
  };
}
