import { Injectable } from '@nestjs/common';
import { BracketRepository } from '../brackets/bracket.repository';
import { DataSource, EntityManager } from 'typeorm';
import { adRefExpired, effectiveStatus, isoDay, workingGroupScope, type ClauseStatus } from '@parley/domain';
import type { AgreeAdRefRequest, ClauseStatusHistory, EndAdRefRequest, SetClauseStatusRequest } from '@parley/contracts';
import { DocumentRepository } from '../../drafting/document.repository';
import type { DocumentEntity } from '../../drafting/document.entity';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { DraftingChains } from '../../drafting/drafting-chains';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { Clock } from '../../platform/clock/clock';
import { authorise, notFound, refuse, validationProblem } from '../../platform/http/problem';
import { canAgreeAdRef, canEndAdRef, canSetClauseStatus } from './clause-status.policy';
import { adRefsOf, clauseNegotiationOf, lockAdRef, readNegotiation, statusHistory, toAdRefView, unendedAdRef } from './clause-status.reads';

/**
 * Clause status and agreed ad ref (decision record 0032): a chair or rapporteur moves a clause's
 * status with a note; a delegation agrees a clause ad referendum until a day, and lifts or withdraws
 * it. Every act is a new row (status) or a once-only ending (ad ref), audited in the same
 * transaction on the group's chain and pushed live to the document's room after commit.
 */
