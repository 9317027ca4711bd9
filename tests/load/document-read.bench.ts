// Benchmark: reading a large document.
//
// A 300-clause document (created over HTTP by the group's chair) with 5,000 comments (4,000 threads
// and 1,000 replies) and 1,000 amendments written by SQL. Measured in the same run:
//  - GET /api/documents/:id (anonymous: clauses with per-clause comment counts, amendment markers
//    and negotiating status), one request at a time, alternating with its physical limit: the six
//    SQL reads the answer needs (the version's clauses, comment counts, amendment markers, clause
//    statuses, open ad refs and open brackets), run in parallel straight through node-postgres,
//    interleaved in pairs of blocks (support/rounds.ts). Goal: API p50 ≤ 3× its SQL, median of the
//    pairs (p50 < 50 ms kept as information). The document's other reads likewise, each beside the
//    document read.
//  - The document page in Debian's chromium (playwright-core, cache disabled, a fresh page each
//    time): when all 300 clause rows are in the page, and when it is interactive — the end of the
//    last long task (Long Tasks API) before 500 ms without one, or the content, whichever is later —
//    interleaved with the same figure for the app's home page (the app shell and one small read).
//    Goal: ≤ 1.5× the home page, median of the pairs (< 1.5 s kept as information).
//
// Environment: BENCH_SAMPLES (40 per side), BENCH_ROUNDS (5), BENCH_PAGE_RUNS (BENCH_ROUNDS), CHROMIUM_PATH (/usr/bin/chromium).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  emitResult,
  expectOk,
  http,
  log,
  machine,
  machineLine,
  ms,
  num,
  root,
  runMain,
  seedGroup,
  startApi,
  startCluster,
  today,
  writeSection,
} from './support/harness';
import { createLongDocument, launchBenchBrowser } from './support/long-document';
import { pageBesideHome, pageMedian, type PageRun } from './support/page-timing';
import { type Interleaved, judgedRow, type JudgedRow, pairsTable, ratioText } from './support/interleave';
import { apiBesideSql, blocks, type Blocks, blocksRatio, cpuText, loadText, machineCpu, perRound, ROUNDS } from './support/rounds';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? ROUNDS);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const LIMIT_SQL = [
  `SELECT version_id, clause_id, position, kind, text FROM version_clauses WHERE version_id = $1 ORDER BY position`,
  `SELECT clause_id, count(*) FILTER (WHERE version_number = $2)::int AS comments, count(*) FILTER (WHERE version_number < $2)::int AS earlier,
          count(*) FILTER (WHERE kind = 'clarification' AND disposition IS NULL)::int AS unanswered
     FROM comments WHERE document_id = $1 AND version_number <= $2 GROUP BY clause_id`,
  `SELECT target_clause_id AS clause_id, count(*) FILTER (WHERE status IN ('proposed','balloting'))::int AS open,
          count(*) FILTER (WHERE status = 'balloting')::int AS balloting, count(*) FILTER (WHERE status = 'accepted')::int AS accepted
     FROM amendments WHERE document_id = $1 AND applies_to_version = $2 AND target_clause_id IS NOT NULL
      AND status IN ('proposed','balloting','accepted') AND applied_in_version IS NULL GROUP BY target_clause_id`,
];

/** The three reads the clause statuses add to the document read (issue 18): each clause's latest status, the open ad refs, the open brackets per clause. */
const NEGOTIATION_SQL = [
  `SELECT DISTINCT ON (s.clause_id) s.clause_id, s.status, s.at, (made.text IS DISTINCT FROM now_.text) AS text_changed
     FROM clause_statuses s
     JOIN version_clauses made ON made.version_id = s.version_id AND made.clause_id = s.clause_id
     LEFT JOIN version_clauses now_ ON now_.version_id = $2 AND now_.clause_id = s.clause_id
    WHERE s.document_id = $1 AND s.version_number <= $3
    ORDER BY s.clause_id, s.at DESC, s.id DESC`,
  `SELECT id, clause_id, organisation_id, organisation_name, expires_on::text AS expires_on FROM clause_ad_refs
    WHERE document_id = $1 AND version_number <= $2 AND ended IS NULL AND expires_on >= current_date ORDER BY agreed_at, id`,
  `SELECT clause_id, count(*)::int AS n FROM brackets WHERE document_id = $1 AND resolution IS NULL AND opened_in_version <= $2 GROUP BY clause_id`,
];

