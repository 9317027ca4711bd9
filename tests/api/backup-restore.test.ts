import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { openMotion, resetConnections, seedGroup } from '../load/support/harness';
import {
  checkRestore,
  dumpDuringStorm,
  findBackupServer,
  MACHINE_POSTGRES_URL,
  pgRestore,
  restoreClean,
  scratchDatabase,
  type BackupServer,
  type ScratchDatabase,
} from '../load/support/pg-backup';
import { verifyExport } from '../support/audit-verify-cli';
import { startTestApp, TestApp } from '../support/test-app';

// The backup drill (tests/fault/backup-restore.drill.ts, decision 0060) in short, on every test run:
// pg_dump of a live database while votes are being cast, restored into a new database, checked
// against what the voters were told and against the audit head published before the dump. pg_dump
// must be the server's major: the machine's PostgreSQL (Debian's 15) unless TEST_BACKUP_ADMIN_URL
// names another whose pg_dump is here (PARLEY_PG_BIN).
describe('a pg_dump taken during a vote storm, restored elsewhere', () => {
  let server: BackupServer;
  let source: ScratchDatabase;
  let target: ScratchDatabase;
  let live: TestApp;
  let restored: TestApp | null = null;
  let sourceDb: Pool;
  let restoredDb: Pool;
  const work = mkdtempSync(join(tmpdir(), 'parley-backup-test-'));

  beforeAll(async () => {
    server = await findBackupServer([process.env.TEST_BACKUP_ADMIN_URL, process.env.PARLEY_TEST_ADMIN_URL, MACHINE_POSTGRES_URL]);
    source = await scratchDatabase(server, 'parley_t_backup_source');
    target = await scratchDatabase(server, 'parley_t_backup_restored');
    live = await startTestApp({ databaseUrl: source.url });
    sourceDb = new Pool({ connectionString: source.url, max: 2 });
    restoredDb = new Pool({ connectionString: target.url, max: 2 });
  });
  afterAll(async () => {
    resetConnections();
    await restored?.stop();
    await live?.stop();
    await sourceDb?.end();
    await restoredDb?.end();
    await source?.drop();
    await target?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps every vote acknowledged before the dump with its audit event, and the published head is a prefix of the restored chain', async () => {
    const seeded = await seedGroup(sourceDb, { members: 30, withSessions: 20 });
    const ballot = await openMotion(live.baseUrl, seeded.chair.token, seeded.groupId, new Date(Date.now() + 3600_000));
    const { head, headFile, dumpFile, dump, before, stats, okAtDump } = await dumpDuringStorm({
      server,
      sourceUrl: source.url,
      base: live.baseUrl,
      ballotId: ballot.id,
      voters: seeded.members.slice(1, 21),
      dir: work,
      beforeDumpMs: 1500,
      afterDumpMs: 300,
    });
    expect(Object.keys(stats.byStatus)).toEqual(['200']);
    expect(okAtDump).toBeGreaterThan(0);
    expect(stats.ok).toBeGreaterThan(okAtDump); // writes went on while it dumped and after
    expect(dump.bytes).toBeGreaterThan(0);

    await pgRestore(server, dumpFile, target.url);
    const check = await checkRestore(restoredDb, { ballotId: ballot.id, before, head });
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ acknowledgedBeforeDump: okAtDump, presentWithEvent: okAtDump, missing: 0, chain: { ok: true } });
    expect(check.headChainsMatched).toBe(head.chains.length);
    expect(restoreClean(check)).toBe(true);
    // Votes acknowledged after the dump began may or may not be in it; what pg_dump saw is one consistent moment.
    expect(check.events).toBeLessThanOrEqual(Number((await sourceDb.query(`SELECT count(*) FROM audit_events`)).rows[0].count));

    // An API starts on the restore, and the outsider's verifier accepts its export against the head pinned before the dump.
    restored = await startTestApp({ databaseUrl: target.url });
    const exportFile = join(work, 'restored.jsonl');
    writeFileSync(exportFile, await (await fetch(`${restored.baseUrl}/api/audit/export.jsonl`)).text());
    const verified = await verifyExport(exportFile, headFile);
    expect(verified.out).toMatch(/pinned heads match/);
    expect(verified.code).toBe(0);

    // The same checks catch a restore that lost a vote: one acknowledged vote's recorded choice altered in the restore.
    const [voter, told] = [...before].find(([, t]) => t.choices.length > 0)!;
    await restoredDb.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
    await restoredDb.query(
      `UPDATE audit_events SET change = jsonb_set(change, '{choice}', to_jsonb($3::text))
        WHERE sequence = (SELECT min(sequence) FROM audit_events WHERE subject_id = $1 AND actor_id = $2 AND action = 'vote.cast')`,
      [ballot.id, voter, told.choices[0] === 'yes' ? 'no' : 'yes'],
    );
    const broken = await checkRestore(restoredDb, { ballotId: ballot.id, before, head });
    expect(broken.chain.ok).toBe(false);
    expect(broken.missing).toBeGreaterThanOrEqual(1);
    expect(restoreClean(broken)).toBe(false);
    writeFileSync(exportFile, await (await fetch(`${restored.baseUrl}/api/audit/export.jsonl`)).text());
    expect((await verifyExport(exportFile, headFile)).code).not.toBe(0);
  });
});
