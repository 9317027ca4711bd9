import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { citationProblem, clauseLabels, MINIMUM_PASSAGE_WORDS, type Occurrence, precedentKey, type PrecedentSource } from '@parley/domain';
import type { AgreedLanguagePedigree, CitationInput, CitationResponse } from '@parley/contracts';
import { validationProblem } from '../platform/http/problem';
import { VersionVisibility } from '../procedures/publication/version-visibility';
import { CitationRepository, type CitationRow, type SourceVersionRow } from './citations.repository';
import { DocumentRepository } from './document.repository';
import { toClause } from './drafting.mapper';

/** Cited versions and clauses already read in one request. */
export type CitationLookups = Map<string, Promise<unknown>>;

/** A citation the server checked: the adopted version and clause it quotes, and the passage. */
export interface CheckedCitation {
  sourceVersionId: string;
  sourceClauseId: string;
  passage: string;
  input: CitationInput;
}

/**
 * Citations of agreed language (decision 0054): checked against the stored adopted text when a text
 * is proposed, recorded with it, and read back with their pedigrees. Precedent never comes from
 * anything else: not the client's word, not an edited export.
 */
@Injectable()
export class Citations {
  constructor(
    private readonly repository: CitationRepository,
    private readonly documents: DocumentRepository,
    private readonly visibility: VersionVisibility,
  ) {}

  /**
   * Checks each citation of `proposedText` for `reader` (400 naming `${field}.N.version|clauseId|passage`
   * on the first that fails): the version adopted and one they may read, the clause in it, the
   * passage verbatim in that clause and in the proposed text.
   */
  async check(
    manager: EntityManager,
    reader: { id: string },
    proposedText: string,
    citations: readonly CitationInput[] | undefined,
    field: string,
    /** Shared by the calls of one request (a chair's text checks each clause): each cited version and clause is read once. */
    seen: CitationLookups = new Map(),
  ): Promise<CheckedCitation[]> {
    const checked: CheckedCitation[] = [];
    const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
      if (!seen.has(key)) seen.set(key, read());
      return seen.get(key) as Promise<T>;
    };
    // Each citation claims one occurrence of its passage in the proposed text, not one an earlier citation claimed.
    const claimed: Occurrence[] = [];
    for (const [i, c] of (citations ?? []).entries()) {
      const { version, readable } = await once(`version:${c.documentId}:${c.version}`, async () => {
        const found = await this.repository.findVersion(c.documentId, c.version, manager);
        const lens = found && (await this.visibility.lens(reader, { id: found.documentId, workingGroupId: found.workingGroupId }, manager));
        return { version: found, readable: lens ? !lens.withheld(found!.number) : false };
      });
      // The clause is only looked at in a version the reader may read: an unreadable one answers as a missing one.
      const clause =
        version && readable && version.adoptedAt
          ? await once(`clause:${version.versionId}:${c.clauseId}`, () => this.documents.clauseOf(version.versionId, c.clauseId, manager))
          : null;
      const problem = citationProblem(
        c.passage,
        version && { adopted: version.adoptedAt !== null, readable, clauseText: clause?.text ?? null },
        proposedText,
        claimed,
      );
      if (problem) {
        const where = `${field}.${i}.${problem.field}`;
        if (problem.code === 'not-a-clause') throw validationProblem(where, 'not-a-clause', { version: c.version });
        if (problem.code === 'passage-too-short') throw validationProblem(where, 'passage-too-short', { minimum: MINIMUM_PASSAGE_WORDS });
        throw validationProblem(where, problem.code);
      }
      checked.push({ sourceVersionId: version!.versionId, sourceClauseId: c.clauseId, passage: c.passage, input: c });
    }
    return checked;
  }

  /** Records checked citations in the proposing transaction: an amendment's, or one clause's of a chair's text. */
  record(
    manager: EntityManager,
    by: { documentId: string; amendmentId: string | null; versionId: string | null; at: Date },
    clauseId: string,
    citations: readonly CheckedCitation[],
  ): Promise<void> {
    return this.repository.insert(
      manager,
      by,
      citations.map((c) => ({ clauseId, sourceVersionId: c.sourceVersionId, sourceClauseId: c.sourceClauseId, passage: c.passage })),
    );
  }

  /** The citations each amendment made, with their pedigrees. */
  async ofAmendments(ids: readonly string[]): Promise<Map<string, CitationResponse[]>> {
    const rows = await this.repository.ofAmendments(ids);
    const pedigrees = await this.pedigreesOf(rows);
    const out = new Map<string, CitationResponse[]>();
    for (const r of rows)
      out.set(r.amendmentId!, [...(out.get(r.amendmentId!) ?? []), { passage: r.passage, pedigree: pedigrees.get(precedentKey(r.source))! }]);
    return out;
  }

  /** The document's clauses that ever received a citation (one query): the only ones that can hold precedent. */
  citedClauseIds(documentId: string): Promise<Set<string>> {
    return this.repository.citedClauseIds(documentId);
  }

  /** Every citation made in a document (none read when nothing in it was ever cited). */
  async ofDocument(documentId: string): Promise<CitationRow[]> {
    return (await this.repository.anyIn(documentId)) ? this.repository.ofDocument(documentId) : [];
  }

  /** The pedigrees of cited sources, by `precedentKey`. */
  async pedigreesOf(cited: readonly { sourceVersionId: string; source: PrecedentSource }[]): Promise<Map<string, AgreedLanguagePedigree>> {
    const versions = new Map((await this.repository.versionsById([...new Set(cited.map((c) => c.sourceVersionId))])).map((v) => [v.versionId, v]));
    const labels = new Map<string, Map<string, string | null>>();
    for (const id of versions.keys()) labels.set(id, clauseLabels((await this.documents.clausesOf(id)).map(toClause)));
    const out = new Map<string, AgreedLanguagePedigree>();
    for (const c of cited) {
      const v = versions.get(c.sourceVersionId)!;
      out.set(precedentKey(c.source), pedigreeOf(v, c.source.clauseId, labels.get(v.versionId)?.get(c.source.clauseId) ?? null));
    }
    return out;
  }
}

/** Where a clause was agreed, from its adopted version's row. */
export function pedigreeOf(v: SourceVersionRow, clauseId: string, label: string | null): AgreedLanguagePedigree {
  return {
    workingGroup: { id: v.workingGroupId, name: v.workingGroupName },
    document: { id: v.documentId, title: v.documentTitle },
    version: v.number,
    clauseId,
    label,
    adoptedAt: new Date(v.adoptedAt!).toISOString(),
    ballotId: v.adoptionBallotId,
  };
}
