import type { VersionClauses } from '../drafting/types';
import { matchClauses, type MatchedClause, type WordImport } from './import-proposals';

/**
 * The file as the next text its author meant (decision 0044, a chair's text from Word): each paragraph
 * with its tracked changes accepted, in the file's order. A paragraph the file had before its tracked
 * changes keeps the clause its text with the changes rejected matches (the preview's matcher: equal text
 * first, then by order and word similarity), so a tracked rewrite keeps the clause's identity however
 * far the words went; a tracked insertion is a new paragraph; a tracked deletion is left out.
 */
export function acceptedDraft(read: WordImport, version: VersionClauses): MatchedClause[] {
  const matches = matchClauses(
    read.clauses.map((c) => c.text),
    version.map((c) => c.text),
  );
  const draft: MatchedClause[] = [];
  const insertionsAfter = (index: number | null) => {
    for (const p of read.proposals) if (p.kind === 'insert' && p.afterClauseIndex === index) draft.push({ clauseId: null, kind: p.clauseKind, text: p.text, match: 'new' });
  };
  insertionsAfter(null);
  read.clauses.forEach((c, i) => {
    const text = read.acceptedTexts[i];
    const v = matches[i] >= 0 ? version[matches[i]] : null;
    if (text !== '') draft.push({ clauseId: v?.id ?? null, kind: v?.kind ?? c.kind, text, match: !v ? 'new' : v.text === text ? 'same' : 'changed' });
    insertionsAfter(i);
  });
  return draft;
}
