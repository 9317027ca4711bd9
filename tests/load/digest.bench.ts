// Benchmark: the daily e-mail digest of issue #20 for 10,000 people.
//
// 10,000 people with verified addresses (half read French), each with three notifications of the
// 'daily' mode in three groups and six documents (30,000 rows, written by SQL as core's deriver
// writes them). Measured: DigestService.build('daily') of the real API (in this process, on its
// own database): per person one mail, grouped by group and document, in their language, stored
// rendered, linked to its notifications and queued for sending (pg-boss jobs), a thousand people
// per transaction. Limit, same run: the same 10,000 rendered rows written by one bare
// INSERT … SELECT into a copy of the table. Goal: the build in under 60 s.
//
// Environment: BENCH_DIGEST_PEOPLE (10000), BENCH_DIGEST_PER_PERSON (3).
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { apiMain, emitResult, log, machine, machineLine, num, runMain, startCluster, today, writeSection } from './support/harness';

const PEOPLE = Number(process.env.BENCH_DIGEST_PEOPLE ?? 10_000);
const PER_PERSON = Number(process.env.BENCH_DIGEST_PER_PERSON ?? 3);
const GOAL_SECONDS = 60;

interface DigestApp {
  app: { get(token: unknown): { build(period: 'daily' | 'weekly', now: Date): Promise<number> } };
  close(): Promise<void>;
}

async function main(): Promise<void> {
  const m = machine();
  log(`digest: ${num(PEOPLE)} people, ${PER_PERSON} daily notifications each`);
  const cluster = await startCluster('digest');
  const url = cluster.url('parley_bench');
  const db = new Pool({ connectionString: url, max: 4 });
  db.on('error', () => undefined);
  let parley: DigestApp | null = null;
  try {
    // The built API, loaded in this process (the runner copied it aside).
    const src = dirname(apiMain());
    const { createParleyApp } = require(join(src, 'app-factory.js')) as { createParleyApp: (c: unknown, o: unknown) => Promise<DigestApp> };
    const { loadConfig } = require(join(src, 'platform/config/config.js')) as { loadConfig: (env: Record<string, string>) => unknown };
    const { DigestService } = require(join(src, 'mail/digest.service.js')) as { DigestService: unknown };
    parley = await createParleyApp(loadConfig({ DATABASE_URL: url, PARLEY_SECRET: 'b'.repeat(40), LOG_LEVEL: 'silent', PORT: '0' }), { logger: false });

    const seedStart = performance.now();
    await db.query(`
      INSERT INTO people (name, email, password_hash, language, email_verified_at, created_at)
      SELECT 'Reader ' || g, 'reader' || g || '@bench.example', 'x', CASE WHEN g % 2 = 0 THEN 'fr' ELSE 'en' END, now() - interval '30 days', now() - interval '30 days'
        FROM generate_series(1, ${PEOPLE}) g`);
    await db.query(
      `INSERT INTO notifications (recipient_id, kind, dedupe_key, link, data, created_at, in_app, email_mode)
       SELECT p.id, 'comment-reply', 'bench-' || k, '/documents/00000000-0000-4000-8000-00000000000' || (k % 6),
              jsonb_build_object(
                'group', jsonb_build_object('id', '00000000-0000-4000-8000-0000000000a' || (k % 3), 'name', 'Working group ' || (k % 3)),
                'document', jsonb_build_object('id', '00000000-0000-4000-8000-00000000000' || (k % 6), 'title', 'Draft declaration ' || (k % 6)),
                'link', '/documents/00000000-0000-4000-8000-00000000000' || (k % 6),
                'actor', jsonb_build_object('id', null, 'name', 'Ana Ruiz', 'snapshot', jsonb_build_object('organisationName', 'Access Now', 'stakeholderGroup', 'civil-society')),
                'subject', jsonb_build_object('title', null, 'label', 'OP' || k),
                'facts', jsonb_build_object('excerpt', 'We support the text with a small change to paragraph ' || k || '.')),
              now() - make_interval(hours => k), true, 'daily'
         FROM people p CROSS JOIN generate_series(1, ${PER_PERSON}) k`,
    );
    await db.query('ANALYZE people; ANALYZE notifications');
    log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const t0 = performance.now();
    const made = await parley.app.get(DigestService).build('daily', new Date());
    const buildSeconds = (performance.now() - t0) / 1000;
    log(`built ${num(made)} digests in ${buildSeconds.toFixed(2)} s`);

    const [check] = (
      await db.query(`SELECT (SELECT count(*)::int FROM email_deliveries WHERE purpose = 'daily-digest') AS deliveries,
                             (SELECT count(*)::int FROM notifications WHERE email_delivery_id IS NULL AND email_mode = 'daily') AS unlinked,
                             (SELECT count(*)::int FROM pgboss.job WHERE name = 'mail-send') AS jobs,
                             (SELECT count(*)::int FROM email_deliveries WHERE purpose = 'daily-digest' AND language = 'fr' AND subject LIKE '%résumé quotidien%') AS french`)
    ).rows;
    const complete = check.deliveries === PEOPLE && check.unlinked === 0 && check.french === PEOPLE / 2;

    // The limit: the same rendered rows, one bare INSERT … SELECT into a copy of the table.
    await db.query(`CREATE TABLE bench_deliveries (LIKE email_deliveries INCLUDING ALL)`);
    const l0 = performance.now();
    await db.query(`INSERT INTO bench_deliveries SELECT * FROM email_deliveries WHERE purpose = 'daily-digest'`);
    const limitSeconds = (performance.now() - l0) / 1000;
    const ratio = buildSeconds / limitSeconds;
    const met = complete && buildSeconds < GOAL_SECONDS;

    writeSection(
      'E-mail digest',
      ` (${today()})

${machineLine(m)}
Written by tests/load/digest.bench.ts (\`npm run bench:digest\`). ${num(PEOPLE)} people with verified addresses (half read French), ${PER_PERSON} notifications each of the daily mode, in 3 groups and 6 documents (${num(PEOPLE * PER_PERSON)} rows). The daily digest is built by the API's own DigestService, a thousand people per transaction: rendered (text and HTML, grouped by group and document, in each person's language), stored, linked to its notifications and queued as pg-boss jobs.

| measured | figure |
| --- | --- |
| daily digest for ${num(PEOPLE)} people | **${buildSeconds.toFixed(2)} s** (${num(made)} mails, ${num(check.jobs)} send jobs queued) |
| limit, same run: the same ${num(PEOPLE)} rendered rows by one bare INSERT … SELECT | ${limitSeconds.toFixed(2)} s |
| ratio | ${ratio.toFixed(1)}× |
| goal: under ${GOAL_SECONDS} s, every notification in exactly one digest | ${met ? 'met' : '**not met**'} (unlinked ${check.unlinked}, French ${num(check.french)}) |
`,
    );
    emitResult('BENCH', { people: PEOPLE, perPerson: PER_PERSON, buildSeconds, limitSeconds, ratio, made, check, met, machine: m });
    if (!met) process.exitCode = 1;
  } finally {
    await parley?.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await cluster.destroy();
  }
}

runMain(main);
