import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { AuditEvent, GENESIS_HASH, UnhashedAuditEvent } from './audit-event';
import { publishedTextInput, WithholdingFact, withheldFormProblem, withholdingFact } from './withholding';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function digestChange(change: Record<string, unknown>): string {
  return sha256(canonicalJson(change));
}

/** The fields the event hash covers: everything but the change itself (covered by its digest), the hash, and a withheld notice. */
function hashedBody(e: Omit<AuditEvent, 'hash'> & { hash?: string }) {
  const { change: _change, hash: _hash, withheld: _withheld, ...body } = e;
  return body;
}

/** The text an event's hash is the SHA-256 of: the previous hash and the canonical event (with its change digest). */
export function eventHashInput(e: Omit<AuditEvent, 'hash'> & { hash?: string }): string {
  return `${e.previousHash}\n${canonicalJson(hashedBody(e))}`;
}

/** SHA-256 over the previous hash and the canonical event (with its change digest). */
export function hashEvent(e: Omit<AuditEvent, 'hash'> & { hash?: string }): string {
  return sha256(eventHashInput(e));
}

/** Completes an event about to be appended: change digest and hash. */
export function sealEvent(e: UnhashedAuditEvent): AuditEvent {
  const withDigest = { ...e, changeDigest: digestChange(e.change) };
  return { ...withDigest, hash: hashEvent(withDigest) };
}

export interface BrokenLink {
  scope: string;
  sequence: number;
  problem: 'sequence' | 'previous-hash' | 'change-digest' | 'hash' | 'withheld' | 'head' | 'publication';
  detail: string;
}

export type ChainVerdict = { ok: true; events: number; chains: number; heads: Record<string, ChainHead> } | { ok: false; events: number; broken: BrokenLink };

export interface ChainHead {
  sequence: number;
  hash: string;
}

/** The fields chain linking needs, once an event's own integrity has been checked. */
export interface ChainLink {
  scope: string;
  sequence: number;
  previousHash: string;
  hash: string;
  /** Set on a ballot's opening that lets its votes be withheld, and on a withheld event (see withholdingFact). */
  withholding?: WithholdingFact | null;
}

export interface IntegrityProblem {
  problem: 'change-digest' | 'hash' | 'withheld' | 'publication';
  detail: string;
}

/**
 * The texts whose SHA-256 an event's integrity is checked against: its change (null when the
 * change is withheld, only its form is checked) and the event itself. A verifier that hashes some
 * other way (WebCrypto in a browser) hashes these and passes the results to integrityFromHashes.
 */
export function integrityHashInputs(e: AuditEvent): { change: string | null; event: string; published?: string } {
  const inputs = { change: e.withheld === undefined ? canonicalJson(e.change ?? {}) : null, event: eventHashInput(e) };
  // A members-only version's publication (decision 0041): the text it publishes must hash to the textDigest it states.
  return e.action === 'version.published' && e.withheld === undefined ? { ...inputs, published: publishedTextInput(e.change ?? {}) } : inputs;
}

/** Whether one event matches its own digest and hash; independent of every other event, so it can run in parallel. */
export function checkEventIntegrity(e: AuditEvent): IntegrityProblem | null {
  const inputs = integrityHashInputs(e);
  return integrityFromHashes(e, {
    change: inputs.change === null ? null : sha256(inputs.change),
    event: sha256(inputs.event),
    ...(inputs.published === undefined ? {} : { published: sha256(inputs.published) }),
  });
}

/**
 * The integrity verdict of one event, given the SHA-256 (hex) of its integrityHashInputs — the one
 * rule whoever computes the hashes (node:crypto in the CLI, WebCrypto in the browser verifier).
 */
export function integrityFromHashes(e: AuditEvent, hashes: { change: string | null; event: string; published?: string }): IntegrityProblem | null {
  // A withheld change (not public yet) cannot be checked against its digest, only its form: exactly
  // what the server serves, on an action it withholds (whether its ballot's terms allow it is
  // checked along the chain); the hash covers the digest.
  if (e.withheld !== undefined) {
    const form = withheldFormProblem(e);
    if (form) return { problem: 'withheld', detail: form };
  }
  const digest = e.withheld === undefined ? (hashes.change ?? '') : e.changeDigest;
  if (digest !== e.changeDigest)
    return { problem: 'change-digest', detail: `the change does not match its digest ${short(e.changeDigest)} (it hashes to ${short(digest)})` };
  const hash = hashes.event;
  if (hash !== e.hash) return { problem: 'hash', detail: `the event does not match its hash ${short(e.hash)} (it hashes to ${short(hash)})` };
  if (hashes.published !== undefined && hashes.published !== e.change.textDigest)
    return {
      problem: 'publication',
      detail: `the text it publishes for ${String(e.change.documentId)} version ${String(e.change.number)} does not match the fingerprint it states (${short(String(e.change.textDigest))}; the text hashes to ${short(hashes.published)})`,
    };
  return null;
}

