/**
 * Streamlining (decision record 0034): a chair or rapporteur merges two or more open proposals that
 * compete for one place of the text into ONE new proposal. Pure rules: which amendments may be merged
 * together, and what kind of amendment the merged proposal is.
 */

/** An amendment as streamlining sees it. */
export interface StreamliningCandidate {
  id: string;
  documentId: string;
  status: string;
  kind: 'replace' | 'insert' | 'delete';
  targetClauseId: string | null;
  appliesToVersion: number;
}

/** Why a set of amendments cannot be merged (the first problem found, in the order the sources were given). */
export type StreamliningProblem =
  | { code: 'too-few'; minimum: number }
  | { code: 'duplicate'; amendmentId: string }
  | { code: 'not-found'; amendmentId: string }
  | { code: 'other-document'; amendmentId: string }
  | { code: 'under-ballot'; amendmentId: string }
  | { code: 'not-open'; amendmentId: string; status: string }
  | { code: 'not-same-place' };

export const MIN_STREAMLINED_SOURCES = 2;

/**
 * Whether `ids` (the sources as given, resolved to `found` by id) may be merged on `documentId`:
 * at least two distinct amendments, all of that document, all `proposed` (an amendment under ballot
 * runs its course; a decided, withdrawn or merged one is closed), all at one place of one version:
 * replacements or deletions of one clause, or insertions after one clause (or at the start). Null: they may.
 */
export function streamliningProblem(documentId: string, ids: readonly string[], found: ReadonlyMap<string, StreamliningCandidate>): StreamliningProblem | null {
  if (ids.length < MIN_STREAMLINED_SOURCES) return { code: 'too-few', minimum: MIN_STREAMLINED_SOURCES };
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return { code: 'duplicate', amendmentId: id };
    seen.add(id);
  }
  const sources: StreamliningCandidate[] = [];
  for (const id of ids) {
    const a = found.get(id);
    if (!a) return { code: 'not-found', amendmentId: id };
    if (a.documentId !== documentId) return { code: 'other-document', amendmentId: id };
    sources.push(a);
  }
  for (const a of sources) {
    if (a.status === 'balloting') return { code: 'under-ballot', amendmentId: a.id };
    if (a.status !== 'proposed') return { code: 'not-open', amendmentId: a.id, status: a.status };
  }
  const first = sources[0];
  const inserting = first.kind === 'insert';
  const samePlace = sources.every(
    (a) => (a.kind === 'insert') === inserting && a.targetClauseId === first.targetClauseId && a.appliesToVersion === first.appliesToVersion,
  );
  return samePlace ? null : { code: 'not-same-place' };
}

/**
 * The merged proposal's kind: an insertion when the sources insert (at their common place), otherwise
 * a replacement of their common clause (a streamlined proposal always has a text: merged deletions
 * are a text the chair writes, or the chair recommends one deletion instead).
 */
export function streamlinedKind(sources: readonly Pick<StreamliningCandidate, 'kind'>[]): 'replace' | 'insert' {
  return sources.every((s) => s.kind === 'insert') ? 'insert' : 'replace';
}
