// Benchmark: reading a ballot with a large running tally.
//
// Two open roll-call ballots with live tallies, one with 10,000 and one with 100,000 votes (electors
// and votes written by SQL, spread over the three stakeholder groups). For each: GET /api/ballots/:id
// (anonymous, as the public page reads it: terms, running tally aggregated in SQL, first page of the
// roll call), measured one request at a time, interleaved with its physical limit on the same data in
// the same run: the running tally's SQL aggregate alone, straight through node-postgres, in BENCH_ROUNDS
// pairs of blocks (support/rounds.ts). Goal: API p50 within 2× the bare SQL aggregate's p50, median of
// the pairs.
//
// Environment: BENCH_SAMPLES (40 per side and case), BENCH_ROUNDS (5), BENCH_SIZES ("10000,100000").
import { Pool } from 'pg';
import {
  emitResult,
  http,
  log,
  machine,
  machineLine,
  ms,
  num,
  openMotion,
  runMain,
  seedGroup,
  startApi,
  startCluster,
  summarise,
  today,
  writeSection,
} from './support/harness';
import { performance } from 'node:perf_hooks';
import { judgedRow, type JudgedRow } from './support/interleave';
import { apiBesideSql, type Blocks, blocksRatio, cpuText, loadText, machineCpu, perRound, ROUNDS } from './support/rounds';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);

/** The running tally's query, as BallotRepository.runningTally runs it (person unit). */
const TALLY_SQL = `SELECT e.stakeholder_group AS "group", v.choice, count(*)::int AS n
  FROM ballot_electors e LEFT JOIN votes v ON v.ballot_id = e.ballot_id AND v.voter_id = e.person_id
 WHERE e.ballot_id = $1 GROUP BY 1, 2`;

/** `n` more electors of the ballot, each with a vote (written by SQL: the API path is measured by the vote storm). */
async function addVoters(db: Pool, ballotId: string, n: number, tag: string): Promise<void> {
  await db.query(
    `WITH p AS (
       INSERT INTO people (name, email, password_hash)
       SELECT 'Voter ' || lpad(i::text, 6, '0') || ' ' || $3, 'voter-' || i || '-' || $3 || '@bench.example.org', 'x' FROM generate_series(1, $2::int) i
       RETURNING id, name
     ), numbered AS (SELECT id, name, row_number() OVER (ORDER BY name) AS k FROM p)
     INSERT INTO ballot_electors (ballot_id, person_id, name, snapshot, stakeholder_group, organisation_id)
     SELECT $1::uuid, numbered.id, numbered.name,
            jsonb_build_object('affiliationId', gen_random_uuid(), 'organisationId', o.id, 'organisationName', 'Organisation ' || (numbered.k % 500), 'stakeholderGroup', o.g,
                               'subtype', o.s, 'country', 'FR', 'title', 'Delegate', 'organisationVerified', true),
            o.g, o.id
       FROM numbered
       CROSS JOIN LATERAL (SELECT CASE k % 3 WHEN 0 THEN 'government' WHEN 1 THEN 'private-sector' ELSE 'civil-society' END AS g,
                                  CASE k % 3 WHEN 0 THEN 'national' WHEN 1 THEN 'company' ELSE 'ngo' END AS s,
                                  ('00000000-0000-4000-8000-' || lpad((k % 500)::text, 12, '0'))::uuid AS id) o`,
    [ballotId, n, tag],
  );
  await db.query(
    `INSERT INTO votes (ballot_id, voter_id, choice, reason, salt, cast_at, changed_at)
     SELECT ballot_id, person_id, (ARRAY['yes','no','abstain','yes','no'])[1 + (abs(hashtext(person_id::text)) % 5)], NULL, 'salt', now(), now()
       FROM ballot_electors WHERE ballot_id = $1 AND name LIKE 'Voter %'`,
    [ballotId],
  );
}

interface Case {
  votes: number;
  x: Blocks;
  apiSignedIn: ReturnType<typeof summarise>;
  row: JudgedRow;
  bytes: number;
}

