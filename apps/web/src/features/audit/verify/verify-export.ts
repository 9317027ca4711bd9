import { ChainVerifier, integrityFromHashes, integrityHashInputs, withholdingFact, type AuditEvent, type BrokenLink, type ChainHead } from '@parley/domain';

/**
 * What the browser verifier found in an audit export (JSON Lines): every event intact and linked,
 * or the first broken one, counted from 1 in the file's order. Same rules as the CLI verifier
 * (tools/audit-verify.ts): the chain walk, digest and hash rules are libs/domain's; only the
 * SHA-256 differs (WebCrypto here, node:crypto there).
 */
export type BrowserVerdict =
  | { kind: 'intact'; events: number; chains: number; withheld: number; pinned: boolean; heads: { scope: string; sequence: number; hash: string }[] }
  | { kind: 'broken'; event: number; link: BrokenLink }
  | { kind: 'head-mismatch'; link: BrokenLink }
  | { kind: 'not-json'; event: number; cutShort: boolean }
  | { kind: 'empty' };

const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 (hex) of a UTF-8 text, by the browser's own WebCrypto. */
async function sha256(subtle: SubtleCrypto, text: string): Promise<string> {
  return hex(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** The chain heads of GET /api/audit/head (a copy pinned earlier), as the chain walk compares them. */
export function pinnedHeads(headJson: string): Record<string, ChainHead> {
  const head = JSON.parse(headJson) as { chains?: { scope: string; sequence: number; hash: string }[] };
  if (!Array.isArray(head.chains)) throw new Error('not a head file');
  return Object.fromEntries(head.chains.map((c) => [c.scope, { sequence: c.sequence, hash: c.hash }]));
}

/**
 * Verifies an export's text; `subtle` is the page's crypto.subtle (any WebCrypto implementation).
 * With `pinned` heads, as the CLI's `--head`: each pinned chain must reach its head with the same hash.
 */
export async function verifyExport(text: string, subtle: SubtleCrypto, pinned?: Record<string, ChainHead>): Promise<BrowserVerdict> {
  const lines = text.split('\n');
  const cutShort = lines.length > 0 && lines[lines.length - 1] !== '';
  if (!cutShort) lines.pop();
  const verifier = new ChainVerifier();
  let withheld = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    let event: AuditEvent;
    try {
      event = JSON.parse(line) as AuditEvent;
    } catch {
      return { kind: 'not-json', event: i + 1, cutShort: cutShort && i === lines.length - 1 };
    }
    if (event.withheld !== undefined) withheld++;
    const inputs = integrityHashInputs(event);
    const hashes = {
      change: inputs.change === null ? null : await sha256(subtle, inputs.change),
      event: await sha256(subtle, inputs.event),
      ...(inputs.published === undefined ? {} : { published: await sha256(subtle, inputs.published) }),
    };
    const link = { scope: event.scope, sequence: event.sequence, previousHash: event.previousHash, hash: event.hash, withholding: withholdingFact(event) };
    if (!verifier.addChecked(link, integrityFromHashes(event, hashes))) {
      const verdict = verifier.result();
      if (!verdict.ok) return { kind: 'broken', event: i + 1, link: verdict.broken };
    }
  }
  if (verifier.result().events === 0) return { kind: 'empty' };
  const verdict = verifier.result(pinned);
  if (!verdict.ok) return { kind: 'head-mismatch', link: verdict.broken };
  return {
    kind: 'intact',
    events: verdict.events,
    chains: verdict.chains,
    withheld,
    pinned: pinned !== undefined,
    heads: Object.entries(verdict.heads).map(([scope, h]) => ({ scope, sequence: h.sequence, hash: h.hash })),
  };
}
