import type { AuditEvent } from './audit-event';
import { canonicalJson } from './canonical-json';

/**
 * What the public log may withhold, and in what form — the one rule the server applies when it
 * serves events and the offline verifier applies when it checks them (docs/decisions/0019-withheld-changes-checkable.md).
 *
 * Only a vote on a roll-call ballot whose tallies are hidden until close is withheld, and only
 * while the ballot is open. Such a vote's change carries a random `nonce` (WITHHELD_NONCE_FIELD),
 * so its digest, which stays public, cannot be matched by trying the few possible choices; the
 * nonce is withheld with the change and published with it once the ballot closes, when anyone can
 * recompute the digest.
 */

/** Why an event's change is withheld from the public log for now: the only reason the server gives. */
export const WITHHELD_UNTIL_CLOSE = 'The choice is hidden until the ballot closes';

/** The actions whose change may be withheld: votes. */
export const WITHHOLDABLE_ACTIONS: ReadonlySet<string> = new Set(['vote.cast', 'vote.changed']);

/** The member of a withholdable change that makes its digest unguessable. */
export const WITHHELD_NONCE_FIELD = 'nonce';

/** A ballot's terms as its `ballot.opened` change records them (fixed when it opens). */
export interface WithholdingTerms {
  visibility?: unknown;
  tallies?: unknown;
}

/**
 * Members-only versions (decision 0041): while a version of a document is circulated to members
 * only, events that quote text of that document (a comment's quote, an amendment's target and
 * text, a bracket's passage and options, a streamlined proposal) are served withheld, and
 * published with the version. The issuing event commits to the version's text by its digest, and
 * `version.published` carries the text, so a verifier checks the two agree.
 */
export const WITHHELD_UNTIL_PUBLICATION = 'The text is circulated to members only until its publication';

/** The actions whose change quotes a document's text, withheld while one of its versions is members-only. */
export const TEXT_QUOTING_ACTIONS: ReadonlySet<string> = new Set([
  'comment.posted',
  // A participant's translation of a comment or rationale says what it says (decision 0047).
  'comment.translated',
  'amendment.rationale-translated',
  'amendment.proposed',
  'amendment.streamlined',
  'bracket.opened',
  'bracket.option-proposed',
  'bracket.removed',
  'bracket.options-streamlined',
  'translation.saved',
]);

/** The actions that issue a version, whose change may say it is members-only and commits to its text by `textDigest`. */
export const VERSION_ISSUING_ACTIONS: ReadonlySet<string> = new Set(['document.created', 'version.created', 'version.chairs-text-issued']);

/** Whether a ballot's terms hide its votes' choices until it closes: roll-call with tallies hidden until close. */
export function termsWithholdChoices(terms: WithholdingTerms): boolean {
  return terms.visibility === 'roll-call' && terms.tallies === 'hidden-until-close';
}

/** Why a line served as withheld is not in exactly the form the server withholds in; null when it is. */
export function withheldFormProblem(e: Pick<AuditEvent, 'action' | 'subjectType' | 'change' | 'withheld'>): string | null {
  if (e.withheld === WITHHELD_UNTIL_PUBLICATION) {
    if (!TEXT_QUOTING_ACTIONS.has(e.action)) return `the change is marked withheld until a publication, but a ${e.action} never quotes a document's text`;
  } else {
    if (!WITHHOLDABLE_ACTIONS.has(e.action) || e.subjectType !== 'ballot')
      return `the change is marked withheld, but the server never withholds a ${e.action} on a ${e.subjectType}: only votes on ballots and text quoted from members-only versions`;
    if (e.withheld !== WITHHELD_UNTIL_CLOSE) return `the change is marked withheld for a reason the server never gives (${JSON.stringify(e.withheld)})`;
  }
  const change: unknown = e.change;
  if (typeof change !== 'object' || change === null || Array.isArray(change) || Object.keys(change).length > 0)
    return 'the change is marked withheld, yet the line carries one: a withheld change is served empty';
  return null;
}

/**
 * What the chain walk must remember or check about withholding, beyond one event's own integrity:
 * that a ballot's opening says its votes may be withheld, or that this event is withheld on a ballot.
 */
export type WithholdingFact =
  | { kind: 'opens-withholding-ballot'; ballotId: string }
  | { kind: 'withheld'; ballotId: string }
  /** A version issued members-only, committing to its text's digest. */
  | { kind: 'commits-version'; version: string; digest: string }
  /** The scheduler published a version: the digest of the text it published. */
  | { kind: 'publishes-version'; version: string; digest: string }
  /** An event quoting text withheld until a version's publication. */
  | { kind: 'withheld-until-publication' };

/** How the chain walk names a version: its document and number. */
export const versionKey = (documentId: unknown, number: unknown) => `${String(documentId)} version ${String(number)}`;

/**
 * The text whose SHA-256 a `version.published` change's `textDigest` must be: the canonical JSON
 * of its ordered clauses (id, kind, text), as libs/domain's versionTextDigest hashes it. A malformed
 * text gives a text no digest matches. Checked with the event's integrity (hash-chain.ts).
 */
export function publishedTextInput(change: Record<string, unknown>): string {
  const clauses = change.clauses;
  if (!Array.isArray(clauses)) return '';
  const ok = clauses.every(
    (c: unknown) => typeof c === 'object' && c !== null && ['id', 'kind', 'text'].every((k) => typeof (c as Record<string, unknown>)[k] === 'string'),
  );
  return ok ? canonicalJson((clauses as Record<string, string>[]).map((c) => ({ id: c.id, kind: c.kind, text: c.text }))) : '';
}

export function withholdingFact(e: Pick<AuditEvent, 'action' | 'subjectType' | 'subjectId' | 'change' | 'withheld'>): WithholdingFact | null {
  if (e.withheld === WITHHELD_UNTIL_PUBLICATION) return { kind: 'withheld-until-publication' };
  if (e.withheld !== undefined) return { kind: 'withheld', ballotId: e.subjectId };
  const change = e.change ?? {};
  if (VERSION_ISSUING_ACTIONS.has(e.action) && typeof change.membersOnlyUntil === 'string')
    return { kind: 'commits-version', version: versionKey(change.documentId, change.number ?? change.version), digest: String(change.textDigest) };
  // Its textDigest was checked against its clauses with the event's integrity; the walk compares it with the commitment.
  if (e.action === 'version.published')
    return { kind: 'publishes-version', version: versionKey(change.documentId, change.number), digest: String(change.textDigest) };
  if (e.action === 'ballot.opened' && e.subjectType === 'ballot' && termsWithholdChoices(e.change ?? {}))
    return { kind: 'opens-withholding-ballot', ballotId: e.subjectId };
  return null;
}
