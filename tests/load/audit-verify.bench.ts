// Benchmark: the offline verifier on 1,000,000 exported events (goal: under 10 s on these machines).
// Generates a valid chain of realistic events (snapshots, changes) into a temp file, then runs
// the built verifier command on it, as an outsider would, and reports the time and rate.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH, sealEvent } from '@parley/domain';

const COUNT = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const root = process.cwd(); // benches run from the repository root (npm run bench)

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'parley-verify-bench-'));
  const file = join(dir, 'export.jsonl');
  const out = createWriteStream(file);
  const snapshot = { affiliationId: 'a1', organisationId: 'o1', organisationName: 'Access Now', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'US', title: 'Policy analyst', organisationVerified: true };
  const chains = ['platform', 'wg:1', 'wg:2', 'wg:3'];
  const heads = new Map(chains.map((c) => [c, { sequence: 0, hash: GENESIS_HASH }]));
  const t0 = Date.now();
  for (let i = 0; i < COUNT; i++) {
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
    if (!out.write(JSON.stringify(e) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
  const generated = (Date.now() - t0) / 1000;
  const size = statSync(file).size;
  const t1 = process.hrtime.bigint();
  const output = execFileSync(process.execPath, [join(root, 'dist/api/tools/audit-verify.js'), file], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t1) / 1e9;
  rmSync(dir, { recursive: true, force: true });
  const result = { events: COUNT, fileMB: +(size / 1048576).toFixed(1), generateSeconds: +generated.toFixed(1), verifySeconds: +seconds.toFixed(2), eventsPerSecond: Math.round(COUNT / seconds), goalSeconds: 10, met: seconds < 10, output: output.trim() };
  console.log(JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
