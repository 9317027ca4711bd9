import { Injectable } from '@nestjs/common';
import { precedentKey, reopenedPrecedents, traceProvenance, type VersionProvenance } from '@parley/domain';
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

  /** The adopted texts each amendment (replace or delete) reopens, in its base version's provenance. */
  async ofAmendments(
    documentId: string,
    rows: readonly Pick<AmendmentRow, 'id' | 'kind' | 'baseVersion' | 'targetClauseId' | 'text'>[],
  ): Promise<Map<string, AgreedLanguagePedigree[]>> {
    const out = new Map<string, AgreedLanguagePedigree[]>();
    const changing = rows.filter((r) => r.kind !== 'insert' && r.targetClauseId !== null);
    if (changing.length === 0) return out;
    const cited = await this.citations.ofDocument(documentId);
    if (cited.length === 0) return out;
    const pedigrees = await this.citations.pedigreesOf(cited);
    const traced = new Map<number, VersionProvenance>();
    for (const n of new Set(changing.map((r) => r.baseVersion))) traced.set(n, traceProvenance((await this.reads.provenanceChain(documentId, n)).chain));
    for (const r of changing) {
      const clause = traced.get(r.baseVersion)!.clauses.find((c) => c.clauseId === r.targetClauseId);
      if (!clause) continue;
      const sources = reopenedPrecedents(clause, r.kind === 'delete' ? null : (r.text ?? ''));
      if (sources.length > 0)
        out.set(
          r.id,
          sources.map((s) => pedigrees.get(precedentKey(s))!),
        );
    }
    return out;
  }
}
