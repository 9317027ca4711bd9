import { randomUUID } from 'node:crypto';
import type { AmendmentResponse, AuditEventResponse, BracketView, ClauseStatusHistory, CommentResponse, DocumentResponse } from '@parley/contracts';
import { verifyChain } from '@parley/domain';
import { ChainBatcher } from '../../apps/api/src/platform/batching/chain-batcher';
import { auditEvents, expectProblem } from '../support/expectations';
import { admit, clauseByLabel, newDraftingGroup, newGroupDelegate, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it holds, at most `seconds`: every wait in this file is bounded. */
async function until(what: string, probe: () => Promise<boolean> | boolean, seconds = 20): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

// The drafting acts of a busy group are written in shared transactions, one per chain
// (docs/decisions/0055-group-commit-of-drafting-acts.md): each act must be answered exactly as if it
// had its own transaction, and the chain must read as one event per act, in the order answered.
describe('the drafting acts of a busy group, written in shared transactions', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let members: Delegate[];
  let scope: string;
  const events = () => auditEvents(t.baseUrl, scope);
  const comment = (who: Delegate, body: string, clauseId = clauseByLabel(doc, '4.').id) =>
    who.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId, body });
  /** The sessions waiting on a lock of this test's database (the chain lock a test holds). */
  const waitingOnLock = async () =>
    ((await t.dataSource.query(
      `SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND NOT l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    )) as { pid: number }[]).map((r) => r.pid);

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    scope = `wg:${g.id}`;
    const more = await Promise.all(Array.from({ length: 16 }, (_, i) => newGroupDelegate(t, (['government', 'private-sector', 'civil-society'] as const)[i % 3])));
    for (const d of more) await admit(t, g.id, d, 'member');
    members = [g.ngo, g.company, g.government, g.rapporteur, ...more];
  });
  afterAll(() => t.close());

  it('a whole group commenting at once: every comment answered 201, fewer commits than comments, one event each, in the order of the chain', async () => {
    const before = (await events()).length;
    const bodies = members.map((m, i) => `Storm comment ${i} by ${m.name}.`);
    const answers = await Promise.all(members.map((m, i) => comment(m, bodies[i])));
    expect(answers.map((a) => a.status)).toEqual(members.map(() => 201));
    expect(answers.map((a) => a.body.body)).toEqual(bodies);

    const ids = answers.map((a) => a.body.id);
    const [{ rows }] = await t.dataSource.query(`SELECT count(*)::int AS rows FROM comments WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows).toBe(members.length);
    // Group commit happened: the events were appended by fewer transactions than there are comments
    // (a comment's own row carries its savepoint's id, its event the shared transaction's).
    const [{ transactions }] = await t.dataSource.query(`SELECT count(DISTINCT xmin::text)::int AS transactions FROM audit_events WHERE scope = $1 AND subject_id = ANY($2::text[])`, [scope, ids]);
    expect(transactions).toBeLessThan(members.length);

    const all = await events();
    const posted = all.slice(before).filter((e) => e.action === 'comment.posted');
    expect(posted.map((e) => e.subjectId).sort()).toEqual([...ids].sort());
    expect(all.slice(before)).toHaveLength(members.length);
    expect(verifyChain(all)).toMatchObject({ ok: true });
    // Several of the chain's transactions are written at once and commit in the order they reach the
    // chain lock: the events' times read in sequence order, and no event is older than its comment.
    const occurred = posted.map((e) => e.occurredAt);
    expect(occurred).toEqual([...occurred].sort());
    const created = new Map(answers.map((a) => [a.body.id, a.body.createdAt]));
    for (const e of posted) expect(Date.parse(created.get(e.subjectId)!)).toBeLessThanOrEqual(Date.parse(e.occurredAt));
  });

  it('in a busy minute, a refused comment is refused alone with its own problem, and the others commit', async () => {
    const before = (await events()).length;
    const [first, ...rest] = members;
    const lone = comment(first, 'The first of the minute.'); // a transaction of one runs; what follows queues into the next
    const [outsider, badClause, ...others] = await Promise.all([
      comment(g.outsider, 'Let me in.'),
      comment(rest[0], 'On a clause that does not exist.', randomUUID()),
      ...rest.slice(1).map((m, i) => comment(m, `Busy minute ${i}.`)),
    ]);
    expect((await lone).status).toBe(201);
    expectProblem(outsider, 403);
    expectProblem(badClause, 400, { fields: ['clauseId'] });
    expect(others.map((a) => a.status)).toEqual(rest.slice(1).map(() => 201));

    const added = (await events()).slice(before);
    expect(added.map((e) => e.action)).toEqual(added.map(() => 'comment.posted'));
    expect(added.map((e) => e.subjectId).sort()).toEqual([(await lone).body.id, ...others.map((a) => a.body.id)].sort());
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM comments WHERE document_id = $1 AND body IN ('Let me in.', 'On a clause that does not exist.')`, [doc.id]);
    expect(n).toBe(0);
    expect(verifyChain(await events())).toMatchObject({ ok: true });
  });

  it('a connection dropped before the commit: every act of that transaction gets 503, and none is written later by a retry', async () => {
    const before = (await events()).length;
    const batcher = t.app.get(ChainBatcher);
    // The test holds the chain's lock, so the acts' transactions wait for it at their end (their rows written).
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT pg_advisory_xact_lock(hashtext('audit:' || $1))`, [scope]);
    try {
      const lone = comment(members[0], 'Dropped alone.');
      await until('the lone act to wait on the chain lock', async () => (await waitingOnLock()).length === 1);
      // Three transactions of a chain are written at once (the lone act's and two more, alone too); the other six queue.
      const burst = members.slice(1, 9).map((m, i) => comment(m, `Dropped together ${i}.`));
      await until('two more acts to wait on the lock and the rest to queue', async () => (await waitingOnLock()).length === 3 && batcher.waiting(scope) === 6);
      for (const backend of await waitingOnLock()) await t.dataSource.query(`SELECT pg_terminate_backend($1)`, [backend]);
      expectProblem(await lone, 503);

      // The six run as one transaction and wait on the lock in their turn: that connection is cut too.
      await until('the batch to wait on the chain lock', async () => (await waitingOnLock()).length === 1 && batcher.waiting(scope) === 0);
      const [batchBackend] = await waitingOnLock();
      await t.dataSource.query(`SELECT pg_terminate_backend($1)`, [batchBackend]);
      for (const answer of await Promise.all(burst)) expectProblem(answer, 503);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    // The chain is free again: an act now goes through, and nothing of the dropped ones follows it.
    expect((await comment(members[9], 'After the outage.')).status).toBe(201);
    await sleep(300);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM comments WHERE document_id = $1 AND body LIKE 'Dropped%'`, [doc.id]);
    expect(n).toBe(0);
    const all = await events();
    expect(all.slice(before).map((e) => e.action)).toEqual(['comment.posted']);
    expect(verifyChain(all)).toMatchObject({ ok: true });
  });

  it('two transactions of the chain that lock rows in opposite orders: PostgreSQL fails one act, which runs again after and commits; both are answered', async () => {
    const batcher = t.app.get(ChainBatcher);
    await t.dataSource.query(`CREATE TABLE deadlock_probe (id int PRIMARY KEY, touched int NOT NULL DEFAULT 0)`);
    await t.dataSource.query(`INSERT INTO deadlock_probe (id) VALUES (1), (2)`);
    const touch = (tx: { manager: { query(q: string, p: unknown[]): Promise<unknown> } }, id: number) =>
      tx.manager.query(`UPDATE deadlock_probe SET touched = touched + 1 WHERE id = $1`, [id]);
    let firstLocked!: () => void;
    let secondLocked!: () => void;
    const first = new Promise<void>((r) => (firstLocked = r));
    const second = new Promise<void>((r) => (secondLocked = r));
    const runs = { a: 0, b: 0 };
    // Each act takes one row, waits until the other act holds the other row, then takes it: a deadlock.
    const act = (name: 'a' | 'b', own: number, other: number, locked: () => void, theirs: Promise<void>) =>
      batcher.run(`deadlock:${g.id}`, async (tx) => {
        runs[name]++;
        await touch(tx, own);
        locked();
        await theirs;
        await touch(tx, other);
        return name;
      });
    const a = act('a', 1, 2, firstLocked, second);
    const b = act('b', 2, 1, secondLocked, first);
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    // Each row was written once by each act, none twice: a run that lost a deadlock left nothing behind.
    expect(await t.dataSource.query(`SELECT id, touched FROM deadlock_probe ORDER BY id`)).toEqual([
      { id: 1, touched: 2 },
      { id: 2, touched: 2 },
    ]);
    // And one of the two did lose one, and ran again, whole, in a later transaction.
    expect(runs.a + runs.b).toBeGreaterThanOrEqual(3);
  });

  it('amendments, co-sponsorships, brackets and clause status under concurrency: each answered as alone, the same supporter twice refused once, one event per act', async () => {
    const proposal = await g.ngo.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, {
      baseVersion: 1,
      kind: 'replace',
      targetClauseId: clauseByLabel(doc, '5.').id,
      text: 'A new text for principle five.',
      rationale: 'Clearer.',
    });
    expect(proposal.status).toBe(201);
    const before = (await events()).length;
    const clause1 = clauseByLabel(doc, '1.');
    const passage = clause1.text.split(' ').slice(0, 3).join(' ');
    const supporters = members.slice(1, 8);

    const lone = g.chair.client.post<ClauseStatusHistory>(`/api/documents/${doc.id}/clauses/${clauseByLabel(doc, '2.').id}/status`, { status: 'under-negotiation', note: 'First reading.' });
    const [amendments, cosponsors, twice, own, bracket, status] = await Promise.all([
      Promise.all(members.slice(8, 12).map((m, i) =>
        m.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { baseVersion: 1, kind: 'replace', targetClauseId: clauseByLabel(doc, '6.').id, text: `Version ${i} of principle six.`, rationale: 'Better.' }),
      )),
      Promise.all(supporters.map((m) => m.client.post<AmendmentResponse>(`/api/amendments/${proposal.body.id}/cosponsors`))),
      supporters[0].client.post(`/api/amendments/${proposal.body.id}/cosponsors`),
      g.ngo.client.post(`/api/amendments/${proposal.body.id}/cosponsors`),
      g.government.client.post<BracketView>(`/api/documents/${doc.id}/brackets`, { version: 1, clauseId: clause1.id, start: 0, end: passage.length, passage, reason: 'Not agreed by our capital.' }),
      g.rapporteur.client.post<ClauseStatusHistory>(`/api/documents/${doc.id}/clauses/${clauseByLabel(doc, '3.').id}/status`, { status: 'under-negotiation', note: 'Opened.' }),
    ]);
    expect((await lone).status).toBe(201);
    expect(amendments.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    // The same supporter's two co-sponsorships in one minute: one counts, the other is refused as already given.
    const supporterTwice = [cosponsors[0], twice].map((a) => a.status).sort();
    expect(supporterTwice).toEqual([201, 409]);
    expect(cosponsors.slice(1).map((a) => a.status)).toEqual(supporters.slice(1).map(() => 201));
    expectProblem(own, 403);
    expect(bracket.status).toBe(201);
    expect(status.status).toBe(201);

    const added = (await events()).slice(before);
    const count = (action: string) => added.filter((e: AuditEventResponse) => e.action === action).length;
    expect([count('amendment.proposed'), count('amendment.cosponsored'), count('bracket.opened'), count('clause.status-changed')]).toEqual([4, supporters.length, 1, 2]);
    expect(added).toHaveLength(4 + supporters.length + 1 + 2);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM amendment_cosponsors WHERE amendment_id = $1`, [proposal.body.id]);
    expect(n).toBe(supporters.length);
    expect(verifyChain(await events())).toMatchObject({ ok: true });

    // Withdrawals at once, with a removal of the bracket: each one event, the chain whole.
    const withdrawals = await Promise.all([
      ...supporters.slice(0, 4).map((m) => m.client.post(`/api/amendments/${proposal.body.id}/cosponsors/withdraw`)),
      g.chair.client.post(`/api/brackets/${bracket.body.id}/removal`, { resolution: 'text-agreed', reason: 'Agreed as it reads.' }),
    ]);
    expect(withdrawals.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const after = (await events()).slice(before + added.length);
    expect(after.map((e) => e.action).sort()).toEqual([...Array(4).fill('amendment.cosponsorship-withdrawn'), 'bracket.removed'].sort());
    expect(verifyChain(await events())).toMatchObject({ ok: true });
  });
});
