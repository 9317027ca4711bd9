import { Client } from 'pg';
import { verifyChain } from '@parley/domain';
import { AuditedTransaction } from '../../apps/api/src/audit/audited-transaction';
import { AuditRepository } from '../../apps/api/src/audit/audit.repository';
import { sample } from '../support/audit-samples';
import { startTestApp, TestApp } from '../support/test-app';

describe('the audit backbone', () => {
  let t: TestApp;
  let tx: AuditedTransaction;
  let audit: AuditRepository;

  beforeAll(async () => {
    t = await startTestApp();
    tx = t.app.get(AuditedTransaction);
    audit = t.app.get(AuditRepository);
  });
  afterAll(() => t.close());

  const actor = { id: null, name: 'test', snapshot: null };
  const append = (scope: string, i: number) =>
    tx.run((x) => x.record({ scope, actor, subjectId: String(i), ...sample('organisation.created', { name: `Organisation ${i}` }) }));

  it('50 concurrent writers on one scope produce a gap-free, valid chain', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => append('wg:concurrency', i)));
    const events = await audit.listAfter('wg:concurrency', 0, 1000);
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.subjectId)).size).toBe(50);
    expect(verifyChain(events)).toMatchObject({ ok: true, events: 50, chains: 1 });
    const head = (await audit.heads()).find((h) => h.scope === 'wg:concurrency');
    expect(head).toEqual({ scope: 'wg:concurrency', sequence: 50, hash: events[49].hash });
  });

  it('keeps separate chains per scope', async () => {
    await append('wg:a', 1);
    await append('wg:b', 1);
    await append('wg:a', 2);
    expect((await audit.listAfter('wg:a', 0, 10)).map((e) => e.sequence)).toEqual([1, 2]);
    expect((await audit.listAfter('wg:b', 0, 10)).map((e) => e.sequence)).toEqual([1]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table', async () => {
    await append('wg:immutable', 1);
    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      await expect(c.query(`UPDATE audit_events SET action = 'x' WHERE scope = 'wg:immutable'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM audit_events WHERE scope = 'wg:immutable'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    } finally {
      await c.end();
    }
  });

  it('a row altered behind the trigger’s back is found by the verifier at the right sequence', async () => {
    for (let i = 1; i <= 5; i++) await append('wg:tampered', i);
    const c = new Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      // A superuser can disable the trigger; the chain still tells.
      await c.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
      await c.query(`UPDATE audit_events SET change = '{"i": 99}' WHERE scope = 'wg:tampered' AND sequence = 3`);
      await c.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    } finally {
      await c.end();
    }
    const verdict = verifyChain(await audit.listAfter('wg:tampered', 0, 100));
    expect(verdict).toMatchObject({ ok: false, broken: { scope: 'wg:tampered', sequence: 3, problem: 'change-digest' } });
  });

  it('a transaction that fails leaves neither its change nor its event', async () => {
    const before = (await audit.listAfter('wg:rollback', 0, 100)).length;
    await expect(
      tx.run(async (x) => {
        await x.manager.query(`INSERT INTO organisations (name, stakeholder_group, subtype) VALUES ('Rolled Back Org', 'civil-society', 'ngo')`);
        await x.record({ scope: 'wg:rollback', actor, subjectId: 'x', ...sample('organisation.created') });
        throw new Error('use case failed after writing');
      }),
    ).rejects.toThrow('use case failed');
    expect(await audit.listAfter('wg:rollback', 0, 100)).toHaveLength(before);
    expect(await t.dataSource.query(`SELECT 1 FROM organisations WHERE name = 'Rolled Back Org'`)).toHaveLength(0);
    // and the chain carries on without a gap
    await append('wg:rollback', 1);
    expect((await audit.listAfter('wg:rollback', 0, 100)).map((e) => e.sequence)).toEqual([1]);
  });
});