async function main(): Promise<void> {
  const m = machine();
  log(`tally read: ballots with ${SIZES.join(' and ')} votes, ${SAMPLES} samples each`);
  const cluster = await startCluster('tally-read');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 4 });
  db.on('error', () => undefined);
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    api = await startApi(cluster.url('parley_bench'));
    const seeded = await seedGroup(db, { members: 6, withSessions: 5 });
    const member = seeded.members[1];
    const cases: Case[] = [];
    for (const size of SIZES) {
      const ballot = await openMotion(api.base, seeded.chair.token, seeded.groupId, new Date(Date.now() + 3600_000), { title: `A motion with ${size} votes` });
      const t0 = performance.now();
      await addVoters(db, ballot.id, size, `${size}`);
      await db.query('ANALYZE people; ANALYZE ballot_electors; ANALYZE votes');
      log(`${num(size)} electors and votes written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const url = `${api.base}/api/ballots/${ballot.id}`;

      // Warm-up, and a check that the API counts what is there.
      const first = await http('GET', url);
      if (first.status !== 200) throw new Error(`GET ballot: ${first.status}`);
      const counted = first.body.votesCast as number;
      if (counted !== size) throw new Error(`the ballot shows ${counted} votes cast, ${size} were written`);
      for (let i = 0; i < 3; i++) {
        await http('GET', url);
        await db.query(TALLY_SQL, [ballot.id]);
      }

      const x = await apiBesideSql({ url, what: 'GET ballot', sql: () => db.query(TALLY_SQL, [ballot.id]), samples: SAMPLES, cpu: machineCpu(cluster, api) });
      const signedMs: number[] = [];
      for (let i = 0; i < perRound(SAMPLES); i++) {
        const rs = await http('GET', url, { token: member.token ?? undefined });
        if (rs.status !== 200) throw new Error(`GET ballot signed in: ${rs.status}`);
        signedMs.push(rs.ms);
      }
      const row = judgedRow(`Tally read: ballot with ${num(size)} votes`, x.r, {
        measured: `GET p50 ${ms(x.r.aMedian)}`,
        limit: `the SQL aggregate alone: p50 ${ms(x.r.bMedian)}`,
        goal: { atMost: 2 },
        info: cpuText(x),
      });
      cases.push({ votes: size, x, apiSignedIn: summarise(signedMs), row, bytes: Buffer.byteLength(JSON.stringify(first.body)) });
      log(`${num(size)} votes: API p50 ${ms(x.r.aMedian)}, SQL aggregate p50 ${ms(x.r.bMedian)}: ${blocksRatio(x)}; ${cpuText(x)}`);
    }

    const row = (c: Case) =>
      `| ${num(c.votes)} | ${ms(c.x.a.p50)} / ${ms(c.x.a.p99)} | ${ms(c.apiSignedIn.p50)} / ${ms(c.apiSignedIn.p99)} | ${ms(c.x.b.p50)} / ${ms(c.x.b.p99)} | **${blocksRatio(c.x)}** | ${c.row.met ? 'met' : '**missed**'} | ${c.x.aCpu.toFixed(2)} / ${c.x.bCpu.toFixed(2)} ms | ${num(c.bytes / 1024, 1)} KB |`;
    writeSection(
      'Tally read',
      ` (${today()})

${machineLine(m)}
Workload: an open roll-call ballot with live tallies, its electors and votes written by SQL over the three stakeholder groups and 500
organisations; sequential GET /api/ballots/:id (terms, running tally, votes cast, the first 50 of the roll call), interleaved with the running
tally's SQL aggregate alone (the physical limit: the same query the API runs, straight through node-postgres): ${ROUNDS} pairs of blocks of
${perRound(SAMPLES)} requests each side (A B, then B A…); the ratio is the median of the pairs' p50 ratios, with the smallest and largest pair.
CPU per request: the API process, PostgreSQL and the client, from /proc, over each block. The signed-in read is measured after, for information.

| votes | API anonymous p50 / p99 | API signed-in member p50 / p99 | SQL aggregate alone p50 / p99 | API / SQL, pair by pair | goal ≤ 2× | CPU per request API / SQL | response |
| --- | --- | --- | --- | --- | --- | --- | --- |
${cases.map(row).join('\n')}

${cases.map((c) => `${num(c.votes)} votes: ${loadText(c.x.r)}.`).join(' ')}
`,
    );
    const result = {
      bench: 'tally-read',
      rows: cases.map((c) => c.row),
      met: cases.every((c) => c.row.met),
      machine: m,
    };
    emitResult('BENCH', result);
    if (!result.met) process.exitCode = 1;
  } finally {
    await api?.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