@Injectable()
export class ClauseStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly clock: Clock,
    private readonly brackets: BracketRepository,
    private readonly chains: DraftingChains,
  ) {}

  async setStatus(actor: Actor, documentId: string, clauseId: string, input: SetClauseStatusRequest): Promise<ClauseStatusHistory> {
    await this.chains.run({ document: documentId }, async (tx) => {
      const { doc, version, clause, standing } = await this.clauseInDraft(tx.manager, documentId, clauseId, actor.id, tx.now);
      authorise(canSetClauseStatus(standing));
      if (clause.kind === 'heading') throw refuse('heading-no-status');
      if (input.status === 'agreed') {
        const open = await this.brackets.openInClause(doc.id, clauseId, tx.manager);
        if (open.length > 0) throw refuse('clause-bracketed', { brackets: open.length });
      }
      const [previous] = (await tx.manager.query(
        `SELECT s.status, (made.text IS DISTINCT FROM $4::text) AS text_changed FROM clause_statuses s
           JOIN version_clauses made ON made.version_id = s.version_id AND made.clause_id = s.clause_id
          WHERE s.document_id = $1 AND s.clause_id = $2 AND s.version_number <= $3 ORDER BY s.at DESC, s.id DESC LIMIT 1`,
        [doc.id, clauseId, version.number, clause.text],
      )) as { status: ClauseStatus; text_changed: boolean }[];
      const [row] = (await tx.manager.query(
        `INSERT INTO clause_statuses (document_id, clause_id, version_id, version_number, status, note, actor_id, actor_snapshot, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [doc.id, clauseId, version.id, version.number, input.status, input.note ?? null, actor.id, JSON.stringify(standing.currentSnapshot), tx.now],
      )) as { id: string }[];
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot),
        action: 'clause.status-changed',
        subjectType: 'clause-status',
        subjectId: row.id,
        change: {
          documentId: doc.id,
          clauseId,
          version: version.number,
          status: input.status,
          previous: effectiveStatus(previous ? { status: previous.status, textChanged: previous.text_changed } : null).status,
          note: input.note ?? null,
        },
      });
    });
    return this.history(documentId, clauseId);
  }

  async agreeAdRef(actor: Actor, documentId: string, clauseId: string, input: AgreeAdRefRequest): Promise<ClauseStatusHistory> {
    await this.chains.run({ document: documentId }, async (tx) => {
      const { doc, version, clause, standing } = await this.clauseInDraft(tx.manager, documentId, clauseId, actor.id, tx.now);
      authorise(canAgreeAdRef(standing));
      if (clause.kind === 'heading') throw refuse('heading-no-status');
      const today = isoDay(tx.now);
      if (input.expiresOn < today) throw validationProblem('expiresOn', 'date-too-early', { earliest: today });
      const snapshot = standing.currentSnapshot!;
      const existing = await unendedAdRef(tx.manager, doc.id, clauseId, snapshot.organisationId);
      let lapsed: string | null = null;
      if (existing) {
        if (!adRefExpired(existing.expiresOn, tx.now)) throw refuse('ad-ref-open', { organisation: existing.organisationName, expiresOn: existing.expiresOn });
        // Past its day: the new ad ref replaces it, and the old one is marked lapsed (named in the event).
        await tx.manager.query(`UPDATE clause_ad_refs SET ended = 'lapsed', ended_at = $2 WHERE id = $1`, [existing.id, tx.now]);
        lapsed = existing.id;
      }
      const [row] = (await tx.manager.query(
        `INSERT INTO clause_ad_refs (document_id, clause_id, version_id, version_number, organisation_id, organisation_name, expires_on, note, agreed_by, agreed_snapshot, agreed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [doc.id, clauseId, version.id, version.number, snapshot.organisationId, snapshot.organisationName, input.expiresOn, input.note ?? null, actor.id, JSON.stringify(snapshot), tx.now],
      )) as { id: string }[];
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'clause.ad-ref-agreed',
        subjectType: 'ad-ref',
        subjectId: row.id,
        change: {
          documentId: doc.id,
          clauseId,
          version: version.number,
          organisationId: snapshot.organisationId,
          organisationName: snapshot.organisationName,
          expiresOn: input.expiresOn,
          note: input.note ?? null,
          lapsed,
        },
      });
    });
    return this.history(documentId, clauseId);
  }

  async endAdRef(actor: Actor, documentId: string, clauseId: string, adRefId: string, ending: 'lifted' | 'withdrawn', input: EndAdRefRequest): Promise<ClauseStatusHistory> {
    await this.chains.run({ document: documentId }, async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const adRef = await lockAdRef(tx.manager, adRefId);
      if (!adRef || adRef.documentId !== doc.id || adRef.clauseId !== clauseId) throw notFound('ad-ref');
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canEndAdRef(standing, adRef, ending, tx.now));
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      await tx.manager.query(`UPDATE clause_ad_refs SET ended = $2, end_note = $3, ended_by = $4, ended_snapshot = $5, ended_at = $6 WHERE id = $1`, [
        adRef.id,
        ending,
        input.note ?? null,
        actor.id,
        JSON.stringify(standing.currentSnapshot),
        tx.now,
      ]);
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot),
        action: ending === 'lifted' ? 'clause.ad-ref-lifted' : 'clause.ad-ref-withdrawn',
        subjectType: 'ad-ref',
        subjectId: adRef.id,
        change: {
          documentId: doc.id,
          clauseId,
          version: doc.currentVersion,
          organisationId: adRef.organisationId,
          organisationName: adRef.organisationName,
          expiresOn: adRef.expiresOn,
          note: input.note ?? null,
        },
      });
    });
    return this.history(documentId, clauseId);
  }

  /** A clause's negotiating status at the current version, its status history and every ad ref given on it. Public. */
  async history(documentId: string, clauseId: string): Promise<ClauseStatusHistory> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const doc = await this.documents.findDocument(documentId, manager);
    if (!doc) throw notFound('document');
    const version = (await this.documents.findVersion(doc.id, doc.currentVersion, manager))!;
    const [read, history, adRefs] = await Promise.all([
      readNegotiation(manager, { id: doc.id, adopted: doc.status === 'adopted' }, version, now),
      statusHistory(manager, doc.id, clauseId),
      adRefsOf(manager, doc.id, clauseId),
    ]);
    if (history.length === 0 && adRefs.length === 0 && !(await this.documents.clauseOf(version.id, clauseId, manager))) throw validationProblem('clauseId', 'not-a-clause', { version: version.number });
    return {
      documentId: doc.id,
      clauseId,
      current: clauseNegotiationOf(read, clauseId, doc.status === 'adopted'),
      history,
      adRefs: adRefs.map((a) => toAdRefView(a, now)),
    };
  }

  /** The document (locked), its current version and the clause in it, and the actor's standing; refuses once the text is adopted. */
  private async clauseInDraft(manager: EntityManager, documentId: string, clauseId: string, actorId: string, now: Date) {
    const doc: DocumentEntity | null = await this.documents.lockDocument(manager, documentId);
    if (!doc) throw notFound('document');
    const standing = await this.standings.of(manager, doc.workingGroupId, actorId, now);
    const version = (await this.documents.findVersion(doc.id, doc.currentVersion, manager))!;
    const clause = await this.documents.clauseOf(version.id, clauseId, manager);
    if (!clause) throw validationProblem('clauseId', 'not-a-clause', { version: version.number });
    if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
    return { doc, version, clause, standing };
  }
}
