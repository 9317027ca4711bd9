import type { AdoptionPreflightResponse, AuditEventResponse, ClauseStatusHistory, DocumentResponse, MeResponse } from '@parley/contracts';
import { roomName } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, admit, type DraftingGroup } from '../support/drafting-fixtures';
import { confirmAffiliation, newPerson } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

jest.setTimeout(60_000);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/**
 * Clause status and agreed ad ref (issue #18, decision record 0032): a chair or rapporteur moves a
 * clause's status with a note, every move kept; a delegation agrees a clause ad referendum until a
 * day, and only that delegation lifts or withdraws it; the document read counts it all; the
 * adoption ballot warns of open ad refs.
 */
describe('clause status and ad ref', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const anonymous = () => new ApiClient(t.baseUrl);
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const clause = (label: string) => clauseByLabel(doc, label).id;
  const statusPath = (label: string) => `/api/documents/${doc.id}/clauses/${clause(label)}/status`;
  const adRefPath = (label: string) => `/api/documents/${doc.id}/clauses/${clause(label)}/ad-ref`;
  const read = async () => (await anonymous().get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
  const rows = async () => {
    const [s] = await t.dataSource.query(`SELECT (SELECT count(*) FROM clause_statuses)::int AS s, (SELECT count(*) FROM clause_ad_refs)::int AS a, (SELECT count(*) FROM clause_ad_refs WHERE ended IS NOT NULL)::int AS e`);
    return { ...s, events: (await events()).length };
  };

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
  });
  afterAll(() => t?.close());

  describe('POST /api/documents/:id/clauses/:clauseId/status', () => {
    it('a chair moves a clause with a note; the rapporteur moves it again; the history lists both, newest first, with who and their affiliation', async () => {
      const first = await g.chair.client.post<ClauseStatusHistory>(statusPath('1.'), { status: 'under-negotiation', note: 'Opened at the first reading.' });
      expect(first.status).toBe(201);
      const second = await g.rapporteur.client.post<ClauseStatusHistory>(statusPath('1.'), { status: 'agreed', note: 'Agreed at the second reading.' });
      expect(second.status).toBe(201);
      const history = (await anonymous().get<ClauseStatusHistory>(statusPath('1.'))).body;
      expect(history.current).toMatchObject({ status: 'agreed', recordedStatus: 'agreed', provisional: true, changedSinceAgreed: false });
      expect(history.history.map((h) => [h.status, h.note, h.by.id, h.by.snapshot?.organisationName])).toEqual([
        ['agreed', 'Agreed at the second reading.', g.rapporteur.id, g.rapporteur.snapshot.organisationName],
        ['under-negotiation', 'Opened at the first reading.', g.chair.id, g.chair.snapshot.organisationName],
      ]);
      const changed = (await events()).filter((e) => e.action === 'clause.status-changed');
      expect(changed.map((e) => [e.change.previous, e.change.status, e.change.note])).toEqual([
        ['not-read', 'under-negotiation', 'Opened at the first reading.'],
        ['under-negotiation', 'agreed', 'Agreed at the second reading.'],
      ]);
      expect(changed[1]).toMatchObject({ actorId: g.rapporteur.id, actorSnapshot: expect.objectContaining({ organisationName: g.rapporteur.snapshot.organisationName }) });
    });

    it('refuses members, observers and outsiders (403) and anonymous readers (401), writing nothing', async () => {
      const before = await rows();
      for (const who of [g.ngo, g.observer, g.outsider]) expectProblem(await who.client.post(statusPath('2.'), { status: 'agreed' }), 403);
      expectProblem(await anonymous().post(statusPath('2.'), { status: 'agreed' }), 401);
      expect(await rows()).toEqual(before);
    });

    it('refuses bad input with a 400 naming the field, and a heading with a 409; nothing changes', async () => {
      const before = await rows();
      expectProblem(await g.chair.client.post(statusPath('2.'), { status: 'done' }), 400, { fields: ['status'] });
      expectProblem(await g.chair.client.post(statusPath('2.'), { status: 'agreed', note: 'x'.repeat(2001) }), 400, { fields: ['note'] });
      expectProblem(await g.chair.client.post(statusPath('2.'), { status: 'agreed', extra: true }), 400);
      expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/clauses/not-a-uuid/status`, { status: 'agreed' }), 400, { fields: ['clauseId'] });
      expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/clauses/${doc.id}/status`, { status: 'agreed' }), 400, { fields: ['clauseId'] });
      const heading = doc.version.clauses.find((c) => c.kind === 'heading');
      if (heading) expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/clauses/${heading.id}/status`, { status: 'agreed' }), 409);
      expect(await rows()).toEqual(before);
    });

    it('the history table cannot be rewritten', async () => {
      await expect(t.dataSource.query(`UPDATE clause_statuses SET status = 'not-read'`)).rejects.toThrow(/never edited/);
      await expect(t.dataSource.query(`DELETE FROM clause_statuses`)).rejects.toThrow(/never edited/);
    });
  });

  describe('agreed ad ref', () => {
    let ngoAdRef: string;

    it('a delegate agrees a clause ad referendum for their delegation, until a day; the document read names the delegation', async () => {
      const res = await g.ngo.client.post<ClauseStatusHistory>(adRefPath('3.'), { expiresOn: day(3), note: 'Pending instructions from our board.' });
      expect(res.status).toBe(201);
      const [adRef] = res.body.adRefs;
      ngoAdRef = adRef.id;
      expect(adRef).toMatchObject({
        organisationId: g.ngo.organisation.id,
        organisationName: g.ngo.snapshot.organisationName,
        expiresOn: day(3),
        open: true,
        expired: false,
        expiringSoon: true,
        agreedBy: { id: g.ngo.id, snapshot: expect.objectContaining({ organisationName: g.ngo.snapshot.organisationName }) },
      });
      const c = (await read()).version.clauses.find((x) => x.label === '3.')!;
      expect(c.negotiation!.adRefs).toEqual([expect.objectContaining({ id: adRef.id, organisationName: g.ngo.snapshot.organisationName, expiresOn: day(3) })]);
      const event = (await events()).find((e) => e.action === 'clause.ad-ref-agreed')!;
      expect(event.change).toMatchObject({ organisationId: g.ngo.organisation.id, expiresOn: day(3), note: 'Pending instructions from our board.', lapsed: null });
    });

    it('one open ad ref per delegation per clause (409), also in the database', async () => {
      expectProblem(await g.ngo.client.post(adRefPath('3.'), { expiresOn: day(5) }), 409);
      const [row] = await t.dataSource.query(`SELECT * FROM clause_ad_refs WHERE id = $1`, [ngoAdRef]);
      await expect(
        t.dataSource.query(
          `INSERT INTO clause_ad_refs (document_id, clause_id, version_id, version_number, organisation_id, organisation_name, expires_on, agreed_by, agreed_snapshot, agreed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
          [row.document_id, row.clause_id, row.version_id, row.version_number, row.organisation_id, row.organisation_name, day(9), row.agreed_by, row.agreed_snapshot],
        ),
      ).rejects.toThrow(/clause_ad_refs_one_open/);
    });

    it('another organisation cannot lift or withdraw it (403), a chair included; nothing changes', async () => {
      const before = await rows();
      for (const who of [g.company, g.government, g.chair, g.outsider])
        for (const act of ['lift', 'withdraw']) {
          const res = await who.client.post(`${adRefPath('3.')}/${ngoAdRef}/${act}`, {});
          expectProblem(res, 403);
          expect(res.body).toMatchObject({ code: 'ad-ref-other-delegation' });
        }
      expect(await rows()).toEqual(before);
    });

    it('observers do not agree ad ref (403); a bad date is a 400 naming expiresOn; nothing changes', async () => {
      const before = await rows();
      expectProblem(await g.observer.client.post(adRefPath('4.'), { expiresOn: day(3) }), 403);
      expectProblem(await g.company.client.post(adRefPath('4.'), { expiresOn: day(-1) }), 400, { fields: ['expiresOn'] });
      expectProblem(await g.company.client.post(adRefPath('4.'), { expiresOn: 'soon' }), 400, { fields: ['expiresOn'] });
      expectProblem(await g.company.client.post(adRefPath('4.'), {}), 400, { fields: ['expiresOn'] });
      expect(await rows()).toEqual(before);
    });

    it('another delegate of the same organisation lifts it (the capital confirmed); once ended it cannot end again', async () => {
      // A second delegate of the NGO's organisation, admitted to the group.
      const person = await newPerson(t.baseUrl);
      const aff = await person.client.post<{ id: string }>('/api/me/affiliations', { organisationId: g.ngo.organisation.id, title: 'Legal adviser', startDate: '2020-01-01' });
      await confirmAffiliation(t.baseUrl, aff.body.id);
      const snapshot = (await person.client.get<MeResponse>('/api/me')).body.currentSnapshot!;
      const colleague = { ...person, organisation: g.ngo.organisation, snapshot };
      await admit(t, g.id, colleague, 'member');
      const res = await colleague.client.post<ClauseStatusHistory>(`${adRefPath('3.')}/${ngoAdRef}/lift`, { note: 'Capital confirmed on Monday.' });
      expect(res.status).toBe(200);
      expect(res.body.adRefs[0]).toMatchObject({ id: ngoAdRef, ended: 'lifted', open: false, endedBy: { id: colleague.id }, endNote: 'Capital confirmed on Monday.' });
      expectProblem(await g.ngo.client.post(`${adRefPath('3.')}/${ngoAdRef}/withdraw`, {}), 409);
      expect((await read()).version.clauses.find((x) => x.label === '3.')!.negotiation!.adRefs).toEqual([]);
      expect((await events()).filter((e) => e.action === 'clause.ad-ref-lifted').map((e) => e.actorId)).toEqual([colleague.id]);
    });

    it('expires after its day: no longer open, not counted, cannot be lifted; the delegation may give a new one (the old one lapses)', async () => {
      const res = await g.company.client.post<ClauseStatusHistory>(adRefPath('5.'), { expiresOn: day(0) });
      expect(res.status).toBe(201);
      const id = res.body.adRefs[0].id;
      expect((await read()).version.negotiation!.adRef).toBeGreaterThanOrEqual(1);
      // Two days later, as far as the ad ref is concerned.
      await t.dataSource.query(`ALTER TABLE clause_ad_refs DISABLE TRIGGER clause_ad_refs_guard`);
      await t.dataSource.query(`UPDATE clause_ad_refs SET expires_on = $2 WHERE id = $1`, [id, day(-2)]);
      await t.dataSource.query(`ALTER TABLE clause_ad_refs ENABLE TRIGGER clause_ad_refs_guard`);
      const history = (await anonymous().get<ClauseStatusHistory>(statusPath('5.'))).body;
      expect(history.adRefs[0]).toMatchObject({ id, open: false, expired: true, ended: null });
      expect((await read()).version.clauses.find((x) => x.label === '5.')!.negotiation!.adRefs).toEqual([]);
      const lift = await g.company.client.post(`${adRefPath('5.')}/${id}/lift`, {});
      expectProblem(lift, 409);
      expect(lift.body).toMatchObject({ code: 'ad-ref-expired' });
      const again = await g.company.client.post<ClauseStatusHistory>(adRefPath('5.'), { expiresOn: day(10) });
      expect(again.status).toBe(201);
      expect(again.body.adRefs.map((a) => [a.ended, a.open])).toEqual([
        [null, true],
        ['lapsed', false],
      ]);
      expect((await events()).find((e) => e.action === 'clause.ad-ref-agreed' && e.change.lapsed === id)).toBeDefined();
    });
  });

  describe('counts on the document read', () => {
    it('counts paragraphs (not headings) agreed, ad ref and bracketed, provisional until adoption', async () => {
      // A passage of paragraph 2 in square brackets, twice: still one bracketed paragraph.
      const two = clauseByLabel(doc, '2.');
      for (const passage of [two.text.slice(0, 12), two.text.slice(20, 30)]) {
        const start = two.text.indexOf(passage);
        const opened = await g.government.client.post(`/api/documents/${doc.id}/brackets`, { version: 1, clauseId: two.id, start, end: start + passage.length, passage, reason: 'Not agreed yet.' });
        expect(opened.status).toBe(201);
      }
      const d = await read();
      const paragraphs = d.version.clauses.filter((c) => c.kind !== 'heading').length;
      expect(d.version.negotiation).toEqual({
        paragraphs,
        agreed: 1,
        underNegotiation: 0,
        informalGroup: 0,
        notRead: paragraphs - 1,
        adRef: 1,
        bracketed: 1,
        provisional: true,
      });
      expect(d.version.clauses.find((c) => c.label === '2.')!.negotiation).toMatchObject({ openBrackets: 2, status: 'not-read' });
      expect(d.version.clauses.find((c) => c.label === '1.')!.negotiation).toMatchObject({ status: 'agreed', provisional: true });
      expect(d.can.negotiation).toEqual({ setStatus: false, agreeAdRef: false, delegation: null });
      const asChair = (await g.chair.client.get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
      expect(asChair.can.negotiation).toMatchObject({ setStatus: true, agreeAdRef: true, delegation: { organisationId: g.chair.organisation.id } });
      const asObserver = (await g.observer.client.get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
      expect(asObserver.can.negotiation).toMatchObject({ setStatus: false, agreeAdRef: false });
    });

    it('a paragraph with words in brackets is not agreed: recording it agreed is a 409 naming the brackets; bracketing an agreed one reopens it', async () => {
      const before = await rows();
      const refused = expectProblem(await g.chair.client.post(statusPath('2.'), { status: 'agreed', note: 'Agreed?' }), 409);
      expect(refused).toMatchObject({ code: 'clause-bracketed', params: { brackets: 2 } });
      expect(await rows()).toEqual(before);

      // Paragraph 1 is agreed; a delegation brackets a word of it: it reads under negotiation again, as recorded agreed.
      const one = clauseByLabel(doc, '1.');
      const word = one.text.split(' ')[1];
      const start = one.text.indexOf(word);
      const agreedBefore = (await read()).version.negotiation!.agreed;
      expect((await g.company.client.post(`/api/documents/${doc.id}/brackets`, { version: 1, clauseId: one.id, start, end: start + word.length, passage: word, reason: 'Our capital has not agreed this word.' })).status).toBe(201);
      const d = await read();
      expect(d.version.clauses.find((c) => c.label === '1.')!.negotiation).toMatchObject({ status: 'under-negotiation', recordedStatus: 'agreed', openBrackets: 1 });
      expect(d.version.negotiation).toMatchObject({ agreed: agreedBefore - 1, bracketed: 2 });
    });
  });

  describe('adoption warning `open-ad-ref`', () => {
    it('the preflight lists open ad refs; opening without acknowledging them is a 409 and writes nothing; acknowledged, the ballot records them', async () => {
      const pre = (await anonymous().get<AdoptionPreflightResponse>(`/api/documents/${doc.id}/versions/1/adoption-preflight`)).body;
      expect(pre.warnings).toEqual(['open-brackets', 'open-ad-ref']);
      expect(pre.openAdRefs).toEqual([expect.objectContaining({ clauseLabel: '5.', organisationName: g.company.snapshot.organisationName, expiresOn: day(10) })]);
      const before = await rows();
      const refused = await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inADay() });
      expectProblem(refused, 409);
      expect(refused.body).toMatchObject({ code: 'adoption-warnings-unacknowledged', unacknowledgedWarnings: ['open-brackets', 'open-ad-ref'] });
      const onlyBrackets = await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inADay(), acknowledgedWarnings: ['open-brackets'] });
      expectProblem(onlyBrackets, 409);
      expect(onlyBrackets.body).toMatchObject({ unacknowledgedWarnings: ['open-ad-ref'] });
      expect(await rows()).toEqual(before);
      const opened = await g.chair.client.post<{ ballotId: string }>(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inADay(), acknowledgedWarnings: ['open-brackets', 'open-ad-ref'] });
      expect(opened.status).toBe(201);
      const event = (await events()).find((e) => e.action === 'ballot.opened' && e.subjectId === opened.body.ballotId)!;
      expect(event.change).toMatchObject({ warnings: { confirmedByChair: true, openAdRefs: [expect.objectContaining({ clauseLabel: '5.', expiresOn: day(10) })] } });
    });
  });

  describe('changed since agreed, and live', () => {
    it('an agreed clause whose text a later version changed reads "changed since agreed", not agreed; the move is pushed live to the document room', async () => {
      const g2 = await newDraftingGroup(t);
      const doc2 = await newParisCallDocument(t, g2);
      const target = clauseByLabel(doc2, '4.').id;
      const live = await LiveClient.connect(t.baseUrl);
      try {
        const room = roomName.document(doc2.id);
        expect((await live.join(room, null)).ok).toBe(true);
        const moved = await g2.chair.client.post(`/api/documents/${doc2.id}/clauses/${target}/status`, { status: 'agreed', note: 'Agreed.' });
        expect(moved.status).toBe(201);
        await live.waitFor('clause.status-changed live', () => live.in(room).some((e) => e.action === 'clause.status-changed'));
        expect(live.in(room).find((e) => e.action === 'clause.status-changed')).toMatchObject({ change: { clauseId: target, status: 'agreed', note: 'Agreed.' } });
      } finally {
        live.close();
      }
      // The clause's text changes in version 2 (an amendment accepted, then consolidated).
      const amendment = await g2.ngo.client.post<{ id: string }>(`/api/documents/${doc2.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: target, text: 'A new wording of principle 4.', rationale: 'Clearer.' });
      const ballot = (await g2.chair.client.post<{ ballotId: string }>(`/api/amendments/${amendment.body.id}/ballot`, { closesAt: inADay() })).body.ballotId;
      for (const v of [g2.chair, g2.rapporteur, g2.ngo, g2.company, g2.government]) await v.client.post(`/api/ballots/${ballot}/votes`, { choice: 'yes' });
      await g2.chair.client.post(`/api/ballots/${ballot}/close`, { reason: 'Every member has voted.' });
      expect((await g2.chair.client.post(`/api/documents/${doc2.id}/versions`, {})).status).toBe(201);
      const v2 = (await anonymous().get<DocumentResponse>(`/api/documents/${doc2.id}`)).body;
      expect(v2.version.clauses.find((c) => c.id === target)!.negotiation).toMatchObject({ status: 'under-negotiation', recordedStatus: 'agreed', changedSinceAgreed: true });
      expect(v2.version.negotiation).toMatchObject({ agreed: 0, underNegotiation: 1 });
      // Read at version 1, it was agreed.
      const v1 = (await anonymous().get<DocumentResponse>(`/api/documents/${doc2.id}?version=1`)).body;
      expect(v1.version.clauses.find((c) => c.id === target)!.negotiation).toMatchObject({ status: 'agreed', changedSinceAgreed: false });
    });
  });

  it('every event of this file is readable through the catalogue', async () => {
    const ours: AuditEventResponse[] = (await events()).filter((e) => e.action.startsWith('clause.'));
    expect(new Set(ours.map((e) => e.action))).toEqual(new Set(['clause.status-changed', 'clause.ad-ref-agreed', 'clause.ad-ref-lifted']));
    expect(ours.every((e) => typeof e.change === 'object' && (e.change as { documentId?: string }).documentId === doc.id)).toBe(true);
  });
});
