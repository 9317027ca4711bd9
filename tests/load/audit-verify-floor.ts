// The limit of tests/load/audit-verify.bench.ts, which runs this in its own process interleaved with
// the verifier (A B, then B A…): how long the irreducible work on 1,000,000 events of the same shape takes on
// one core, in this process, with nothing else to do:
//  - floor: JSON.parse of each line and one SHA-256 over its bytes;
//  - per-event work: JSON.parse and checkEventIntegrity (canonical JSON, change digest, event hash),
//    what the verifier's worker threads do for each line.
// Measured on 50,000 distinct lines repeated to 200,000 and scaled to 1,000,000 (BENCH_EVENTS), so it
// takes seconds, not a minute.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { checkEventIntegrity, GENESIS_HASH, sealEvent } from '@parley/domain';
import { emitResult } from './support/harness';

const COUNT = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SAMPLE = Math.min(COUNT, 50_000);
const MEASURED = Math.min(COUNT, 200_000);

function lines(): string[] {
  const snapshot = {
    affiliationId: 'a1',
    organisationId: 'o1',
    organisationName: 'Access Now',
    stakeholderGroup: 'civil-society',
    subtype: 'ngo',
    country: 'US',
    title: 'Policy analyst',
    organisationVerified: true,
  };
  const chains = ['platform', 'wg:1', 'wg:2', 'wg:3'];
  const heads = new Map(chains.map((c) => [c, { sequence: 0, hash: GENESIS_HASH }]));
  const out: string[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    const scope = chains[i % chains.length];
    const head = heads.get(scope)!;
    const e = sealEvent({
      scope,
      sequence: head.sequence + 1,
      occurredAt: new Date(1_790_000_000_000 + i * 1000).toISOString(),
      actorId: `person-${i % 500}`,
      actorName: `Delegate ${i % 500}`,
      actorSnapshot: snapshot as never,
      action: 'vote.cast',
      subjectType: 'ballot',
      subjectId: `ballot-${i % 50}`,
      change: { ballotId: `ballot-${i % 50}`, choice: i % 3 === 0 ? 'yes' : 'no', reason: null, revision: 1 },
      previousHash: head.hash,
    });
    heads.set(scope, { sequence: e.sequence, hash: e.hash });
    out.push(JSON.stringify(e));
  }
  return out;
}

function timeOver(sample: string[], work: (line: string) => void): number {
  const passes = Math.ceil(MEASURED / sample.length);
  const t0 = performance.now();
  let done = 0;
  for (let p = 0; p < passes; p++)
    for (const line of sample) {
      if (done++ >= MEASURED) break;
      work(line);
    }
  return ((performance.now() - t0) / 1000) * (COUNT / MEASURED);
}

const sample = lines();
let sink = 0;
const floorSeconds = timeOver(sample, (line) => {
  const e = JSON.parse(line);
  sink += e.sequence;
  sink += createHash('sha256').update(line).digest()[0];
});
const perEventSeconds = timeOver(sample, (line) => {
  if (checkEventIntegrity(JSON.parse(line))) throw new Error('a generated event does not verify');
});
emitResult('BENCH', {
  bench: 'audit-verify-floor',
  events: COUNT,
  measured: MEASURED,
  floorSeconds: +floorSeconds.toFixed(2),
  perEventSeconds: +perEventSeconds.toFixed(2),
  sink: sink > 0,
});