/**
 * How much more than the document read the chair's reads may cost: they read the same version and
 * add what the document read does not carry (the preflight every unanswered question in full, the
 * ballot its terms and tally), so the project's allowance for a path over its limit applies (1.5×).
 */
const CHAIR_READ_RATIO = 1.5;
/** The document read beside its six SQL reads: the allowance compilation and procedures use (3×); p50 < 50 ms is kept as information. */
const API_RATIO = 3;
/** The document page beside the app's home page, both interactive (issue #26: 1.5×; formerly < 1.5 s). */
const PAGE_RATIO = 1.5;

/** `read` interleaved with the document read, in pairs of blocks: the read's figures and its ratio to the document read. */
async function alternate(read: () => Promise<{ status: number; ms: number }>, documentUrl: string) {
  const ok = async (r: Promise<{ status: number; ms: number }>) => {
    const x = await r;
    if (x.status !== 200) throw new Error(`read: ${x.status}`);
    return x.ms;
  };
  const x = await blocks({ perRound: perRound(SAMPLES), a: () => ok(read()), b: () => ok(http('GET', documentUrl)) });
  return { stats: x.a, ratio: x.r.ratio, x };
}

/** The adoption dialog's preflight and the adoption ballot's page, each against the document read. */
async function measureChairReads(base: string, documentId: string, chairToken: string, documentUrl: string) {
  const preflightUrl = `${base}/api/documents/${documentId}/versions/1/adoption-preflight`;
  const preflight = await expectOk<{ warnings: string[] }>(http('GET', preflightUrl, { token: chairToken }), 'adoption preflight');
  const opened = await expectOk<{ ballotId: string }>(
    http('POST', `${base}/api/documents/${documentId}/versions/1/adoption-ballot`, {
      token: chairToken,
      body: { acknowledgedWarnings: preflight.warnings, closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    }),
    'open the adoption ballot',
  );
  const ballotUrl = `${base}/api/ballots/${opened.ballotId}`;
  const shown = await http('GET', ballotUrl);
  if (shown.status !== 200 || shown.body.subjectView?.clauses?.length !== 300) throw new Error(`the adoption ballot shows ${shown.body.subjectView?.clauses?.length} clauses`);
  const p = await alternate(() => http('GET', preflightUrl, { token: chairToken }), documentUrl);
  const b = await alternate(() => http('GET', ballotUrl), documentUrl);
  return { preflight: p.stats, preflightRatio: p.ratio, preflightX: p.x, ballot: b.stats, ballotRatio: b.ratio, ballotX: b.x };
}

/**
 * The document's other reads, each alternating with the document read: one clause's threads (a page of
 * 20), a page of 100 amendments with their diffs, and the two whole-version reports (the disposition
 * report of every comment, the provenance of every clause). A page of one clause costs less than the
 * whole document; a page of amendments and the reports carry more than it does, within the allowances
 * below (a hundred word diffs; the reports read every comment or every version's text where the document
 * read only counts them).
 */
const OTHER_READS = [
  { key: 'threads', label: "GET …/comments?clauseId=&limit=20 (one clause's threads with replies)", goal: 1 },
  { key: 'amendments', label: 'GET …/amendments?limit=100 (a page of amendments with diffs and competing groups)', goal: 2 },
  { key: 'dispositions', label: 'GET …/versions/1/dispositions (the disposition report: 5,000 comments)', goal: 6 },
  { key: 'provenance', label: 'GET …/versions/1/provenance (who wrote each of the 300 clauses)', goal: 3 },
] as const;
type OtherRead = (typeof OTHER_READS)[number]['key'];

async function measureOtherReads(base: string, documentId: string, clauseId: string, documentUrl: string) {
  const urls: Record<OtherRead, string> = {
    threads: `${base}/api/documents/${documentId}/comments?clauseId=${clauseId}&limit=20`,
    amendments: `${base}/api/documents/${documentId}/amendments?limit=100`,
    dispositions: `${base}/api/documents/${documentId}/versions/1/dispositions`,
    provenance: `${base}/api/documents/${documentId}/versions/1/provenance`,
  };
  const threads = await expectOk<{ items: unknown[] }>(http('GET', urls.threads), 'one clause\'s threads');
  const amendments = await expectOk<{ items: unknown[] }>(http('GET', urls.amendments), 'a page of amendments');
  const dispositions = await expectOk<{ entries: unknown[] }>(http('GET', urls.dispositions), 'the disposition report');
  const provenance = await expectOk<{ clauses: unknown[] }>(http('GET', urls.provenance), 'the provenance');
  if (threads.items.length === 0 || amendments.items.length !== 100 || dispositions.entries.length !== 5000 || provenance.clauses.length !== 300)
    throw new Error('the other reads did not return the seeded rows');
  const out = {} as Record<OtherRead, Awaited<ReturnType<typeof alternate>>>;
  for (const r of OTHER_READS) out[r.key] = await alternate(() => http('GET', urls[r.key]), documentUrl);
  return out;
}

async function main(): Promise<void> {
  const m = machine();
  log(`document read: 300 clauses, 5,000 comments, 1,000 amendments; ${SAMPLES} API samples, ${PAGE_RUNS} page loads`);
  const webIndex = join(root, 'dist/web/index.html');
  const cluster = await startCluster('document-read');
  const db = new Pool({ connectionString: cluster.url('parley_bench'), max: 6 });
  db.on('error', () => undefined);
  let api: Awaited<ReturnType<typeof startApi>> | null = null;
  let browserDir: string | null = null;
  let context: any = null;
  try {
    api = await startApi(cluster.url('parley_bench'), { env: { PARLEY_WEB_DIR: join(root, 'dist/web') } });
    const seeded = await seedGroup(db, { members: 8, withSessions: 2 });
    const { doc, versionId } = await createLongDocument(db, api.base, seeded.groupId, seeded.chair.token, 'A long convention');
    const authors = (
      await db.query(
        `SELECT person_id AS id, admission_snapshot AS snapshot FROM memberships WHERE working_group_id = $1 ORDER BY admitted_at, person_id LIMIT 5`,
        [seeded.groupId],
      )
    ).rows;
    const t0 = performance.now();
    await db.query(
      `INSERT INTO comments (document_id, version_id, version_number, clause_id, kind, body, author_id, author_snapshot, created_at)
       SELECT $1, $2, 1, ($3::uuid[])[1 + (i % 300)], (ARRAY['general','technical','editorial','clarification'])[1 + (i % 4)], 'Comment number ' || i || ' on this clause.',
              ($4::uuid[])[1 + (i % 4)], ($5::jsonb[])[1 + (i % 4)], now() - make_interval(secs => 6000 - i)
         FROM generate_series(1, 4000) AS i`,
      [
        doc.id,
        versionId,
        doc.version.clauses.map((c) => c.id),
        authors.slice(0, 4).map((a) => a.id),
        authors.slice(0, 4).map((a) => JSON.stringify(a.snapshot)),
      ],
    );
    await db.query(
      `INSERT INTO comments (document_id, version_id, version_number, clause_id, parent_id, kind, body, author_id, author_snapshot, created_at)
       SELECT c.document_id, c.version_id, 1, c.clause_id, c.id, 'general', 'A reply.', $2, $3, c.created_at + interval '1 second'
         FROM (SELECT * FROM comments WHERE document_id = $1 ORDER BY created_at LIMIT 1000) c`,
      [doc.id, authors[4].id, JSON.stringify(authors[4].snapshot)],
    );
    await db.query(
      `INSERT INTO amendments (document_id, kind, base_version, applies_to_version, target_clause_id, target_text, text, rationale, author_id, author_snapshot, created_at)
       SELECT $1, 'replace', 1, 1, vc.clause_id, vc.text, vc.text || ' (amended ' || i || ')', 'Rationale ' || i, ($3::uuid[])[1 + (i % 3)], ($4::jsonb[])[1 + (i % 3)], now() - make_interval(secs => 2000 - i)
         FROM generate_series(1, 1000) AS i JOIN version_clauses vc ON vc.version_id = $2 AND vc.position = (i % 300)`,
      [doc.id, versionId, authors.slice(0, 3).map((a) => a.id), authors.slice(0, 3).map((a) => JSON.stringify(a.snapshot))],
    );
    await db.query('ANALYZE comments; ANALYZE amendments; ANALYZE version_clauses');
    log(`5,000 comments and 1,000 amendments written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // The API beside its SQL.
    const url = `${api.base}/api/documents/${doc.id}`;
    const first = await http('GET', url);
    if (first.status !== 200) throw new Error(`GET document: ${first.status}`);
    const counted = (first.body.version.clauses as { counts: { comments: number } }[]).reduce((n, c) => n + c.counts.comments, 0);
    if (first.body.version.clauses.length !== 300 || counted !== 5000)
      throw new Error(`the document shows ${first.body.version.clauses.length} clauses and ${counted} comments`);
    const sqlOnce = () =>
      Promise.all([
        db.query(LIMIT_SQL[0], [versionId]),
        db.query(LIMIT_SQL[1], [doc.id, 1]),
        db.query(LIMIT_SQL[2], [doc.id, 1]),
        db.query(NEGOTIATION_SQL[0], [doc.id, versionId, 1]),
        db.query(NEGOTIATION_SQL[1], [doc.id, 1]),
        db.query(NEGOTIATION_SQL[2], [doc.id, 1]),
      ]);
    for (let i = 0; i < 3; i++) {
      await http('GET', url);
      await sqlOnce();
    }
    const read = await apiBesideSql({ url, what: 'GET document', sql: sqlOnce, samples: SAMPLES, cpu: machineCpu(cluster, api) });
    const apiStats = read.a;
    const sqlStats = read.b;
    const bytes = Buffer.byteLength(JSON.stringify(first.body));
    log(`API p50 ${ms(apiStats.p50)} p99 ${ms(apiStats.p99)}; its SQL alone p50 ${ms(sqlStats.p50)}: ${blocksRatio(read)}; ${cpuText(read)}; ${num(bytes / 1024, 0)} KB`);

    // The reads the chair's safeguards and the ballot page added (issue 17), on the same document, each
    // alternating with the document read it must not outgrow: what the adoption dialog lists before the
    // first click (1,000 unanswered clarification questions among the comments), and the adoption
    // ballot's page, which shows the whole version's text with its counts.
    const chairReads = await measureChairReads(api.base, doc.id, seeded.chair.token, url);
    log(
      `adoption preflight p50 ${ms(chairReads.preflight.p50)} (${chairReads.preflightRatio.toFixed(2)}× the document read); ` +
        `adoption ballot read p50 ${ms(chairReads.ballot.p50)} (${chairReads.ballotRatio.toFixed(2)}×)`,
    );

    const otherReads = await measureOtherReads(api.base, doc.id, doc.version.clauses[1].id, url);
    log(OTHER_READS.map((r) => `${r.key} p50 ${ms(otherReads[r.key].stats.p50)} (${otherReads[r.key].ratio.toFixed(2)}×)`).join('; '));

    // The page in chromium, interleaved with the app's home page: the same app, its shell and a small read.
    let page: { doc: PageRun[]; home: PageRun[]; r: Interleaved } | null = null;
    let pageSkipped: string | null = null;
    if (!existsSync(CHROMIUM)) pageSkipped = `no chromium at ${CHROMIUM}`;
    else if (!existsSync(webIndex)) pageSkipped = 'the web app is not built (npx nx run web:build)';
    else {
      ({ context, profileDir: browserDir } = await launchBenchBrowser(CHROMIUM));
      const x = await pageBesideHome(context, api.base, { path: `/documents/${doc.id}`, ready: { selector: 'li.clause-row', count: 300 } }, PAGE_RUNS);
      page = { doc: x.page, home: x.home, r: x.r };
      log(`page: ${ratioText(x.r)}; ${JSON.stringify(x.page.map((p) => Math.round(p.interactiveMs)))} ms interactive; home ${JSON.stringify(x.home.map((p) => Math.round(p.interactiveMs)))}`);
    }

    const med = pageMedian;
    const pageFig = page
      ? {
          contentMs: med(page.doc, 'contentMs'),
          interactiveMs: med(page.doc, 'interactiveMs'),
          fcpMs: med(page.doc, 'fcpMs'),
          domInteractiveMs: med(page.doc, 'domInteractiveMs'),
          longTasks: med(page.doc, 'longTasks'),
          worstInteractiveMs: Math.max(...page.doc.map((r) => r.interactiveMs)),
          emptyInteractiveMs: med(page.home, 'interactiveMs'),
          emptyContentMs: med(page.home, 'contentMs'),
        }
      : null;
    const rows: JudgedRow[] = [
      judgedRow('Document read: 300 clauses, 5,000 comments, 1,000 amendments', read.r, {
        measured: `GET p50 ${ms(read.r.aMedian)}`,
        limit: `the document's six SQL reads alone, in parallel: p50 ${ms(read.r.bMedian)}`,
        goal: { atMost: API_RATIO },
        info: `p50 ${ms(apiStats.p50)} (formerly judged < 50 ms); ${cpuText(read)}`,
      }),
      judgedRow('Document read: adoption preflight (chair)', chairReads.preflightX.r, {
        measured: `GET p50 ${ms(chairReads.preflightX.r.aMedian)}`,
        limit: `the document read: p50 ${ms(chairReads.preflightX.r.bMedian)}`,
        goal: { atMost: CHAIR_READ_RATIO },
      }),
      judgedRow('Document read: adoption ballot page', chairReads.ballotX.r, {
        measured: `GET p50 ${ms(chairReads.ballotX.r.aMedian)}`,
        limit: `the document read: p50 ${ms(chairReads.ballotX.r.bMedian)}`,
        goal: { atMost: CHAIR_READ_RATIO },
      }),
      ...OTHER_READS.map((o) =>
        judgedRow(`Document read: ${o.key}`, otherReads[o.key].x.r, {
          measured: `GET p50 ${ms(otherReads[o.key].x.r.aMedian)}`,
          limit: `the document read: p50 ${ms(otherReads[o.key].x.r.bMedian)}`,
          goal: { atMost: o.goal },
        }),
      ),
    ];
    if (page && pageFig)
      rows.push(
        judgedRow('Document page in chromium (300 clause rows)', page.r, {
          measured: `interactive at ${ms(page.r.aMedian)}`,
          limit: `the app's home page, interleaved: ${ms(page.r.bMedian)}`,
          goal: { atMost: PAGE_RATIO },
          info: `formerly judged < 1,500 ms; worst load ${ms(pageFig.worstInteractiveMs)}`,
        }),
      );
    else rows.push({ workload: 'Document page in chromium', measured: `not measured: ${pageSkipped}`, limit: '', ratio: NaN, min: NaN, max: NaN, pairs: 0, goal: `≤ ${PAGE_RATIO}×`, met: false });
    const yes = (b: boolean) => (b ? 'met' : '**missed**');
    const line = (label: string, x: Blocks, row: JudgedRow) =>
      `| ${label} | ${ms(x.a.p50)} | ${ms(x.a.p99)} | ${ms(x.a.max)} | ${ms(x.b.p50)} | ${blocksRatio(x)} | ${row.goal} | ${yes(row.met)} |`;
    writeSection(
      'Document read',
      ` (${today()})

${machineLine(m)}
Workload: a 300-clause document (created over HTTP) with 5,000 comments (4,000 threads, 1,000 replies) and 1,000 amendments written by SQL.
Each read is interleaved with its limit in ${ROUNDS} pairs of blocks of ${perRound(SAMPLES)} sequential requests (A B, then B A…); the ratio is
the median of the pairs' p50 ratios, with the smallest and largest pair. ${cpuText(read)} for the document read (API, PostgreSQL and client, from /proc). ${loadText(read.r)}.

| read | p50 | p99 | max | limit p50 | ratio, pair by pair | goal | |
| --- | --- | --- | --- | --- | --- | --- | --- |
${line(`GET /api/documents/:id, anonymous (${num(bytes / 1024, 0)} KB of JSON); limit: its six SQL reads alone (clauses, comment counts, amendment markers, clause statuses, open ad refs, open brackets; in parallel)`, read, rows[0])}
${line('GET …/versions/1/adoption-preflight as the chair (every warning the adoption dialog lists: 1,000 unanswered clarifications); limit: the document read', chairReads.preflightX, rows[1])}
${line('GET /api/ballots/:id of the adoption ballot on this version, anonymous (the whole text with its counts); limit: the document read', chairReads.ballotX, rows[2])}
${OTHER_READS.map((o, i) => line(`${o.label}, anonymous; limit: the document read`, otherReads[o.key].x, rows[3 + i])).join('\n')}

${
  page && pageFig
    ? `The page /documents/:id in chromium (headless, cache disabled, a fresh page each time), interleaved with the app's home page (the same app shell
and one small read: what loading the app costs), ${page.r.pairs.length} pairs; times from navigation start, medians:

| page | DOM interactive | first contentful paint | all content in the DOM | interactive (last long task before 500 ms quiet) | long tasks |
| --- | --- | --- | --- | --- | --- |
| document, 300 clause rows | ${ms(pageFig.domInteractiveMs)} | ${ms(pageFig.fcpMs)} | ${ms(pageFig.contentMs)} | **${ms(pageFig.interactiveMs)}** (worst ${ms(pageFig.worstInteractiveMs)}) | ${pageFig.longTasks} |
| home page (the app shell) | ${ms(med(page.home, 'domInteractiveMs'))} | ${ms(med(page.home, 'fcpMs'))} | ${ms(pageFig.emptyContentMs)} | ${ms(pageFig.emptyInteractiveMs)} | ${med(page.home, 'longTasks')} |

Document page / home page, interactive: **${ratioText(page.r)}**, goal ≤ ${PAGE_RATIO}× — ${yes(rows[rows.length - 1].met)} (the former absolute goal, < 1,500 ms: ${pageFig.interactiveMs < 1500 ? 'within' : 'over'}).

${pairsTable(page.r, { a: 'document page', b: 'home page', unit: 'ms' }, 0)}
`
    : `The page in chromium was not measured: ${pageSkipped}.`
}`,
    );
    const result = {
      bench: 'document-read',
      rows,
      bytes,
      page: pageFig,
      pageSkipped,
      met: rows.every((r) => r.met),
      machine: m,
    };
    emitResult('BENCH', result);
    if (!result.met) process.exitCode = 1;
  } finally {
    await context?.close().catch(() => undefined);
    if (browserDir) rmSync(browserDir, { recursive: true, force: true });
    await api?.stop();
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
