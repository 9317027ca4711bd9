import { NotificationDeriver } from '../../apps/api/src/notifications/notification-deriver';
import { Chamber, newChamber, openMotion } from '../support/ballot-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from './notifications-support';

jest.setTimeout(90_000);

/**
 * The deriver's rows and its cursor commit together: a failure in the middle leaves neither, and
 * instances that start, restart or run side by side on one database tell each act once — nothing
 * missed, nothing twice.
 */
describe('deriving notifications across failures, restarts and instances', () => {
  let writer: TestApp;
  let c: Chamber;
  const expected = (ballots: number) => ballots * 3; // three voters besides the chair who opens each

  beforeAll(async () => {
    // The instance people write to derives nothing (PARLEY_NOTIFICATIONS=off): others do it from the log.
    writer = await startTestApp({ env: { PARLEY_NOTIFICATIONS: 'off' } });
    c = await newChamber(writer.baseUrl, writer.dataSource);
  });
  afterAll(async () => {
    await writer.dataSource.query(`DROP TRIGGER IF EXISTS notifications_crash ON notifications`);
    await writer.close();
  });

  const db = () => writer.dataSource;
  const scope = () => `wg:${c.group.id}`;
  const counts = async () =>
    (
      await db().query(
        `SELECT count(*)::int AS rows, count(DISTINCT (recipient_id, kind, dedupe_key))::int AS distinct_rows,
                (SELECT sequence::int FROM notifier_cursors WHERE scope = $1) AS cursor,
                (SELECT last_sequence::int FROM audit_chains WHERE scope = $1) AS head
           FROM notifications WHERE kind = 'ballot-opened' AND working_group_id = $2`,
        [scope(), c.group.id],
      )
    )[0] as { rows: number; distinct_rows: number; cursor: number | null; head: number };
  const openBallots = async (n: number, tag: string, via: TestApp = writer) => {
    const chair = { ...c.chair, client: new ApiClient(via.baseUrl).withToken(c.chair.client.token) };
    for (let i = 0; i < n; i++) await openMotion(chair, c.group, { title: `${tag} ${i}`, closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
  };

  it('a batch that fails half-way leaves no notification and no cursor move; the next pass does it all, once', async () => {
    await openBallots(3, 'Before');
    expect(await counts()).toMatchObject({ rows: 0, cursor: null });

    // The insert fails inside the deriver's transaction, as a crash between the rows and the cursor would.
    await db().query(`CREATE OR REPLACE FUNCTION notifications_crash() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'crash'; END $$`);
    await db().query(`CREATE TRIGGER notifications_crash BEFORE INSERT ON notifications FOR EACH STATEMENT EXECUTE FUNCTION notifications_crash()`);
    const b = await startTestApp({ databaseUrl: writer.databaseUrl });
    try {
      // Its own passes (on start, on its sweep) hit the failure too; ours runs once the chain is free.
      const failure = await eventually(
        () => b.app.get(NotificationDeriver).pass().then(() => null, (e: Error) => e.message),
        (m) => m !== null,
        'a pass meets the failure',
      );
      expect(failure).toContain('crash');
      expect(await counts()).toMatchObject({ rows: 0, cursor: null });

      await db().query(`DROP TRIGGER notifications_crash ON notifications`);
      // Two instances at it at once: each chain is derived by one of them at a time.
      const other = await startTestApp({ databaseUrl: writer.databaseUrl });
      try {
        await Promise.all([b.app.get(NotificationDeriver).pass(), other.app.get(NotificationDeriver).pass(), b.app.get(NotificationDeriver).pass()]);
        const after = await eventually(counts, (x) => x.cursor === x.head, 'the cursor reaches the head');
        expect(after).toMatchObject({ rows: expected(3), distinct_rows: expected(3) });
      } finally {
        await other.stop();
      }
    } finally {
      await b.stop();
    }
  });

  it('an instance started after a stop catches up on what was written meanwhile, and repeats nothing', async () => {
    // (Once another test instance on this database has stopped, the first one's requests fail with "Driver not Connected"
    // in this harness; so the writes go through a fresh instance, also not deriving.)
    const w2 = await startTestApp({ databaseUrl: writer.databaseUrl, env: { PARLEY_NOTIFICATIONS: 'off' } });
    await openBallots(2, 'While nobody derived', w2);
    expect((await counts()).rows).toBe(expected(3));
    const restarted = await startTestApp({ databaseUrl: writer.databaseUrl });
    try {
      // Its sweep, not a wake-up: the writes were committed on another instance.
      const after = await eventually(counts, (x) => x.rows === expected(5) && x.cursor === x.head, 'the restarted instance catches up');
      expect(after.distinct_rows).toBe(expected(5));
      await openBallots(1, 'After the restart', w2);
      await eventually(counts, (x) => x.rows === expected(6), 'a later act is told too');
      await restarted.app.get(NotificationDeriver).pass();
      expect(await counts()).toMatchObject({ rows: expected(6), distinct_rows: expected(6) });
    } finally {
      await restarted.stop();
      await w2.stop();
    }
  });
});
