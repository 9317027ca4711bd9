import { readsMembersOnly } from '@parley/domain';

/**
 * Who finds what (decision 0053): a search never returns what the searcher could not open. The
 * rules are the readers' own, applied in SQL by SearchRepository over every entry at once:
 * - A version issued members-only and not yet published (decision 0041) is read by its group's
 *   current members (voting or observers) and current chairs only; so are the clauses of that
 *   version, the comments made on it, the amendments proposed on it and explanations placed on it.
 *   Signed-out visitors, non-members and former members find none of them.
 * - Audit sentences follow the same rule: an act on a document is governed by the version it names
 *   (else the document's current version), so "X issued a chair's text as version 2 of …" or "X
 *   commented on …" stays with the members while that version is members-only. A sentence never
 *   quotes a text (comments, amendments, clauses): only who did what, on which group or document,
 *   and the names the act is about.
 * - Everything else Parley indexes is public: groups, people's names, organisations, ballots'
 *   titles and descriptions (a ballot never opens on a members-only version), a group's public
 *   acts. Never indexed: e-mail addresses, votes and their reasons (hidden-until-close and secret
 *   ballots stay so; single votes are not among the audit sentences), and audit changes as stored.
 */
export interface SearchScope {
  /** The groups whose members-only texts the reader reads now. */
  membersOnlyGroups: string[];
}

/** The scope of a reader from their standing in each group where they hold a current membership or chair term. */
export function searchScope(standings: readonly { workingGroupId: string; membership: unknown; isChair: boolean }[]): SearchScope {
  return { membersOnlyGroups: standings.filter((s) => readsMembersOnly(s)).map((s) => s.workingGroupId) };
}

export const ANONYMOUS_SCOPE: SearchScope = { membersOnlyGroups: [] };
