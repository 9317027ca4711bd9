import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestChange, hashEvent, versionTextDigest, WITHHELD_UNTIL_PUBLICATION, type AuditEvent } from '@parley/domain';
import type { AmendmentPage, DocumentResponse } from '@parley/contracts';
import { verifyExport } from '../support/audit-verify-cli';
import { auditEvents, expectProblem } from '../support/expectations';
import { admit, newDraftingGroup, newGroupDelegate, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

jest.setTimeout(120_000);

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A phrase that appears nowhere but in the members-only text and what quotes it. */
const SECRET = 'Calls upon the capitals to consult their cyber agencies before the Geneva session';
const QUOTED = 'consult their cyber agencies';

/**
 * Members-only drafts with scheduled publication (issue #19, decision 0041): until its date a
 * version's text reaches only the group's current members, by no route (API, socket, audit log,
 * exports); the audit log commits to its text when it is issued; the scheduler publishes it at the
 * date with the text, and the offline verifier checks what was published against what was committed.
 */
describe('members-only drafts with scheduled publication', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  /** Admitted, then left the group: an outsider again. */
  let leaver: Delegate;
  let restricted: DocumentResponse;
  let live: LiveClient;
  const dir = mkdtempSync(join(tmpdir(), 'parley-publication-'));
  const anonymous = () => new ApiClient(t.baseUrl);
  const save = (name: string, lines: string[]) => {
    writeFileSync(join(dir, name), lines.join('\n') + '\n');
    return join(dir, name);
  };
  const exportOf = async (scope: string) => (await (await fetch(`${t.baseUrl}/api/audit/export.jsonl?scope=${scope}`)).text()).trim().split('\n');
  const asWritten = (d: DocumentResponse) => d.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text }));
  const versionCount = async (id: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM document_versions WHERE document_id = $1`, [id]))[0].n as number;

  let commentId: string;
  let amendmentId: string;
  let bracketId: string;
  let clauseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    leaver = await newGroupDelegate(t, 'civil-society', 'ngo', 'Former Members');
    await admit(t, g.id, leaver, 'member');
    live = await LiveClient.connect(t.baseUrl);
    expect(await live.join(`doc:${doc.id}`)).toMatchObject({ ok: true });

    // The chair issues version 2 as a chair's text kept to members for an hour, with one new paragraph.
    const clauses = [...asWritten(doc), { kind: 'operative', text: SECRET }];
    const res = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/chairs-texts`, {
      label: 'Zero draft',
      standing: 'draft',
      office: 'chair',
      clauses,
      membersOnlyUntil: inAnHour(),
    });
    expect(res.status).toBe(201);
    restricted = res.body;
    clauseId = restricted.version.clauses.find((c) => c.text === SECRET)!.id;

    // Members work on it: a comment quoting it, an amendment to it, a bracket in it.
    const start = SECRET.indexOf(QUOTED);
    const comment = await g.ngo.client.post<{ id: string }>(`/api/documents/${doc.id}/comments`, {
      clauseId,
      body: `Why “${QUOTED}”?`,
      quote: { text: QUOTED, start, end: start + QUOTED.length },
    });
    expect(comment.status).toBe(201);
    commentId = comment.body.id;
    const amendment = await g.company.client.post<{ id: string }>(`/api/documents/${doc.id}/amendments`, {
      kind: 'replace',
      baseVersion: 2,
      targetClauseId: clauseId,
      text: `${SECRET}, and with industry.`,
      rationale: 'Industry too.',
    });
    expect(amendment.status).toBe(201);
    amendmentId = amendment.body.id;
    const bracket = await g.government.client.post<{ id: string }>(`/api/documents/${doc.id}/brackets`, {
      version: 2,
      clauseId,
      start,
      end: start + QUOTED.length,
      passage: QUOTED,
      reason: 'Not agreed.',
    });
    expect(bracket.status).toBe(201);
    bracketId = bracket.body.id;

    expect((await leaver.client.post(`/api/working-groups/${g.id}/leave`, {})).status).toBe(204);
  });
  afterAll(async () => {
    live?.close();
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  describe('issuing', () => {
    it('commits to the text in the issuing event: the fingerprint of its ordered clauses, and the date', async () => {
      const events = await auditEvents(t.baseUrl, `wg:${g.id}`);
      const issued = events.find((e) => e.action === 'version.chairs-text-issued')!;
      const fingerprint = versionTextDigest(asWritten(restricted));
      expect(issued.change).toMatchObject({ number: 2, textDigest: fingerprint, membersOnlyUntil: restricted.version.publication!.membersOnlyUntil });
      expect(JSON.stringify(issued.change)).not.toContain(SECRET);
      expect(restricted.version.publication).toMatchObject({ fingerprint, publishedAt: null, withheld: false });
    });

    it.each([
      ['in the past', () => new Date(Date.now() - 60_000).toISOString(), 'members-only-not-future'],
      ['more than 90 days ahead', () => new Date(Date.now() + 91 * 86_400_000).toISOString(), 'members-only-too-far'],
      ['not a date', () => 'next Tuesday', 'invalid-format'],
    ])('refuses a date %s, naming the field, on every issuing form, and writes nothing', async (_why, until, code) => {
      const before = await versionCount(doc.id);
      const attempts = [
        g.chair.client.post(`/api/working-groups/${g.id}/documents`, { title: 'Another draft', pastedText: 'One paragraph.', membersOnlyUntil: until() }),
        g.chair.client.post(`/api/documents/${doc.id}/versions`, { note: 'Rev.1', membersOnlyUntil: until() }),
        g.chair.client.post(`/api/documents/${doc.id}/chairs-texts`, {
          label: 'Rev.1',
          standing: 'draft',
          office: 'chair',
          clauses: asWritten(restricted),
          membersOnlyUntil: until(),
        }),
      ];
      for (const res of await Promise.all(attempts)) {
        const problem = expectProblem(res, 400, { fields: ['membersOnlyUntil'] });
        if (code !== 'invalid-format') expect(problem.errors).toEqual([expect.objectContaining({ field: 'membersOnlyUntil', code })]);
      }
      expect(await versionCount(doc.id)).toBe(before);
    });
  });

  describe('before publication', () => {
    const outsiders: [string, () => ApiClient][] = [
      ['a signed-out visitor', () => anonymous()],
      ['a delegate signed in but not a member', () => g.outsider.client],
      ['a member who has left the group', () => leaver.client],
    ];

    it.each(outsiders)('%s reads a placeholder on the document page: the date and fingerprint, no text', async (_who, client) => {
      for (const path of [`/api/documents/${doc.id}`, `/api/documents/${doc.id}?version=2`]) {
        const res = await client().get<DocumentResponse>(path);
        expect(res.status).toBe(200);
        expect(res.body.version.clauses).toEqual([]);
        expect(res.body.version.publication).toMatchObject({ withheld: true, fingerprint: versionTextDigest(asWritten(restricted)), publishedAt: null });
        expect(res.body.versions[1].publication).toMatchObject({ withheld: true });
        expect(JSON.stringify(res.body)).not.toContain(QUOTED);
      }
      // The public version 1 still reads in full.
      expect((await client().get<DocumentResponse>(`/api/documents/${doc.id}?version=1`)).body.version.clauses.length).toBe(doc.version.clauses.length);
    });

    it.each(outsiders)('%s is refused every other route to its text, with version-members-only naming the date', async (_who, client) => {
      const until = restricted.version.publication!.membersOnlyUntil;
      const refusedPaths = [
        `/api/documents/${doc.id}/versions/2`,
        `/api/documents/${doc.id}/compare?from=1&to=2`,
        `/api/documents/${doc.id}/compare?from=2&to=1`,
        `/api/documents/${doc.id}/versions/2/provenance`,
        `/api/documents/${doc.id}/versions/2/compilation`,
        `/api/documents/${doc.id}/versions/2/dispositions`,
        `/api/documents/${doc.id}/versions/2/dispositions.csv`,
        `/api/documents/${doc.id}/versions/2/adopted.md`,
        `/api/documents/${doc.id}/consolidation-preview`,
        `/api/documents/${doc.id}/comments?clauseId=${clauseId}&version=2`,
        `/api/documents/${doc.id}/brackets?version=2`,
        `/api/documents/${doc.id}/brackets`,
        `/api/brackets/${bracketId}`,
        `/api/amendments/${amendmentId}`,
      ];
      for (const path of refusedPaths) {
        const res = await client().get(path);
        const problem = expectProblem(res, 404);
        expect({ path, code: problem.code, params: problem.params }).toEqual({
          path,
          code: 'version-members-only',
          params: { version: 2, until, fingerprint: versionTextDigest(asWritten(restricted)) },
        });
        expect(JSON.stringify(res.body)).not.toContain(QUOTED);
      }
      const amendments = await client().get<AmendmentPage>(`/api/documents/${doc.id}/amendments`);
      expect(amendments.status).toBe(200);
      expect(amendments.body.items.map((a) => a.id)).not.toContain(amendmentId);
    });

    it('members, observers and chairs read it in full, with its terms', async () => {
      for (const who of [g.ngo, g.observer, g.chair]) {
        const res = await who.client.get<DocumentResponse>(`/api/documents/${doc.id}`);
        expect(res.body.version.clauses.map((c) => c.text)).toContain(SECRET);
        expect(res.body.version.publication).toMatchObject({ withheld: false, publishedAt: null });
        expect((await who.client.get(`/api/documents/${doc.id}/versions/2/provenance`)).status).toBe(200);
        expect((await who.client.get(`/api/documents/${doc.id}/compare?from=1&to=2`)).status).toBe(200);
        expect((await who.client.get(`/api/amendments/${amendmentId}`)).status).toBe(200);
        expect((await who.client.get(`/api/brackets/${bracketId}`)).status).toBe(200);
        const comments = await who.client.get<{ items: { id: string }[] }>(`/api/documents/${doc.id}/comments?clauseId=${clauseId}&version=2`);
        expect(comments.body.items.map((c) => c.id)).toContain(commentId);
      }
    });

    it('the public audit log and its export withhold what quotes it, and the chain still verifies offline', async () => {
      const scope = `wg:${g.id}`;
      const events = await auditEvents(t.baseUrl, scope);
      for (const action of ['comment.posted', 'amendment.proposed', 'bracket.opened']) {
        const e = events.find((x) => x.action === action && x.occurredAt >= restricted.version.createdAt)!;
        expect({ action, change: e.change, withheld: e.withheld }).toEqual({ action, change: {}, withheld: WITHHELD_UNTIL_PUBLICATION });
      }
      const lines = await exportOf(scope);
      expect(lines.join('\n')).not.toContain(QUOTED);
      const verdict = await verifyExport(save('members-only.jsonl', lines));
      expect(verdict.code).toBe(0);
      expect(verdict.out).toMatch(/^OK: \d+ events in 1 chains verified; 3 changes withheld/);
    });

    it('a live room shows who acted, never the quoted text', async () => {
      await live.waitFor('the comment in the document room', () => live.in(`doc:${doc.id}`).some((e) => e.action === 'comment.posted'));
      const shown = live.in(`doc:${doc.id}`).filter((e) => ['comment.posted', 'amendment.proposed', 'bracket.opened'].includes(e.action));
      expect(shown.map((e) => [e.action, e.redacted, e.change])).toEqual(expect.arrayContaining([['comment.posted', 'withheld', {}]]));
      expect(JSON.stringify(live.in(`doc:${doc.id}`))).not.toContain(QUOTED);
    });

    it('no ballot opens on it before it is published: a ballot is public', async () => {
      const adoption = await g.chair.client.post(`/api/documents/${doc.id}/versions/2/adoption-ballot`, {});
      expect(expectProblem(adoption, 409)).toMatchObject({ code: 'ballot-needs-publication', params: { version: 2 } });
      const onAmendment = await g.chair.client.post(`/api/amendments/${amendmentId}/ballot`, { closesAt: inAnHour() });
      expect(expectProblem(onAmendment, 409)).toMatchObject({ code: 'ballot-needs-publication' });
    });
  });

  describe('publication at the date', () => {
    let published: DocumentResponse;
    let other: DocumentResponse;
    const TEXT = ['Members-only principle one.', `${SECRET}, soon published.`];

    beforeAll(async () => {
      // A new document kept to members for a few seconds; a member quotes it meanwhile.
      const res = await g.rapporteur.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, {
        title: 'Short-lived embargo',
        clauses: TEXT.map((text) => ({ kind: 'operative', text })),
        membersOnlyUntil: new Date(Date.now() + 4000).toISOString(),
      });
      expect(res.status).toBe(201);
      other = res.body;
      expect((await anonymous().get<DocumentResponse>(`/api/documents/${other.id}`)).body.version.clauses).toEqual([]);
      const c = other.version.clauses[1];
      expect(
        (
          await g.ngo.client.post(`/api/documents/${other.id}/comments`, {
            clauseId: c.id,
            body: 'Fine.',
            quote: { text: 'soon published', start: c.text.indexOf('soon'), end: c.text.indexOf('soon') + 14 },
          })
        ).status,
      ).toBe(201);
      // The scheduler publishes it (never a page view): wait for its event.
      for (let i = 0; i < 100; i++) {
        const events = await auditEvents(t.baseUrl, `wg:${g.id}`);
        if (events.some((e) => e.action === 'version.published' && e.change.documentId === other.id)) break;
        await sleep(200);
      }
      published = (await anonymous().get<DocumentResponse>(`/api/documents/${other.id}`)).body;
    });

    it('the scheduler publishes it with the text as published, whose digest is the one committed at issue', async () => {
      const events = await auditEvents(t.baseUrl, `wg:${g.id}`);
      const created = events.find((e) => e.action === 'document.created' && e.subjectId === other.id)!;
      const event = events.find((e) => e.action === 'version.published' && e.change.documentId === other.id)!;
      expect(event).toMatchObject({
        actorId: null,
        subjectType: 'version',
        change: { number: 1, textDigest: created.change.textDigest, clauses: asWritten(other) },
      });
      expect(new Date(event.occurredAt).getTime()).toBeGreaterThanOrEqual(new Date(other.version.publication!.membersOnlyUntil).getTime());
    });

    it('everyone reads it then, by every route, with its terms kept on record', async () => {
      expect(published.version.clauses.map((c) => c.text)).toEqual(TEXT);
      expect(published.version.publication).toMatchObject({
        withheld: false,
        fingerprint: versionTextDigest(asWritten(other)),
        publishedAt: expect.any(String),
      });
      for (const path of [
        `/api/documents/${other.id}/versions/1`,
        `/api/documents/${other.id}/versions/1/provenance`,
        `/api/documents/${other.id}/versions/1/compilation`,
        `/api/documents/${other.id}/versions/1/dispositions`,
        `/api/documents/${other.id}/brackets`,
      ])
        expect({ path, status: (await anonymous().get(path)).status }).toEqual({ path, status: 200 });
      const comments = await anonymous().get<{ items: { quote: { text: string } | null }[] }>(
        `/api/documents/${other.id}/comments?clauseId=${other.version.clauses[1].id}`,
      );
      expect(comments.body.items.map((c) => c.quote?.text)).toEqual(['soon published']);
    });

    it('the public log shows what it withheld, and the verifier checks the published text against the commitment', async () => {
      const scope = `wg:${g.id}`;
      const events = await auditEvents(t.baseUrl, scope);
      const comment = events.filter((e) => e.action === 'comment.posted').find((e) => e.change.documentId === other.id)!;
      expect(comment.withheld).toBeUndefined();
      expect(comment.change).toMatchObject({ quote: { text: 'soon published' } });

      const lines = await exportOf(scope);
      expect((await verifyExport(save('published.jsonl', lines))).code).toBe(0);

      // The server (or anyone re-sealing the chain) publishes a text other than the one committed to: every hash recomputed, still caught.
      const parsed = lines.map((l) => JSON.parse(l) as AuditEvent);
      const at = parsed.findIndex((e) => e.action === 'version.published' && e.change.documentId === other.id);
      const forged = parsed.map((e) => ({ ...e }));
      const clauses = (forged[at].change.clauses as { id: string; kind: string; text: string }[]).map((c, i) =>
        i === 1 ? { ...c, text: 'A different text.' } : c,
      );
      forged[at] = { ...forged[at], change: { ...forged[at].change, clauses, textDigest: versionTextDigest(clauses) } };
      for (let i = at; i < forged.length; i++) {
        const withDigest = { ...forged[i], previousHash: i === 0 ? forged[i].previousHash : forged[i - 1].hash, changeDigest: digestChange(forged[i].change) };
        forged[i] = { ...withDigest, hash: hashEvent(withDigest) };
      }
      const res = await verifyExport(
        save(
          'tampered.jsonl',
          forged.map((e) => JSON.stringify(e)),
        ),
      );
      expect(res.code).not.toBe(0);
      expect(res.out).toContain(`${other.id} version 1`);
      expect(res.out).toMatch(/does not match the fingerprint/);
    });
  });
});
