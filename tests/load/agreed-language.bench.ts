// Benchmark: the agreed-language library (issue #25, decision 0054).
//
// Corpus written by SQL: BENCH_ADOPTED documents (300) with one adopted version of BENCH_CLAUSES
// clauses (300) each (90,000 adopted clauses), plus as many draft versions of the same size that
// the library must skip; 20-word clauses from a 2,000-word vocabulary, one in 500 saying
// "reaffirming that international law applies". The rows go through the real search index triggers.
//
// Then: GET /api/agreed-language (anonymous) for a cycle of requests (browsing newest first, a word,
// a phrase, a rare word, a word in one document), beside the same SQL alone (the
// repository's LIBRARY_SEARCH_SQL / LIBRARY_LATEST_SQL with the same parameters, through
// node-postgres): p50/p99 and the ratio (goal ≤ 2×, as the search's).
//
// The two sides run interleaved in BENCH_ROUNDS pairs of blocks (support/rounds.ts); the goal judges
// the median of the pairs.
//
// Environment: BENCH_ADOPTED (300), BENCH_CLAUSES (300), BENCH_SAMPLES (20 per request and side), BENCH_ROUNDS (5).
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  apiMain,
  emitResult,
  expectOk,
  http,
  log,
  machine,
  machineLine,
  ms,
  num,
  runMain,
  seedGroup,
  startApi,
  startCluster,
  summarise,
  today,
  writeSection,
} from './support/harness';
import { judgedRow } from './support/interleave';
import { blocksRatio, cpuText, cycleBlocks, loadText, machineCpu, perRound, ROUNDS } from './support/rounds';
import { pronounceableWords } from './support/vocabulary';

const ADOPTED = Number(process.env.BENCH_ADOPTED ?? 300);
const CLAUSES = Number(process.env.BENCH_CLAUSES ?? 300);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const VOCABULARY = 2000;
const PAGE = 21;

/** The library's own SQL and parameters, from the built API (the queries the API runs, not copies). */
type LibraryModule = {
  LIBRARY_SEARCH_SQL: string;
  LIBRARY_LATEST_SQL: string;
  filterParams: (f: Record<string, unknown>, scope: { membersOnlyGroups: string[] }) => unknown[];
};
const libraryModule = (): LibraryModule => require(join(dirname(apiMain()), 'agreed-language/agreed-language.repository.js')) as LibraryModule;

const vocabulary = () => pronounceableWords(VOCABULARY);

async function seed(db: Pool, vocab: string[], group: { groupId: string; chairId: string }): Promise<{ seconds: number; adopted: number; drafts: number }> {
  const t0 = performance.now();
  const c = await db.connect();
  try {
    const snap = (await c.query(`SELECT convener_snapshot FROM working_groups WHERE id = $1`, [group.groupId])).rows[0].convener_snapshot;
    await c.query(`CREATE TEMP TABLE bench_docs AS SELECT gen_random_uuid() AS id, i FROM generate_series(1, $1::int) i`, [ADOPTED]);
    await c.query(
      `INSERT INTO documents (id, working_group_id, title, status, current_version, created_by, author_snapshot, created_at)
       SELECT id, $1, 'Adopted text ' || i, 'adopted', 2, $2, $3, now() - interval '400 days' FROM bench_docs`,
      [group.groupId, group.chairId, snap],
    );
    // Version 1 a draft, version 2 adopted (by a ballot, as the library shows it).
    await c.query(`CREATE TEMP TABLE bench_versions AS SELECT gen_random_uuid() AS id, d.id AS document_id, d.i, n FROM bench_docs d, generate_series(1, 2) n`);
    await c.query(
      `INSERT INTO document_versions (id, document_id, number, created_by, author_snapshot, created_at, consolidation, adopted_at, adoption_ballot_id)
       SELECT id, document_id, n, $1, $2, now() - interval '400 days' + i * interval '1 day', CASE WHEN n > 1 THEN '{"applied": []}'::jsonb END,
              CASE WHEN n = 2 THEN now() - interval '400 days' + i * interval '1 day' END, CASE WHEN n = 2 THEN gen_random_uuid() END
         FROM bench_versions`,
      [group.chairId, snap],
    );
    const vc = await c.query(
      `INSERT INTO version_clauses (version_id, clause_id, position, kind, text)
       SELECT v.id, k.clause_id, k.p, 'operative',
              (SELECT string_agg(($1::text[])[1 + floor(${VOCABULARY} * random() ^ 2)::int], ' ') FROM generate_series(1, 20 + 0 * k.p))
              || CASE WHEN (v.i * ${CLAUSES} + k.p) % 500 = 0 THEN ' reaffirming that international law applies' ELSE '' END
         FROM bench_versions v
         JOIN (SELECT d.id AS document_id, p, gen_random_uuid() AS clause_id FROM bench_docs d, generate_series(0, ${CLAUSES - 1}) p) k ON k.document_id = v.document_id`,
      [vocab],
    );
    await c.query('VACUUM ANALYZE search_entries');
    await c.query('ANALYZE');
    const rows = vc.rowCount ?? 0;
    return { seconds: (performance.now() - t0) / 1000, adopted: rows / 2, drafts: rows / 2 };
  } finally {
    c.release();
  }
}

