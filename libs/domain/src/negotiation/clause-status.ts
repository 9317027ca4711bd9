/**
 * Clause status (issue #18, decision record 0032): where each paragraph of a negotiated text stands.
 * A chair or rapporteur moves a clause between the statuses, in any order, each move recorded with a
 * note; a delegation agrees a clause ad referendum (pending instructions from its capital) until a
 * date. Nothing is agreed until everything is agreed: every status is provisional until the text is
 * adopted. Pure rules; the API stores the history and reads it in aggregate.
 */
import { isoDay } from '../identity/affiliation-snapshot';

export const CLAUSE_STATUSES = ['not-read', 'under-negotiation', 'informal-group', 'agreed'] as const;
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

/** How an ad ref ended: the capital confirmed it (`lifted`), the delegation took it back (`withdrawn`), or it was past its date when the delegation gave a new one (`lapsed`). */
export const AD_REF_ENDINGS = ['lifted', 'withdrawn', 'lapsed'] as const;
export type AdRefEnding = (typeof AD_REF_ENDINGS)[number];

/** A clause's latest recorded status, with the clause's text when it was set and as read now. */
export interface RecordedStatus {
  status: ClauseStatus;
  /** Whether the clause's text in the version read differs from its text in the version the status was set on. */
  textChanged: boolean;
  /** Whether a passage of the clause is in open brackets: words not agreed, whatever was recorded. */
  bracketed?: boolean;
}

export interface EffectiveStatus {
  /** The status as shown: an agreed clause whose text changed since, or with a passage in open brackets, is not agreed; it reads `under-negotiation`. */
  status: ClauseStatus;
  /** The status as last recorded (`not-read` when never set). */
  recorded: ClauseStatus;
  /** Agreed, then its text changed in a later version: derived, never written. */
  changedSinceAgreed: boolean;
}

/** What a clause's status means for the version read (derived from the last move; nothing is rewritten when a version changes the text). */
export function effectiveStatus(last: RecordedStatus | null): EffectiveStatus {
  if (!last) return { status: 'not-read', recorded: 'not-read', changedSinceAgreed: false };
  const changed = last.status === 'agreed' && last.textChanged;
  const reopened = last.status === 'agreed' && last.bracketed === true;
  return { status: changed || reopened ? 'under-negotiation' : last.status, recorded: last.status, changedSinceAgreed: changed };
}


/** An ad ref is expired once its expiry day has passed (it still holds on the day itself). */
export function adRefExpired(expiresOn: string, now: Date): boolean {
  return expiresOn < isoDay(now);
}

/** Open: neither lifted, nor withdrawn, nor lapsed, nor past its expiry day. */
export function adRefOpen(a: { ended: AdRefEnding | null; expiresOn: string }, now: Date): boolean {
  return a.ended === null && !adRefExpired(a.expiresOn, now);
}

/** An ad ref expires within this many days: "expiring soon". */
export const AD_REF_SOON_DAYS = 7;

export function adRefExpiringSoon(expiresOn: string, now: Date): boolean {
  const soon = isoDay(new Date(now.getTime() + AD_REF_SOON_DAYS * 86_400_000));
  return !adRefExpired(expiresOn, now) && expiresOn <= soon;
}

export interface CountedClause {
  kind: 'heading' | 'preamble' | 'operative';
  status: ClauseStatus;
  /** Delegations with an open ad ref on the clause. */
  openAdRefs: number;
  /** Open brackets in the clause. */
  openBrackets: number;
}

export interface NegotiationCounts {
  /** Paragraphs: the clauses that are not headings. */
  paragraphs: number;
  agreed: number;
  underNegotiation: number;
  informalGroup: number;
  notRead: number;
  /** Paragraphs with at least one open ad ref. */
  adRef: number;
  /** Paragraphs with at least one open bracket. */
  bracketed: number;
}

/** "41 of 52 paragraphs agreed, 6 ad ref, 5 bracketed": headings are not paragraphs and are not counted. */
export function negotiationCounts(clauses: readonly CountedClause[]): NegotiationCounts {
  const counts: NegotiationCounts = { paragraphs: 0, agreed: 0, underNegotiation: 0, informalGroup: 0, notRead: 0, adRef: 0, bracketed: 0 };
  const key = { agreed: 'agreed', 'under-negotiation': 'underNegotiation', 'informal-group': 'informalGroup', 'not-read': 'notRead' } as const;
  for (const c of clauses) {
    if (c.kind === 'heading') continue;
    counts.paragraphs++;
    counts[key[c.status]]++;
    if (c.openAdRefs > 0) counts.adRef++;
    if (c.openBrackets > 0) counts.bracketed++;
  }
  return counts;
}
