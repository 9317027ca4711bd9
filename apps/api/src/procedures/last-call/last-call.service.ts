import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { clauseLabels, lastCallClosesAt, lastCallOpen, minimumLastCallDays, workingGroupScope } from '@parley/domain';
import { refusal, type LastCallView, type OpenLastCallRequest } from '@parley/contracts';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { canOpenBallot } from '../../decisions/ballot.policy';
import { DocumentReads } from '../../drafting/document-reads.service';
import { DocumentRepository } from '../../drafting/document.repository';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { actorRef } from '../../drafting/drafting.mapper';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { Clock } from '../../platform/clock/clock';
import { authorise, notFound, refuse, refused } from '../../platform/http/problem';
import { lastCallComments, lastCallOf, lastCallWarningOn } from './last-call.reads';

/**
 * Last call (decision record 0038): a chair opens a fixed window on the current version before the
 * decision; comments raised on it during the window are tracked to a disposition, and the adoption is
 * warned of a last call not held, still open, or with comments undisposed (adoption-preflight). The
 * window is fixed when opened: it closes by the clock, with no act and no scheduler.
 */
@Injectable()
export class LastCallService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly reads: DocumentReads,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor | null, documentId: string, n: number): Promise<LastCallView> {
    const manager = this.dataSource.manager;
    const doc = await this.documents.findDocumentRow(documentId, manager);
    if (!doc) throw notFound('document');
    const version = await this.reads.requireVersion(doc, n, undefined, manager);
    const now = this.clock.now();
    const [settings, standing, lc, clauses] = await Promise.all([
      this.standings.settings(manager, doc.workingGroupId),
      this.standings.of(manager, doc.workingGroupId, actor?.id ?? null, now),
      lastCallOf(manager, doc.id, n),
      this.documents.clausesOf(version.id, manager),
    ]);
    const labels = clauseLabels(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })));
    const required = settings.procedureRules.lastCallDays;
    const warnings = await lastCallWarningOn(manager, doc.id, n, required, now, (c) => labels.get(c) ?? null);
    let lastCall: LastCallView['lastCall'] = null;
    if (lc) {
      const comments = await lastCallComments(manager, lc);
      const byKind: Record<string, number> = {};
      const byDisposition: Record<string, number> = {};
      for (const c of comments) {
        byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
        byDisposition[c.disposition ?? 'none'] = (byDisposition[c.disposition ?? 'none'] ?? 0) + 1;
      }
      lastCall = {
        id: lc.id,
        days: lc.days,
        opensAt: new Date(lc.opensAt).toISOString(),
        closesAt: new Date(lc.closesAt).toISOString(),
        open: lastCallOpen({ closesAt: new Date(lc.closesAt) }, now),
        note: lc.note,
        openedBy: actorRef(lc.openedBy, lc.openerName, lc.openedSnapshot),
        comments: comments.map((c) => ({
          commentId: c.id,
          clauseId: c.clauseId,
          clauseLabel: labels.get(c.clauseId) ?? null,
          kind: c.kind,
          body: c.body,
          author: actorRef(c.authorId, c.authorName, c.authorSnapshot),
          createdAt: new Date(c.createdAt).toISOString(),
          disposition: c.disposition,
        })),
        byKind,
        byDisposition,
      };
    }
    const openable = !lc && doc.status !== 'adopted' && n === doc.currentVersion && canOpenBallot(standing) === true;
    return { documentId: doc.id, version: n, lastCallDays: required, lastCall, warnings: warnings.kinds, can: { open: openable, minimumDays: minimumLastCallDays(required) } };
  }

  /** A chair opens the last call of the current version, for at least the group's `lastCallDays` (or one day). */
  async open(actor: Actor, documentId: string, n: number, input: OpenLastCallRequest): Promise<LastCallView> {
    await this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const version = await this.reads.requireVersion(doc, n, undefined, tx.manager);
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canOpenBallot(standing));
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      if (n !== doc.currentVersion) throw refuse('not-current-version', { version: n, current: doc.currentVersion, act: 'adopt' });
      const settings = await this.standings.settings(tx.manager, doc.workingGroupId);
      const minimum = minimumLastCallDays(settings.procedureRules.lastCallDays);
      if (input.days < minimum) throw refused(refusal('last-call-too-short', { minimum }), 'days');
      if (await lastCallOf(tx.manager, doc.id, n)) throw refuse('last-call-exists', { version: n });
      const closesAt = lastCallClosesAt(tx.now, input.days);
      const snapshot = standing.currentSnapshot!;
      const [row] = (await tx.manager.query(
        `INSERT INTO last_calls (document_id, version_id, version_number, days, opens_at, closes_at, note, opened_by, opened_snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [doc.id, version.id, n, input.days, tx.now, closesAt, input.note ?? null, actor.id, JSON.stringify(snapshot)],
      )) as { id: string }[];
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'last-call.opened',
        subjectType: 'last-call',
        subjectId: row.id,
        change: { documentId: doc.id, version: n, days: input.days, opensAt: tx.now.toISOString(), closesAt: closesAt.toISOString(), note: input.note ?? null },
      });
    });
    return this.get(actor, documentId, n);
  }
}
