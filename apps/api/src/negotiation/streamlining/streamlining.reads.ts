import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { followedRecommendation } from '@parley/domain';
import type { AmendmentLink, AmendmentNegotiation, RecommendationRecordEntry, RecommendationView } from '@parley/contracts';
import { actorRef } from '../../drafting/drafting.mapper';
import { StreamliningRepository, type LinkRow, type RecommendationRow } from './streamlining.repository';

export const toRecommendationView = (r: RecommendationRow): RecommendationView => ({
  id: r.id,
  recommendation: r.recommendation,
  reason: r.reason,
  targetAmendmentId: r.targetAmendmentId,
  givenBy: actorRef(r.givenBy, r.givenByName, r.givenBySnapshot),
  givenAt: r.givenAt.toISOString(),
});

export const toLink = (l: LinkRow): AmendmentLink => ({ id: l.id, kind: l.kind, status: l.status, text: l.text, author: actorRef(l.authorId, l.authorName, l.authorSnapshot), streamlined: l.streamlined });

const NONE: AmendmentNegotiation = { streamlined: false, sources: [], mergedInto: null, recommendation: null, recommendationHistory: [], followedRecommendation: null, recommendationsBallotId: null };

/**
 * What streamlining and recommendations add to amendment reads (the amendments list, one amendment,
 * the ballot page): a few batched reads for a page of amendments, never one per amendment.
 */
@Injectable()
export class StreamliningReads {
  constructor(private readonly repo: StreamliningRepository) {}

  /** The disposition report's record of recommendations on version `n`: each amendment, its current recommendation, its outcome, followed or not. */
  async recordOn(documentId: string, n: number, labelOf: (clauseId: string) => string | null): Promise<RecommendationRecordEntry[]> {
    const rows = await this.repo.recommendedOn(documentId, n);
    const latest = new Map<string, RecommendationRow>();
    for (const r of await this.repo.recommendationsOf(rows.map((a) => a.id))) if (!latest.has(r.amendmentId)) latest.set(r.amendmentId, r);
    return rows.map((a) => {
      const rec = latest.get(a.id)!;
      return {
        amendmentId: a.id,
        kind: a.kind,
        clauseId: a.targetClauseId,
        clauseLabel: a.targetClauseId ? labelOf(a.targetClauseId) : null,
        text: a.text,
        author: actorRef(a.authorId, a.authorName, a.authorSnapshot),
        recommendation: toRecommendationView(rec),
        status: a.status,
        mergedInto: a.mergedInto,
        followedRecommendation: followedRecommendation(rec, a),
      };
    });
  }

  async negotiationOf(ids: readonly string[], manager?: EntityManager): Promise<Map<string, AmendmentNegotiation>> {
    const out = new Map<string, AmendmentNegotiation>();
    if (ids.length === 0) return out;
    const [own, sources, recs] = await Promise.all([this.repo.links(ids, manager), this.repo.sourcesAround(ids, manager), this.repo.recommendationsOf(ids, manager)]);
    const linked = new Set<string>([...sources.map((s) => s.sourceId), ...own.map((o) => o.mergedInto).filter((m): m is string => m !== null)]);
    const others = new Map((await this.repo.links([...linked], manager)).map((l) => [l.id, l]));
    const recsOf = new Map<string, RecommendationRow[]>();
    for (const r of recs) recsOf.set(r.amendmentId, [...(recsOf.get(r.amendmentId) ?? []), r]);
    for (const a of own) {
      const history = recsOf.get(a.id) ?? [];
      const current = history[0] ?? null;
      const mine = sources.filter((s) => s.proposalId === a.id);
      out.set(a.id, {
        streamlined: a.streamlined,
        sources: mine.map((s) => others.get(s.sourceId)).filter((l): l is LinkRow => l !== undefined).map(toLink),
        mergedInto: a.mergedInto && others.has(a.mergedInto) ? toLink(others.get(a.mergedInto)!) : null,
        recommendation: current ? toRecommendationView(current) : null,
        recommendationHistory: history.map(toRecommendationView),
        followedRecommendation: followedRecommendation(current, { status: a.status, mergedInto: a.mergedInto }),
        recommendationsBallotId: a.recommendationsBallotId,
      });
    }
    for (const id of ids) if (!out.has(id)) out.set(id, NONE);
    return out;
  }
}
