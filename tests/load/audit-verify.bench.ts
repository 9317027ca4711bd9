// Benchmark: the offline verifier on 1,000,000 exported events.
// Generates a valid chain of realistic events (snapshots, changes) into a temp file, then runs the
// built verifier command on it, as an outsider would, interleaved (A B, then B A…) with its limit
// measured in the same run: the per-event work alone (audit-verify-floor.ts, in its own process: JSON.parse
// and the integrity check of every event on one core), spread over the machine's cores — the best
// the verifier's worker threads could do. Goal: verify ≤ 1.5× that best case, median of the pairs
// (the former goal, under 10 s, kept as information).
//
// Environment: BENCH_EVENTS (1000000), BENCH_ROUNDS (5; at most 3 pairs here: one verify takes seconds).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH, sealEvent } from '@parley/domain';
import { emitResult, log, machine, machineLine, runMain, today, writeSection } from './support/harness';
import { interleave, judgedRow, pairsTable, ratioText } from './support/interleave';
import { loadText, ROUNDS } from './support/rounds';

const COUNT = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PAIRS = Math.min(ROUNDS, 3);
const RATIO = 1.5;
const GOAL_SECONDS = 10;
const root = process.cwd(); // benches run from the repository root (npm run bench)

async function generate(file: string): Promise<number> {
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
  return (Date.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const m = machine();
  const cores = cpus().length;
  const dir = mkdtempSync(join(tmpdir(), 'parley-verify-bench-'));
  try {
    const file = join(dir, 'export.jsonl');
    const generated = await generate(file);
    const size = statSync(file).size;
    log(`audit verify: ${COUNT.toLocaleString('en')} events, ${(size / 1048576).toFixed(1)} MB, generated in ${generated.toFixed(1)} s`);
    let output = '';
    const verify = async () => {
      const t1 = process.hrtime.bigint();
      output = execFileSync(process.execPath, [join(root, 'dist/api/tools/audit-verify.js'), file], { encoding: 'utf8' });
      const seconds = Number(process.hrtime.bigint() - t1) / 1e9;
      log(`verified in ${seconds.toFixed(2)} s`);
      return seconds;
    };
    const floors: { floorSeconds: number; perEventSeconds: number }[] = [];
    const floor = async () => {
      const out = execFileSync(process.execPath, [join(__dirname, 'audit-verify-floor.js')], { encoding: 'utf8', env: { ...process.env, BENCH_EVENTS: String(COUNT) } });
      const line = out.split('\n').find((l) => l.startsWith('BENCH-RESULT '));
      if (!line) throw new Error(`the floor printed no result: ${out.slice(-300)}`);
      const f = JSON.parse(line.slice('BENCH-RESULT '.length)) as { floorSeconds: number; perEventSeconds: number };
      floors.push(f);
      log(`per-event work alone: ${f.perEventSeconds.toFixed(2)} s on one core (${(f.perEventSeconds / cores).toFixed(2)} s on ${cores})`);
      return f.perEventSeconds / cores;
    };
    const r = await interleave({ rounds: PAIRS, a: verify, b: floor });
    const verifySeconds = r.aMedian;
    const bestSeconds = r.bMedian;
    const row = judgedRow(`Audit verify: ${COUNT.toLocaleString('en')} events`, r, {
      measured: `${verifySeconds.toFixed(2)} s (${Math.round(COUNT / verifySeconds).toLocaleString('en')} events/s)`,
      limit: `the per-event work alone, spread on ${cores} cores, interleaved: ${bestSeconds.toFixed(2)} s`,
      goal: { atMost: RATIO },
      info: `formerly judged < ${GOAL_SECONDS} s: ${verifySeconds < GOAL_SECONDS ? 'within' : 'over'}`,
    });
    writeSection(
      'Audit verify',
      ` (${today()})

${machineLine(m)}
Workload: ${COUNT.toLocaleString('en')} realistic events (vote events with affiliation snapshots, four interleaved chains) written to a
${(size / 1048576).toFixed(1)} MB JSON Lines export (${generated.toFixed(1)} s to generate), then verified by the built command-line verifier
(\`npm run audit:verify -- file\`, worker threads for the per-event hashes), timed from the outside.

The limit, interleaved with it (${r.pairs.length} pairs, A B then B A…): the per-event work alone in its own process
(tests/load/audit-verify-floor.ts: JSON.parse and the integrity check the verifier's workers run — canonical JSON, change digest, event
hash — on one core, measured on 200,000 events and scaled), divided by the ${cores} cores: the best case for the verifier's workers.
For information, the bare floor (JSON.parse and one SHA-256 of each line): ${floors.map((f) => f.floorSeconds.toFixed(1)).join(' / ')} s on one core. ${loadText(r)}.

| events | verify time | events/s | the per-event work on ${cores} cores | ratio, pair by pair | goal | |
| --- | --- | --- | --- | --- | --- | --- |
| ${COUNT.toLocaleString('en')} | ${verifySeconds.toFixed(2)} s | ${Math.round(COUNT / verifySeconds).toLocaleString('en')} | ${bestSeconds.toFixed(2)} s | **${ratioText(r)}** | ≤ ${RATIO}× (formerly < ${GOAL_SECONDS} s: ${verifySeconds < GOAL_SECONDS ? 'within' : 'over'}) | ${row.met ? 'met' : '**missed**'} |

${pairsTable(r, { a: 'verify', b: `per-event work on ${cores} cores`, unit: 's' }, 2)}

The verifier said: \`${output.trim().split('\n').slice(-1)[0]}\`
`,
    );
    emitResult('BENCH', { bench: 'audit-verify', rows: [row], events: COUNT, met: row.met, machine: m });
    if (!row.met) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
