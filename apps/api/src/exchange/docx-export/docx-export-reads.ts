import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { trackChangesInSlices, type TrackedChange, type TrackedParagraph, type TrackedStep } from '@parley/domain';
import type { BracketView, ClauseResponse, CsvLanguage } from '@parley/contracts';
import type { Actor } from '../../identity/actor';
import { DocumentReads } from '../../drafting/document-reads.service';
import { BracketReads } from '../../negotiation/brackets/bracket-reads.service';
import { refuse, validationProblem } from '../../platform/http/problem';

/** What a Word export says: read through the drafting and negotiation services, so it shows what the version's page shows. */
export interface WordExportFacts {
  lang: CsvLanguage;
  groupName: string;
  title: string;
  version: number;
  /** The chair's text's label and symbol, when the version is one. */
  chairsText: { label: string; symbol: string | null } | null;
  /** When the version was made (ISO-8601). */
  date: string;
  clauses: ClauseResponse[];
  /** Brackets open in the version, in reading order. */
  brackets: BracketView[];
  tracked: TrackedFacts | null;
}

export interface TrackedFacts {
  against: number;
  paragraphs: TrackedParagraph[];
  /** A revision's author as Word shows it, "Name (Organisation)", and the date of the act that made it. */
  authorOf: (change: TrackedChange) => string;
  dateOf: (change: TrackedChange) => string;
}

/** Runs a computation in slices, letting other requests run between them (decision 0044). */
async function betweenSlices<T>(slices: Generator<void, T>): Promise<T> {
  for (;;) {
    const next = slices.next();
    if (next.done) return next.value;
    await yieldToLoop();
  }
}

@Injectable()
export class DocxExportReads {
  constructor(
    private readonly documents: DocumentReads,
    private readonly brackets: BracketReads,
  ) {}

  /**
   * The facts of version `n` for this reader. A version kept to members is refused to others as on its
   * page (decision 0041), and so is an `against` version; `against` must be an existing earlier version.
   */
  async read(actor: Actor | null, documentId: string, n: number, q: { against?: number; lang?: CsvLanguage }): Promise<WordExportFacts> {
    const doc = await this.documents.get(actor, documentId, n);
    const v = doc.version;
    const refuseWithheld = (number: number) => {
      const publication = doc.versions.find((x) => x.number === number)?.publication;
      if (publication?.withheld) throw refuse('version-members-only', { version: number, until: publication.membersOnlyUntil, fingerprint: publication.fingerprint });
    };
    refuseWithheld(n);
    if (q.against !== undefined) {
      if (!doc.versions.some((x) => x.number === q.against)) throw validationProblem('against', 'no-such-version', { version: q.against });
      if (q.against >= n) throw validationProblem('against', 'too-big', { maximum: n - 1 });
      refuseWithheld(q.against);
    }
    return {
      lang: q.lang ?? 'en',
      groupName: doc.workingGroup.name,
      title: doc.title,
      version: n,
      chairsText: v.chairsText ? { label: v.chairsText.label, symbol: v.chairsText.symbol } : null,
      date: v.createdAt,
      clauses: v.clauses,
      brackets: await this.brackets.located(documentId, n, { openOnly: true }),
      tracked: q.against === undefined ? null : await this.tracked(documentId, q.against, n),
    };
  }

  private async tracked(documentId: string, against: number, n: number): Promise<TrackedFacts> {
    const { chain, versions, applied } = await this.documents.provenanceChain(documentId, n);
    const base = against === 1 ? chain.original.clauses : chain.revisions.find((r) => r.version === against)!.clauses;
    const rowOf = new Map(versions.map((v) => [v.number, v]));
    const steps: TrackedStep[] = chain.revisions
      .filter((r) => r.version > against)
      .map((r) => {
        const made = rowOf.get(r.version)!;
        return { ...r, madeBy: { authorId: made.createdBy, snapshot: made.authorSnapshot } };
      });
    const paragraphs = await betweenSlices(trackChangesInSlices({ base: { version: against, clauses: base }, steps }));
    const people = paragraphs.flatMap((p) => [p.mark, ...p.runs.map((r) => r.change)]).flatMap((c) => (c ? [c.author.authorId] : []));
    const names = await this.documents.namesOf(people);
    const proposedAt = new Map(applied.map((a) => [a.id, a.createdAt.toISOString()]));
    return {
      against,
      paragraphs,
      authorOf: (c) => {
        const name = names.get(c.author.authorId) ?? '—';
        return c.author.snapshot ? `${name} (${c.author.snapshot.organisationName})` : name;
      },
      // The amendment's author wrote the words when they proposed it; a chair's text's words (and a chosen option's) date from the version.
      // Word writes revision dates to the second.
      dateOf: (c) => ((c.amendmentId && proposedAt.get(c.amendmentId)) || rowOf.get(c.version)!.createdAt.toISOString()).replace(/\.\d+Z$/, 'Z'),
    };
  }
}
