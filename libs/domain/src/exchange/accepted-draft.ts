import type { VersionClauses } from '../drafting/types';
import { matchClauses, type MatchedClause, type WordImport } from './import-proposals';

/** A paragraph of the file with its tracked changes accepted; `fileClause` its index among the file's clauses (tracked changes rejected), null for a tracked insertion. */
interface AcceptedParagraph {
  text: string;
  kind: MatchedClause['kind'];
  fileClause: number | null;
}

function acceptedParagraphs(read: WordImport): AcceptedParagraph[] {
  const out: AcceptedParagraph[] = [];
  const insertionsAfter = (index: number | null) => {
    for (const p of read.proposals) if (p.kind === 'insert' && p.afterClauseIndex === index) out.push({ text: p.text, kind: p.clauseKind, fileClause: null });
  };
  insertionsAfter(null);
  read.clauses.forEach((c, i) => {
    if (read.acceptedTexts[i] !== '') out.push({ text: read.acceptedTexts[i], kind: c.kind, fileClause: i });
    insertionsAfter(i);
  });
  return out;
}

/**
 * The file as the next text its author meant (decision 0044, a chair's text from Word): each paragraph
 * with its tracked changes accepted, in the file's order, matched to the version's clauses by the
 * preview's matcher (equal text first, then by order and word similarity). A paragraph left unmatched
 * whose text before its tracked changes matched a clause still free, in order, is that clause
 * rewritten: a tracked rewrite keeps the clause's identity however far the words went. The accepted
 * text is matched first because a file may carry older tracked changes than the current version's
 * (a version downloaded with its changes shown, then edited): what they inserted is already a clause.
 */
export function acceptedDraft(read: WordImport, version: VersionClauses): MatchedClause[] {
  const paragraphs = acceptedParagraphs(read);
  const versionTexts = version.map((c) => c.text);
  const matches = matchClauses(
    paragraphs.map((p) => p.text),
    versionTexts,
  );
  const before = matchClauses(
    read.clauses.map((c) => c.text),
    versionTexts,
  );
  const taken = new Set(matches.filter((m) => m >= 0));
  paragraphs.forEach((p, i) => {
    if (matches[i] >= 0 || p.fileClause === null) return;
    const candidate = before[p.fileClause];
    const previous = matches.slice(0, i).findLast((m) => m >= 0) ?? -1;
    const next = matches.slice(i + 1).find((m) => m >= 0) ?? version.length;
    if (candidate > previous && candidate < next && !taken.has(candidate)) {
      matches[i] = candidate;
      taken.add(candidate);
    }
  });
  return paragraphs.map((p, i) => {
    const v = matches[i] >= 0 ? version[matches[i]] : null;
    return { clauseId: v?.id ?? null, kind: v?.kind ?? p.kind, text: p.text, match: !v ? 'new' : v.text === p.text ? 'same' : 'changed' };
  });
}