async function main(): Promise<void> {
  const m = machine();
  log(`agreed-language: ${num(ADOPTED)} adopted versions × ${num(CLAUSES)} clauses, ${SAMPLES} samples a request`);
  const cluster = await startCluster('agreed-language');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 4 });
  db.on('error', () => undefined);
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    api = await startApi(cluster.url('parley_bench'));
    const g = await seedGroup(db, { members: 10, withSessions: 0, tag: 'agreed' });
    const vocab = vocabulary();
    const seeded = await seed(db, vocab, { groupId: g.groupId, chairId: g.chair.id });
    log(`agreed-language: seeded ${num(seeded.adopted)} adopted and ${num(seeded.drafts)} draft clauses in ${seeded.seconds.toFixed(0)} s`);
    const someDocument = (await db.query(`SELECT id FROM documents WHERE title = 'Adopted text 7'`)).rows[0].id as string;

    const { LIBRARY_SEARCH_SQL, LIBRARY_LATEST_SQL, filterParams } = libraryModule();
    const scope = { membersOnlyGroups: [] as string[] };
    const like = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const cases: { name: string; q: Record<string, string>; sql: () => Promise<unknown> }[] = [
      { name: 'browse, newest first', q: {}, sql: () => db.query(LIBRARY_LATEST_SQL, [...filterParams({}, scope), null, null, null, PAGE]) },
      ...[
        { name: 'a common word', q: vocab[20] },
        { name: 'a phrase', q: '"international law applies"' },
        { name: 'a rare word', q: vocab[1900] },
      ].map((x) => ({ name: x.name, q: { q: x.q }, sql: () => db.query(LIBRARY_SEARCH_SQL, [...filterParams({}, scope), x.q, like(x.q), null, null, PAGE]) })),
      {
        name: 'a word in one document',
        q: { q: vocab[50], document: someDocument },
        sql: () => db.query(LIBRARY_SEARCH_SQL, [...filterParams({ document: someDocument }, scope), vocab[50], like(vocab[50]), null, null, PAGE]),
      },
    ];
    for (const c of cases) {
      const first = await expectOk(http('GET', `${api.base}/api/agreed-language?${new URLSearchParams(c.q).toString()}`), `library ${c.name}`);
      if (first.items.length === 0) throw new Error(`library "${c.name}" found nothing`);
    }
    const read = await cycleBlocks({
      cases: cases.length,
      cycles: perRound(SAMPLES),
      a: async (k) => {
        const r = await http('GET', `${api!.base}/api/agreed-language?${new URLSearchParams(cases[k].q).toString()}`);
        if (r.status !== 200) throw new Error(`library ${cases[k].name}: ${r.status}`);
        return r.ms;
      },
      b: async (k) => {
        const s = performance.now();
        await cases[k].sql();
        return performance.now() - s;
      },
      cpu: machineCpu(cluster, api),
    });
    const [a, s] = [read.a, read.b];
    log(`agreed-language: API p50 ${ms(a.p50)} p99 ${ms(a.p99)}, SQL p50 ${ms(s.p50)} p99 ${ms(s.p99)}: ${blocksRatio(read)}; ${cpuText(read)}`);
    const judged = judgedRow(`Agreed-language library: ${num(seeded.adopted)} adopted clauses`, read.r, {
      measured: `GET /api/agreed-language p50 ${ms(read.r.aMedian)}`,
      limit: `the same SQL alone: p50 ${ms(read.r.bMedian)}`,
      goal: { atMost: 2 },
      info: `p99 ${ms(a.p99)}; ${cpuText(read)}`,
    });
    const met = judged.met;
    const row = (name: string, k: number) => {
      const [x, y] = [summarise(read.perCase[k].a), summarise(read.perCase[k].b)];
      return `| ${name} | ${ms(x.p50)} / ${ms(x.p99)} | ${ms(y.p50)} / ${ms(y.p99)} | ${(x.p50 / y.p50).toFixed(2)}× |`;
    };
    writeSection(
      'Agreed-language library',
      ` (${today()})

${machineLine(m)}
Corpus (SQL, through the search's index triggers): ${num(seeded.adopted)} adopted clauses (${num(ADOPTED)} adopted versions × ${num(CLAUSES)} clauses) and ${num(seeded.drafts)} draft clauses the library skips.
Anonymous GET /api/agreed-language (first page of 20, with pedigrees and highlights) interleaved with the same SQL alone: ${ROUNDS} pairs of blocks, each block
${perRound(SAMPLES)} cycles of the ${cases.length} requests (A B, then B A…); the ratio is the median of the pairs' p50 ratios, with the smallest and largest pair.
${cpuText(read)} (API, PostgreSQL and client, from /proc). ${loadText(read.r)}.

| request | API p50 / p99 | SQL alone p50 / p99 | API / SQL (p50) |
| --- | --- | --- | --- |
${cases.map((c, k) => row(c.name, k)).join('\n')}
| **all** | **${ms(a.p50)} / ${ms(a.p99)}** | ${ms(s.p50)} / ${ms(s.p99)} | **${blocksRatio(read)}** |

Goal: ≤ 2× the SQL ${met ? 'met' : '**missed**'}.
`,
    );
    emitResult('BENCH', { bench: 'agreed-language', rows: [judged], adopted: seeded.adopted, met, machine: m });
    if (!met) process.exitCode = 1;
  } finally {
    await api?.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
