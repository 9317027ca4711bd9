import type { ChainVerdict } from './hash-chain';

/** What the offline verifier saw besides the chain verdict. */
export interface VerificationFacts {
  /** Whether heads were pinned (`--head`). */
  pinned: boolean;
  /** Events served with their change withheld (their form and hash checked, not their content). */
  withheld: number;
  /** A line that is not JSON, if any (1-based), and whether it is the file's last line without its newline: a cut download. */
  badLine?: { line: number; cutShort: boolean } | null;
}

export interface VerificationReport {
  ok: boolean;
  /** Plain sentences for a person: the first says the verdict. */
  lines: string[];
}

const LISTED_CHAINS = 5;

/**
 * The verifier's answer in words. It says what was proved and, plainly, what was not: without
 * pinned heads, an export that was cut at the end of a chain (or left a whole chain out) still
 * links up, so "OK" then only means the events given are intact and in order. An export with no
 * event proves nothing and is not OK.
 */
export function verificationReport(verdict: ChainVerdict, facts: VerificationFacts): VerificationReport {
  // A line that is not JSON stops the walk: it is the problem unless a link before it was already broken.
  if (facts.badLine && verdict.ok) {
    const { line, cutShort } = facts.badLine;
    return {
      ok: false,
      lines: [
        cutShort
          ? `BROKEN at line ${line}: the export is cut short (its last line is incomplete); download it again`
          : `BROKEN at line ${line}: not valid JSON`,
      ],
    };
  }
  if (!verdict.ok) {
    const b = verdict.broken;
    return { ok: false, lines: [`BROKEN: chain ${b.scope}, sequence ${b.sequence} (${b.problem}): ${b.detail}`] };
  }
  if (verdict.events === 0)
    return {
      ok: false,
      lines: [
        'NOTHING VERIFIED: the export holds no events.',
        'An export of the whole log, or of a chain that exists, always holds at least one: this file is empty or was cut before its first line. Download it again.',
      ],
    };
  const notPublic = facts.withheld
    ? `; ${facts.withheld} changes withheld until their ballots close or their versions are published (their form and hashes checked, not their content)`
    : '';
  const lines = [`OK: ${verdict.events} events in ${verdict.chains} chains verified${facts.pinned ? ', pinned heads match' : ''}${notPublic}`];
  if (!facts.pinned) {
    const ends = Object.entries(verdict.heads).map(([scope, h]) => `${scope} at ${h.sequence} (${h.hash.slice(0, 12)}…)`);
    const listed = ends.slice(0, LISTED_CHAINS).join(', ') + (ends.length > LISTED_CHAINS ? ` and ${ends.length - LISTED_CHAINS} more` : '');
    lines.push(
      'Not proved without --head: that the export is complete. Events cut from the end of a chain, or a whole chain left out, leave the rest intact and still verifying.',
      `The chains here end: ${listed}. Pin the heads (GET /api/audit/head, or a copy published elsewhere) and run again with --head head.json.`,
    );
  }
  return { ok: true, lines };
}