/**
 * Walks events (in the order given, several chains interleaved or not) and names the first broken
 * link: a gap or reordering in a chain's sequence, a previous-hash that does not match, a change
 * that does not match its digest, or a hash that does not match the event.
 * Chains are expected to start at sequence 1 unless `startAfter` says where an export began.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, ChainHead>();
  /** `scope\nballotId` of each ballot whose opening, seen in this export, lets its votes be withheld. */
  private readonly withholdingBallots = new Set<string>();
  /** `scope\nversion` → the digest its members-only issue committed to, while not yet published in this export. */
  private readonly membersOnly = new Map<string, string>();
  private count = 0;
  private broken: BrokenLink | null = null;

  constructor(private readonly startAfter: Record<string, ChainHead> = {}) {}

  /** Returns false once a broken link has been found; later events are ignored. */
  add(e: AuditEvent): boolean {
    if (this.broken) return false;
    const { scope, sequence, previousHash, hash } = e;
    return this.addChecked({ scope, sequence, previousHash, hash, withholding: withholdingFact(e) }, checkEventIntegrity(e));
  }

  /** Links an event whose integrity was checked elsewhere (e.g. in a worker thread). */
  addChecked(e: ChainLink, integrity: IntegrityProblem | null): boolean {
    if (this.broken) return false;
    this.count++;
    const head = this.heads.get(e.scope) ?? this.startAfter[e.scope] ?? { sequence: 0, hash: GENESIS_HASH };
    const fail = (problem: BrokenLink['problem'], detail: string) => {
      this.broken = { scope: e.scope, sequence: e.sequence, problem, detail };
      return false;
    };
    if (e.sequence !== head.sequence + 1) return fail('sequence', `expected sequence ${head.sequence + 1} after ${head.sequence}, found ${e.sequence}`);
    if (e.previousHash !== head.hash)
      return fail('previous-hash', `previous hash ${short(e.previousHash)} does not match the hash of sequence ${head.sequence} (${short(head.hash)})`);
    if (integrity) return fail(integrity.problem, integrity.detail);
    const w = e.withholding;
    if (w?.kind === 'commits-version') this.membersOnly.set(`${e.scope}\n${w.version}`, w.digest);
    else if (w?.kind === 'publishes-version') {
      const key = `${e.scope}\n${w.version}`;
      const committed = this.membersOnly.get(key);
      // An export that starts after the issue cannot compare; one that holds it must agree.
      if (committed !== undefined && committed !== w.digest)
        return fail(
          'publication',
          `the text published for ${w.version} does not match the fingerprint its members-only issue committed to (published ${short(w.digest) || 'a malformed text'}, committed ${short(committed)})`,
        );
      this.membersOnly.delete(key);
    } else if (w?.kind === 'withheld-until-publication') {
      if (!this.startAfter[e.scope] && ![...this.membersOnly.keys()].some((k) => k.startsWith(`${e.scope}\n`)))
        return fail('withheld', 'the change is withheld until a publication, but no version of this chain is members-only at this point');
    } else if (w) {
      const key = `${e.scope}\n${w.ballotId}`;
      if (w.kind === 'opens-withholding-ballot') this.withholdingBallots.add(key);
      else if (!this.withholdingBallots.has(key))
        return fail(
          'withheld',
          `the change is withheld, but ballot ${w.ballotId} was not opened earlier in this chain with terms that hide its choices until it closes (roll-call, tallies hidden until close)`,
        );
    }
    this.heads.set(e.scope, { sequence: e.sequence, hash: e.hash });
    return true;
  }

  /** Final verdict; with `pinned`, each pinned head must be present with the same hash. */
  result(pinned?: Record<string, ChainHead>): ChainVerdict {
    if (this.broken) return { ok: false, events: this.count, broken: this.broken };
    for (const [scope, pin] of Object.entries(pinned ?? {})) {
      const head = this.heads.get(scope);
      if (!head || head.sequence < pin.sequence)
        return {
          ok: false,
          events: this.count,
          broken: {
            scope,
            sequence: pin.sequence,
            problem: 'head',
            detail: `the pinned head ${pin.sequence} is missing (the export ends at ${head?.sequence ?? 0})`,
          },
        };
      if (head.sequence === pin.sequence && head.hash !== pin.hash)
        return {
          ok: false,
          events: this.count,
          broken: { scope, sequence: pin.sequence, problem: 'head', detail: `hash ${short(head.hash)} differs from the pinned ${short(pin.hash)}` },
        };
    }
    return { ok: true, events: this.count, chains: this.heads.size, heads: Object.fromEntries(this.heads) };
  }
}

export function verifyChain(events: Iterable<AuditEvent>, pinned?: Record<string, ChainHead>): ChainVerdict {
  const v = new ChainVerifier();
  for (const e of events) if (!v.add(e)) break;
  return v.result(pinned);
}

const short = (h: string) => (h && h.length > 12 ? `${h.slice(0, 12)}…` : String(h));
