import { Injectable } from '@nestjs/common';
import { precedentKey, type PrecedentSource, reopenedPrecedents, traceClausesAt } from '@parley/domain';
import type { AgreedLanguagePedigree } from '@parley/contracts';
import type { AmendmentRow } from './amendment.repository';
import { Citations } from './citations';
import { DocumentReads } from './document-reads.service';

/**
 * "Reopens agreed language" (decision 0054): a change that alters or deletes words whose provenance
 * is precedent, as traced from the stored citations and the adopted texts. Nothing is traced for a
 * document in which nothing was ever cited.
 */
@Injectable()
export class ReopenedAgreedLanguage {
  constructor(
    private readonly reads: DocumentReads,
    private readonly citations: Citations,
  ) {}

  /**
   * The adopted texts each amendment (replace or delete) reopens, in its base version's provenance.
   * Only amendments whose target clause ever received a citation are traced, and the history is
   * traced once, to the highest base version needed, keeping those clauses at each base version.
   */
  async ofAmendments(
    documentId: string,
    rows: readonly Pick<AmendmentRow, 'id' | 'kind' | 'baseVersion' | 'targetClauseId' | 'text'>[],
  ): Promise<Map<string, AgreedLanguagePedigree[]>> {
    const out = new Map<string, AgreedLanguagePedigree[]>();
    if (!rows.some((r) => r.kind !== 'insert' && r.targetClauseId !== null)) return out;
    const citedClauses = await this.citations.citedClauseIds(documentId);
    const changing = rows.filter((r) => r.kind !== 'insert' && r.targetClauseId !== null && citedClauses.has(r.targetClauseId));
    if (changing.length === 0) return out;
    const highest = Math.max(...changing.map((r) => r.baseVersion));
    const { chain, citations } = await this.reads.provenanceChain(documentId, highest);
    const traced = traceClausesAt(chain, new Set(changing.map((r) => r.baseVersion)), new Set(changing.map((r) => r.targetClauseId!)));
    const reopened = new Map<string, PrecedentSource[]>();
    for (const r of changing) {
      const clause = traced.get(r.baseVersion)?.get(r.targetClauseId!);
      if (!clause) continue;
      const sources = reopenedPrecedents(clause, r.kind === 'delete' ? null : (r.text ?? ''), chain.locale ?? undefined);
      if (sources.length > 0) reopened.set(r.id, sources);
    }
    if (reopened.size === 0) return out;
    const keys = new Set([...reopened.values()].flat().map(precedentKey));
    const pedigrees = await this.citations.pedigreesOf(citations.filter((c) => keys.has(precedentKey(c.source))));
    for (const [id, sources] of reopened)
      out.set(
        id,
        sources.map((s) => pedigrees.get(precedentKey(s))!),
      );
    return out;
  }
}
