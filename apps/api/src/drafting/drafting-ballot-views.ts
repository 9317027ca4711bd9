import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { clauseLabels, type ClauseKind } from '@parley/domain';
import type { AdoptionSubjectView, AmendmentSubjectView, ConsolidationReport } from '@parley/contracts';
import { AmendmentRepository } from './amendment.repository';
import { amendmentDiff } from './amendment.service';
import { DocumentRepository } from './document.repository';
import { actorRef } from './drafting.mapper';
import { StreamliningReads } from '../negotiation/streamlining/streamlining.reads';

/**
 * What a drafting ballot decides, as its page shows it. An amendment ballot reads the amendment
 * (its target's text is stored with it), its co-sponsors and the document's title: never the
 * document's clauses. An adoption ballot reads the version's clauses and one aggregate of counts.
 */
@Injectable()
export class DraftingBallotViews {
  constructor(
    private readonly amendments: AmendmentRepository,
    private readonly documents: DocumentRepository,
    private readonly dataSource: DataSource,
    private readonly negotiation: StreamliningReads,
  ) {}

  async amendment(amendmentId: string | null): Promise<AmendmentSubjectView | null> {
    if (!amendmentId) return null;
    const [a, cosponsors, negotiation] = await Promise.all([this.amendments.findRow(amendmentId), this.amendments.cosponsorsOf([amendmentId]), this.negotiation.negotiationOf([amendmentId])]);
    if (!a) return null;
    const title = (await this.documents.titlesOf([a.documentId])).get(a.documentId) ?? '';
    return {
      type: 'amendment',
      amendmentId: a.id,
      status: a.status,
      kind: a.kind,
      documentId: a.documentId,
      documentTitle: title,
      version: a.appliesToVersion,
      clauseId: a.targetClauseId,
      newClauseKind: a.newClauseKind,
      diff: amendmentDiff(a),
      author: actorRef(a.authorId, a.authorName, a.authorSnapshot),
      cosponsors: cosponsors.map((c) => ({ person: actorRef(c.personId, c.name, c.snapshot), at: c.createdAt.toISOString() })),
      appliedInVersion: a.appliedInVersion,
      recommendation: negotiation.get(a.id)?.recommendation ?? null,
    };
  }

  async adoption(versionId: string | null): Promise<AdoptionSubjectView | null> {
    if (!versionId) return null;
    const [v]: { document_id: string; number: number; title: string; adopted_at: Date | null; consolidation: ConsolidationReport | null }[] = await this.dataSource.query(
      `SELECT v.document_id, v.number, v.adopted_at, v.consolidation, d.title FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = $1`,
      [versionId],
    );
    if (!v) return null;
    const [clauses, [counts]] = await Promise.all([
      this.documents.clausesOf(versionId),
      this.dataSource.query(
        `SELECT (SELECT count(*) FROM comments WHERE document_id = $1 AND version_number = $2)::int AS comments,
                (SELECT count(*) FROM comments WHERE document_id = $1 AND version_number <= $2 AND kind = 'clarification' AND disposition IS NULL)::int AS unanswered,
                (SELECT count(*) FROM amendments WHERE document_id = $1 AND applies_to_version = $2 AND status IN ('proposed','balloting'))::int AS open,
                (SELECT count(*) FROM amendments WHERE document_id = $1 AND applies_to_version = $2 AND status = 'accepted' AND applied_in_version IS NULL)::int AS waiting`,
        [v.document_id, v.number],
      ) as Promise<{ comments: number; unanswered: number; open: number; waiting: number }[]>,
    ]);
    const labels = clauseLabels(clauses.map((c) => ({ id: c.clauseId, kind: c.kind as ClauseKind, text: c.text })));
    return {
      type: 'adoption',
      documentId: v.document_id,
      documentTitle: v.title,
      version: v.number,
      adopted: v.adopted_at !== null,
      clauses: clauses.map((c) => ({ id: c.clauseId, kind: c.kind, label: labels.get(c.clauseId) ?? null, text: c.text })),
      counts: {
        comments: counts.comments,
        unansweredClarifications: counts.unanswered,
        openAmendments: counts.open,
        acceptedWaiting: counts.waiting,
        applied: v.consolidation?.applied.length ?? 0,
      },
    };
  }
}
