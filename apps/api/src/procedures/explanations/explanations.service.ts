import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkParagraphs, explanationWindow, paragraphList, workingGroupScope } from '@parley/domain';
import { refusal, type ExplanationsResponse, type PlaceExplanationRequest } from '@parley/contracts';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { DocumentRepository } from '../../drafting/document.repository';
import { DraftingStandings } from '../../drafting/drafting-standings';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { Clock } from '../../platform/clock/clock';
import { authorise, notFound, refuse, stated, validationProblem } from '../../platform/http/problem';
import { canPlaceExplanation } from './explanations.policy';
import { explanationsOn, paragraphsOf, versionFacts } from './explanations.reads';

/**
 * Explanations of position (decision record 0037): a delegation places its position, a reservation
 * or a disassociation from named paragraphs on a version under adoption (before the decision) or
 * adopted (after it, for EXPLANATION_AFTER_DAYS days). One audited transaction per statement, the
 * document row locked so the before/after reading cannot race the adoption; never a vote, it
 * touches no ballot.
 */
@Injectable()
export class ExplanationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  async place(actor: Actor, documentId: string, n: number, raw: PlaceExplanationRequest): Promise<ExplanationsResponse> {
    const input = { ...raw, clauseIds: raw.clauseIds ?? [] };
    await this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canPlaceExplanation(standing, input.organisationId));
      const version = await versionFacts(tx.manager, doc.id, n);
      if (!version) throw refuse('version-not-found', { version: n });
      const window = explanationWindow(version, tx.now);
      if (!window.open) {
        if (window.why === 'not-under-decision') throw refuse('explanation-not-under-decision', { version: n });
        throw refuse('explanation-window-closed', { version: n, closedAt: window.closedAt.toISOString() });
      }
      const paragraphs = await paragraphsOf(tx.manager, version.id);
      const problem = checkParagraphs(input.kind, input.clauseIds, new Map(paragraphs.map((p) => [p.id, p.kind])));
      if (problem?.why === 'disassociation-needs-paragraphs') throw validationProblem('clauseIds', 'too-few', { minimum: 1 });
      if (problem?.why === 'not-a-paragraph') throw validationProblem('clauseIds', 'not-a-clause', { version: n });
      if (problem?.why === 'duplicate-paragraph') throw validationProblem('clauseIds', 'duplicate-clause');
      const snapshot = standing.currentSnapshot!;
      const label = new Map(paragraphs.map((p) => [p.id, p.label ?? '']));
      if (input.kind === 'disassociation') {
        const [already] = (await tx.manager.query(
          `SELECT clause_id FROM explanation_paragraphs WHERE version_id = $1 AND organisation_id = $2 AND kind = 'disassociation' AND clause_id = ANY($3::uuid[]) LIMIT 1`,
          [version.id, snapshot.organisationId, input.clauseIds],
        )) as { clause_id: string }[];
        if (already) throw refuse('already-disassociated', { organisation: snapshot.organisationName, paragraph: label.get(already.clause_id) ?? '' });
      }
      const [row] = (await tx.manager.query(
        `INSERT INTO explanations_of_position (document_id, version_id, version_number, kind, organisation_id, organisation_name, text, timing, placed_by, placed_snapshot, placed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [doc.id, version.id, version.number, input.kind, snapshot.organisationId, snapshot.organisationName, input.text, window.timing, actor.id, JSON.stringify(snapshot), tx.now],
      )) as { id: string }[];
      for (const [ordinal, clauseId] of input.clauseIds.entries())
        await tx.manager.query(
          `INSERT INTO explanation_paragraphs (explanation_id, ordinal, version_id, clause_id, organisation_id, kind) VALUES ($1, $2, $3, $4, $5, $6)`,
          [row.id, ordinal, version.id, clauseId, snapshot.organisationId, input.kind],
        );
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'explanation.placed',
        subjectType: 'explanation',
        subjectId: row.id,
        change: {
          documentId: doc.id,
          version: version.number,
          kind: input.kind,
          organisationId: snapshot.organisationId,
          organisationName: snapshot.organisationName,
          clauseIds: input.clauseIds,
          labels: input.clauseIds.map((id) => label.get(id) ?? ''),
          text: input.text,
          timing: window.timing,
        },
      });
    });
    return this.list(actor, documentId, n);
  }

  /** The explanations on version `n`, whether statements are taken now, and whether the reader may place one. Public. */
  async list(actor: Actor | null, documentId: string, n: number): Promise<ExplanationsResponse> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const doc = await this.documents.findDocument(documentId, manager);
    if (!doc) throw notFound('document');
    const version = await versionFacts(manager, doc.id, n);
    if (!version) throw refuse('version-not-found', { version: n });
    const [read, standing] = await Promise.all([explanationsOn(manager, doc.id, version), this.standings.of(manager, doc.workingGroupId, actor?.id ?? null, now)]);
    const window = explanationWindow(version, now);
    const policy = canPlaceExplanation(standing);
    const place =
      policy !== true
        ? policy
        : window.open
          ? true
          : window.why === 'not-under-decision'
            ? refusal('explanation-not-under-decision', { version: n })
            : refusal('explanation-window-closed', { version: n, closedAt: window.closedAt.toISOString() });
    return {
      documentId: doc.id,
      version: version.number,
      adoptedAt: version.adoptedAt?.toISOString() ?? null,
      underAdoption: version.underAdoption,
      window: window.open ? { open: true, timing: window.timing, closesAt: window.closesAt?.toISOString() ?? null } : { open: false, timing: null, closesAt: window.why === 'window-closed' ? window.closedAt.toISOString() : null },
      ...read,
      can: {
        place: stated(place),
        delegation: standing.membership && standing.currentSnapshot ? { organisationId: standing.currentSnapshot.organisationId, organisationName: standing.currentSnapshot.organisationName } : null,
      },
    };
  }
}

/** "Japan disassociated from OP2 and OP7": the English line the exports and provenance use. */
export const disassociationLine = (organisation: string, labels: string[]) => `${organisation} disassociated from ${paragraphList(labels)}`;

