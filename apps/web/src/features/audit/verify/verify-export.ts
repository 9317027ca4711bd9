import { ChainVerifier, integrityFromHashes, integrityHashInputs, withholdingFact, type AuditEvent, type BrokenLink } from '@parley/domain';

/**
 * What the browser verifier found in an audit export (JSON Lines): every event intact and linked,
 * or the first broken one, counted from 1 in the file's order. Same rules as the CLI verifier
 * (tools/audit-verify.ts): the chain walk, digest and hash rules are libs/domain's; only the
 * SHA-256 differs (WebCrypto here, node:crypto there).
 */
export type BrowserVerdict =
  | { kind: 'intact'; events: number; chains: number; withheld: number; heads: { scope: string; sequence: number; hash: string }[] }
  | { kind: 'broken'; event: number; link: BrokenLink }
  | { kind: 'not-json'; event: number; cutShort: boolean }
  | { kind: 'empty' };

const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 (hex) of a UTF-8 text, by the browser's own WebCrypto. */
async function sha256(subtle: SubtleCrypto, text: string): Promise<string> {
  return hex(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Verifies an export's text; `subtle` is the page's crypto.subtle (any WebCrypto implementation). */
export async function verifyExport(text: string, subtle: SubtleCrypto): Promise<BrowserVerdict> {
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
    const hashes = { change: inputs.change === null ? null : await sha256(subtle, inputs.change), event: await sha256(subtle, inputs.event) };
    const link = { scope: event.scope, sequence: event.sequence, previousHash: event.previousHash, hash: event.hash, withholding: withholdingFact(event) };
    if (!verifier.addChecked(link, integrityFromHashes(event, hashes))) {
      const verdict = verifier.result();
      if (!verdict.ok) return { kind: 'broken', event: i + 1, link: verdict.broken };
    }
  }
  const verdict = verifier.result();
  if (!verdict.ok) return { kind: 'broken', event: lines.length, link: verdict.broken };
  if (verdict.events === 0) return { kind: 'empty' };
  return {
    kind: 'intact',
    events: verdict.events,
    chains: verdict.chains,
    withheld,
    heads: Object.entries(verdict.heads).map(([scope, h]) => ({ scope, sequence: h.sequence, hash: h.hash })),
  };
}
