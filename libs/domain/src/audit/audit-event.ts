import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';

/** The platform chain holds identity, organisation and steward acts; each working group has its own. */
export const PLATFORM_SCOPE = 'platform';
export const workingGroupScope = (workingGroupId: string) => `wg:${workingGroupId}`;

/** An audit event as stored and exported. `hash` covers every other field. */
export interface AuditEvent {
  scope: string;
  sequence: number;
  occurredAt: string; // ISO 8601 with milliseconds, UTC
  actorId: string | null;
  actorName: string | null;
  actorSnapshot: AffiliationSnapshot | null;
  action: string; // `<resource>.<past-tense verb>`, e.g. `affiliation.added`
  subjectType: string;
  subjectId: string;
  change: Record<string, unknown>;
  changeDigest: string;
  previousHash: string;
  hash: string;
  /**
   * Set only when the public log serves an event whose change is not public yet (a vote on a ballot
   * whose choices stay hidden until it closes): the change is then empty and this says why. Not
   * covered by the hash, which covers the change's digest, so the chain still verifies. The
   * verifier accepts it only in exactly that form, on a vote whose ballot's opening says so
   * (./withholding.ts); such a vote's change holds a random nonce, so its digest cannot be guessed.
   */
  withheld?: string;
}

export type UnhashedAuditEvent = Omit<AuditEvent, 'hash' | 'changeDigest' | 'withheld'>;

/** The previous hash of the first event in every chain. */
export const GENESIS_HASH = '0'.repeat(64);
