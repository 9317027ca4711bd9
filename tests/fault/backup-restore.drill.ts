// Drill: pg_dump of a live database in the middle of a vote storm, restored into a fresh database.
//
// 500 members, one hot ballot, VOTERS voters casting and changing votes through the built API on the
// machine's PostgreSQL (pg_dump must be the server's major: see tests/load/support/pg-backup.ts).
// After BEFORE_DUMP seconds the public head of every chain (GET /api/audit/head) is read and kept, as
// an outsider pinning it would; then pg_dump runs while the storm goes on, and the storm goes on
// AFTER_DUMP seconds more. The dump is restored into a new database and a second API started on it.
// Passed when:
//  - every vote acknowledged before the dump started is in the restore with its audit event (same
//    voter, same choice, in the order the voter was answered);
//  - the restored chains verify from genesis, with the head published before the dump as a prefix
//    (the same hash at the same sequence), by libs/domain and by the built offline verifier
//    (dist/api/tools/audit-verify.js) over the restored API's export;
//  - the storm itself lost nothing (the source database checked as the kill drill does).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Pool } from 'pg';
import { apiMain, auditClean, auditVotes, emitResult, log, machine, num, openMotion, runMain, seedGroup, startApi } from '../load/support/harness';
import { checkRestore, dumpDuringStorm, findBackupServer, MACHINE_POSTGRES_URL, pgRestore, restoreClean, scratchDatabase } from '../load/support/pg-backup';

const VOTERS = Number(process.env.DRILL_VOTERS ?? 50);
const BEFORE_DUMP = Number(process.env.DRILL_BEFORE_DUMP ?? 4);
const AFTER_DUMP = Number(process.env.DRILL_AFTER_DUMP ?? 3);

async function main(): Promise<void> {
  const m = machine();
  const server = await findBackupServer([process.env.DRILL_BACKUP_ADMIN_URL, MACHINE_POSTGRES_URL]);
  log(`drill backup-restore: PostgreSQL ${server.major}, ${VOTERS} voters, pg_dump after ${BEFORE_DUMP} s, ${AFTER_DUMP} s more after it`);
  const work = mkdtempSync(join(tmpdir(), 'parley-drill-backup-'));
  const source = await scratchDatabase(server, 'parley_drill_source');
  const target = await scratchDatabase(server, 'parley_drill_restored');
  const db = new Pool({ connectionString: source.url, max: 4 });
  const restoredDb = new Pool({ connectionString: target.url, max: 2 });
  db.on('error', () => undefined);
  restoredDb.on('error', () => undefined);
  const api = await startApi(source.url);
  let restoredApi: Awaited<ReturnType<typeof startApi>> | null = null;
  try {
    const seeded = await seedGroup(db, { members: 500, withSessions: VOTERS });
    const voters = seeded.members.slice(1, VOTERS + 1);
    const ballot = await openMotion(api.base, seeded.chair.token, seeded.groupId, new Date(Date.now() + 3600_000));
    const run = await dumpDuringStorm({
      server,
      sourceUrl: source.url,
      base: api.base,
      ballotId: ballot.id,
      voters,
      dir: work,
      beforeDumpMs: BEFORE_DUMP * 1000,
      afterDumpMs: AFTER_DUMP * 1000,
    });
    const { head, headFile, dump, before, ledgers, stats, okAtDump, duringDump, afterDump } = run;
    log(`pg_dump: ${num(dump.bytes / 1024)} KiB in ${num(dump.ms)} ms, ${okAtDump} votes acknowledged before it, ${duringDump} during it`);
    const sourceAudit = await auditVotes(db, seeded.groupId, ballot.id, ledgers);

    const restore = await pgRestore(server, run.dumpFile, target.url);
    log(`pg_restore: ${num(restore.ms)} ms`);
    const check = await checkRestore(restoredDb, { ballotId: ballot.id, before, head });
    // The restore as the application sees it: an API starts on it, and the outsider's verifier checks its export against the pinned head.
    restoredApi = await startApi(target.url);
    const exportFile = join(work, 'restored.jsonl');
    const exported = await fetch(`${restoredApi.base}/api/audit/export.jsonl`);
    writeFileSync(exportFile, await exported.text());
    const verifierPath = join(dirname(apiMain()), '../../../tools/audit-verify.js');
    const verifier = spawnSync(process.execPath, [verifierPath, exportFile, '--head', headFile], { encoding: 'utf8', timeout: 60_000 });
    const verifierSaid = `${verifier.stdout ?? ''}${verifier.stderr ?? ''}`.trim().split('\n').slice(-1)[0] ?? '';
    log(`verifier (exit ${verifier.status}): ${verifierSaid}`);
    log(`restore check ${JSON.stringify({ ...check, problems: check.problems.slice(0, 5) })}`);

    const fiveHundreds = Object.entries(stats.byStatus).filter(([k]) => /^5/.test(k));
    const passed =
      restoreClean(check) && exported.status === 200 && verifier.status === 0 && auditClean(sourceAudit) && fiveHundreds.length === 0 && duringDump > 0;
    emitResult('DRILL', {
      drill: 'backup-restore',
      passed,
      machine: m,
      summary: `pg_dump (PostgreSQL ${server.major}) of the live database after ${okAtDump} acknowledged votes took ${(dump.ms / 1000).toFixed(2)} s while ${duringDump} more were acknowledged; restored into a new database in ${(restore.ms / 1000).toFixed(2)} s: ${check.presentWithEvent} of ${check.acknowledgedBeforeDump} votes acknowledged before the dump present with their events, the head published before the dump matched on ${check.headChainsMatched} of ${check.headChains} chains, the offline verifier ${verifier.status === 0 ? 'accepted' : 'REFUSED'} the restored export.`,
      figures: {
        dumpSize: `${num(dump.bytes / 1024)} KiB`,
        dumpTime: `${(dump.ms / 1000).toFixed(2)} s`,
        restoreTime: `${(restore.ms / 1000).toFixed(2)} s`,
        eventsInRestore: check.events,
        acknowledgedBeforeDump: check.acknowledgedBeforeDump,
        presentWithEvent: check.presentWithEvent,
        missing: check.missing,
        acknowledgedDuringDump: duringDump,
        acknowledgedAfterDump: afterDump,
        headChainsMatched: `${check.headChainsMatched} of ${check.headChains}`,
        restoredChain: check.chain.ok ? 'valid from genesis' : `BROKEN: ${check.chain.detail}`,
        offlineVerifier: `exit ${verifier.status}: ${verifierSaid.slice(0, 160)}`,
        stormStatuses: stats.byStatus,
        stormLost: sourceAudit.lost,
      },
      problems: [...check.problems, ...sourceAudit.problems].slice(0, 10),
    });
    if (!passed) process.exitCode = 1;
  } finally {
    await restoredApi?.stop();
    await api.stop();
    await db.end().catch(() => undefined);
    await restoredDb.end().catch(() => undefined);
    await source.drop().catch(() => undefined);
    await target.drop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main);
