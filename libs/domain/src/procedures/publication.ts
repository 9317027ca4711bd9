import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json';

/**
 * Members-only drafts with scheduled publication (decision 0041).
 *
 * A chair or rapporteur may issue a version (a new document, a consolidation, a chair's text)
 * "members only until" a date. Until the scheduler publishes it at that date, its text is read
 * only by the group's current members and chairs; everyone else is told when it will be
 * published and shown the fingerprint of its text, which the issuing audit event commits to.
 */

/** The furthest ahead a version may be kept to members: a negotiating text is not a secret archive. */
export const MEMBERS_ONLY_MAX_DAYS = 90;

const DAY_MS = 86_400_000;

export type MembersOnlyUntilProblem =
  { code: 'members-only-not-future'; params: Record<string, never> } | { code: 'members-only-too-far'; params: { days: number } };

/** Why `until` cannot be a version's publication date when issued at `now`; null when it can. */
export function membersOnlyUntilProblem(until: Date, now: Date): MembersOnlyUntilProblem | null {
  if (until.getTime() <= now.getTime()) return { code: 'members-only-not-future', params: {} };
  if (until.getTime() > now.getTime() + MEMBERS_ONLY_MAX_DAYS * DAY_MS) return { code: 'members-only-too-far', params: { days: MEMBERS_ONLY_MAX_DAYS } };
  return null;
}

/** A version's publication terms, as stored. */
export interface VersionPublicationTerms {
  membersOnlyUntil: Date;
  publishedAt: Date | null;
}

/** Whether the version's text is still kept to members: issued members-only and not yet published by the scheduler. */
export function isMembersOnly(terms: VersionPublicationTerms | null | undefined): boolean {
  return terms != null && terms.publishedAt === null;
}

/** Whether the scheduler publishes it now: kept to members, and its date has come. */
export function isDueForPublication(terms: VersionPublicationTerms, now: Date): boolean {
  return terms.publishedAt === null && terms.membersOnlyUntil.getTime() <= now.getTime();
}

/** Who reads a members-only version: a current member (voting or observer) or a current chair of its group. Nobody else, signed in or not. */
export function readsMembersOnly(standing: { membership: unknown; isChair: boolean } | null): boolean {
  return standing !== null && (standing.membership !== null || standing.isChair);
}

/** A clause as its version's fingerprint covers it. */
export interface FingerprintedClause {
  id: string;
  kind: string;
  text: string;
}

/** SHA-256 over the canonical JSON of a version's ordered clauses (id, kind, text): the fingerprint the audit log commits to. */
export function versionTextDigest(clauses: readonly FingerprintedClause[]): string {
  return createHash('sha256')
    .update(canonicalJson(clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text }))), 'utf8')
    .digest('hex');
}

/** The short form people compare by eye: the first 16 hex digits in groups of four. */
export function shortFingerprint(digest: string): string {
  return (digest.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}
