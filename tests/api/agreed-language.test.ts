import type { AgreedLanguagePage, AgreedLanguagePedigree, AmendmentResponse, CompareResponse, DocumentResponse, ProvenanceResponse } from '@parley/contracts';
import { newAdoptedDocument, type AdoptedDocument, votersOf } from '../support/adoption-fixtures';
import { expectProblem } from '../support/expectations';
import { admit, type Delegate, type DraftingGroup, newDraftingGroup, newGroupDelegate, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { issueMembersOnlyVersion, MEMBERS_ONLY_TEXT } from '../support/members-only-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** The Paris Call's principle on cyber hygiene, as adopted: "Support efforts to strengthen an advanced cyber hygiene for all actors." */
const HYGIENE = 'strengthen an advanced cyber hygiene for all actors';
/** Its principle on hack-back, as adopted. */
const HACK_BACK = 'prevent non-State actors, including the private sector, from hacking-back';

/**
 * Issue #25, decision 0054: the agreed-language library (every clause of every adopted version the
 * reader may open), citations checked against the adopted text, precedent in provenance counted
 * under nobody, and "reopens agreed language" on amendments and comparisons.
 */
describe('agreed language', () => {
  let t: TestApp;
  let adopted: AdoptedDocument;
  let later: AdoptedDocument;
  let secret: { g: DraftingGroup; doc: DocumentResponse; clauseId: string };
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let both: Delegate;
  const anonymous = () => new ApiClient(t.baseUrl);
  const hygiene = () => adopted.doc.version.clauses.find((c) => c.text.includes(HYGIENE))!;
  const hackBack = () => adopted.doc.version.clauses.find((c) => c.text.includes(HACK_BACK))!;
  const cite = (clause: { id: string }, passage: string, on: DocumentResponse = adopted.doc, version = 1) => ({
    documentId: on.id,
    version,
    clauseId: clause.id,
    passage,
  });
  const library = async (client: ApiClient, params: Record<string, string> = {}): Promise<AgreedLanguagePage> => {
    const res = await client.get<AgreedLanguagePage>(`/api/agreed-language?${new URLSearchParams(params).toString()}`);
    if (res.status !== 200) throw new Error(`library ${JSON.stringify(params)}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const propose = (who: Delegate, body: Record<string, unknown>, on = doc) =>
    who.client.post<AmendmentResponse>(`/api/documents/${on.id}/amendments`, { baseVersion: on.currentVersion, rationale: 'Agreed wording.', ...body });
  const proposed = async (who: Delegate, body: Record<string, unknown>) => {
    const res = await propose(who, body);
    if (res.status !== 201) throw new Error(`propose: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM amendments WHERE document_id = $1)::int AS amendments, (SELECT count(*) FROM citations)::int AS citations,
                (SELECT count(*) FROM document_versions WHERE document_id = $1)::int AS versions, (SELECT count(*) FROM audit_events)::int AS events`,
        [doc.id],
      )
    )[0];
  const pedigreeOf = (a: AdoptedDocument, clause: { id: string; label: string | null }): AgreedLanguagePedigree => ({
    workingGroup: { id: a.g.id, name: expect.any(String) },
    document: { id: a.doc.id, title: a.doc.title },
    version: 1,
    clauseId: clause.id,
    label: clause.label,
    adoptedAt: expect.any(String),
    ballotId: a.ballotId,
  });

  beforeAll(async () => {
    t = await startTestApp();
    adopted = await newAdoptedDocument(t);
    later = await newAdoptedDocument(t);
    // A version adopted while kept to its group's members (as if): only its members may read, find or cite it.
    const h = await newDraftingGroup(t);
    const hDoc = await newParisCallDocument(t, h);
    const issued = await issueMembersOnlyVersion(h, hDoc);
    await t.dataSource.query(
      `UPDATE document_versions SET adopted_at = now() + interval '1 minute', adoption_ballot_id = gen_random_uuid() WHERE document_id = $1 AND number = 2`,
      [hDoc.id],
    );
    secret = { g: h, doc: issued.version, clauseId: issued.clauseId };
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    both = await newGroupDelegate(t, 'government', 'national', 'Member of both');
    await admit(t, h.id, both, 'member');
    await admit(t, g.id, both, 'member');
  });
  afterAll(() => t.close());

  describe('GET /api/agreed-language', () => {
    it('lists every clause of every adopted version, newest adoption first and each in reading order, with its pedigree; no draft', async () => {
      const first = await library(anonymous());
      expect(first.items).toHaveLength(20);
      expect(first.nextCursor).not.toBeNull();
      const rest = await library(anonymous(), { cursor: first.nextCursor! });
      expect(rest.nextCursor).toBeNull();
      const all = [...first.items, ...rest.items];
      // Two adopted Paris Calls of 15 clauses; the drafts (and the members-only adopted version) are not agreed language for anyone outside.
      expect(all).toHaveLength(30);
      expect(all.map((e) => e.pedigree.document.id)).toEqual([...Array(15).fill(later.doc.id), ...Array(15).fill(adopted.doc.id)]);
      expect(all.slice(15).map((e) => e.pedigree.clauseId)).toEqual(adopted.doc.version.clauses.map((c) => c.id));
      const entry = all.find((e) => e.pedigree.clauseId === hygiene().id)!;
      expect(entry).toEqual({ pedigree: pedigreeOf(adopted, hygiene()), kind: 'operative', passage: { text: hygiene().text, marks: [] }, language: 'en' });
      expect(entry.pedigree.workingGroup.name).toMatch(/^Working group /);
    });

    it('searches as the search does (stems, accents, phrases), marking the matched words in the whole adopted clause', async () => {
      const found = await library(anonymous(), { q: '"cyber hygiene"', document: adopted.doc.id });
      expect(found.items.map((e) => e.pedigree.clauseId)).toEqual([hygiene().id]);
      const [item] = found.items;
      expect(item.passage.text).toBe(hygiene().text);
      expect(item.passage.marks.map(([s, e]) => item.passage.text.slice(s, e))).toEqual(['cyber hygiene']);
      // Stemmed and accent-insensitive: "hygiène" and "strengthening" still find it; both adopted Paris Calls do, the draft does not.
      const stems = await library(anonymous(), { q: 'hygiène strengthening' });
      expect(stems.items.map((e) => e.pedigree.document.id).sort()).toEqual([adopted.doc.id, later.doc.id].sort());
      expect(stems.items.every((e) => e.pedigree.clauseId === hygiene().id || later.doc.version.clauses.some((c) => c.id === e.pedigree.clauseId))).toBe(true);
    });

    it('narrows by group, document, kind and language', async () => {
      expect((await library(anonymous(), { group: adopted.g.id })).items.every((e) => e.pedigree.workingGroup.id === adopted.g.id)).toBe(true);
      const headings = await library(anonymous(), { kind: 'heading', document: later.doc.id });
      expect(headings.items.map((e) => e.passage.text)).toEqual(['Preamble', 'Principles']);
      expect((await library(anonymous(), { language: 'fr' })).items).toEqual([]);
    });

    it('shows a members-only adopted version to its group’s members only, browsing or searching', async () => {
      const words = 'capitals consult cyber agencies';
      expect((await library(anonymous(), { q: words })).items).toEqual([]);
      expect((await library(g.ngo.client, { q: words })).items).toEqual([]);
      expect((await library(g.ngo.client, { document: secret.doc.id })).items).toEqual([]);
      const member = await library(both.client, { q: words });
      expect(member.items.map((e) => [e.pedigree.clauseId, e.passage.text])).toEqual([[secret.clauseId, MEMBERS_ONLY_TEXT]]);
      // Adopted last: first in the member's library.
      expect((await library(secret.g.chair.client)).items[0].pedigree).toMatchObject({ document: { id: secret.doc.id }, version: 2 });
    });

    it('pages a search without repeating or losing an entry, and refuses a cursor it did not give', async () => {
      const first = await library(anonymous(), { q: 'actors' });
      const seen = first.items.map((e) => `${e.pedigree.document.id}/${e.pedigree.clauseId}`);
      let cursor = first.nextCursor;
      while (cursor) {
        const next = await library(anonymous(), { q: 'actors', cursor });
        seen.push(...next.items.map((e) => `${e.pedigree.document.id}/${e.pedigree.clauseId}`));
        cursor = next.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThan(2);
      const browsing = (await library(anonymous())).nextCursor!;
      const res = await anonymous().get(`/api/agreed-language?q=actors&cursor=${browsing}`);
      expect(expectProblem(res, 400).errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'not-a-cursor' })]);
      expect(expectProblem(await anonymous().get('/api/agreed-language?group=nope'), 400).errors).toEqual([expect.objectContaining({ field: 'group' })]);
    });

    it('refuses a crafted cursor the database could not read (a bad instant, a year past 9999, a position past int4, a rank that is no number) with 400, never 500', async () => {
      const encode = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
      const browsing = (await library(anonymous())).nextCursor!;
      const [at, version, position] = JSON.parse(Buffer.from(browsing, 'base64url').toString('utf8')) as [string, string, number];
      // The cursor the library gave still reads.
      expect((await library(anonymous(), { cursor: encode([at, version, position]) })).items.length).toBeGreaterThan(0);
      const crafted = [
        'abc',
        encode(['abc', version, position]),
        encode([at, version, 2 ** 40]),
        encode([at, version, -1]),
        encode(['294277-01-01T00:00:00Z', version, position]),
        encode(['+294277-01-01T00:00:00Z', version, position]),
        encode(['2026-02-30T00:00:00Z', version, position]),
        encode(['2026-01-01T25:00:00Z', version, position]),
      ];
      for (const cursor of crafted) {
        const res = await anonymous().get(`/api/agreed-language?cursor=${encodeURIComponent(cursor)}`);
        expect([cursor, expectProblem(res, 400).errors]).toEqual([cursor, [expect.objectContaining({ field: 'cursor', code: 'not-a-cursor' })]]);
      }
      for (const rank of ['NaN', '1e39', 'abc', 'Infinity']) {
        const res = await anonymous().get(`/api/agreed-language?q=actors&cursor=${encode([rank, 1])}`);
        expect([rank, expectProblem(res, 400).errors]).toEqual([rank, [expect.objectContaining({ field: 'cursor', code: 'not-a-cursor' })]]);
      }
      expect((await anonymous().get(`/api/agreed-language?q=actors&cursor=${encode(['0.05', 2 ** 40])}`)).status).toBe(200);
    });
  });

  describe('citations refused', () => {
    const insert = (text: string, citations: unknown[]) => ({
      kind: 'insert',
      afterClauseId: doc.version.clauses[14].id,
      clauseKind: 'operative',
      text,
      citations,
    });
    const refusedWith = async (who: Delegate, body: Record<string, unknown>, field: string, code: string) => {
      const before = await counts();
      const res = await propose(who, body);
      expect(expectProblem(res, 400).errors).toEqual([expect.objectContaining({ field, code })]);
      expect(await counts()).toEqual(before);
    };

    it('a version that is not adopted (a draft, its own document’s, one that does not exist): not agreed language', async () => {
      const own = doc.version.clauses[12];
      await refusedWith(g.ngo, insert(`Recalling, ${own.text}`, [cite(own, own.text, doc)]), 'citations.0.version', 'not-agreed-language');
      await refusedWith(g.ngo, insert(`Recalling, ${HYGIENE}.`, [cite(hygiene(), HYGIENE, adopted.doc, 9)]), 'citations.0.version', 'not-agreed-language');
      await refusedWith(
        g.ngo,
        insert(`Recalling, ${HYGIENE}.`, [{ ...cite(hygiene(), HYGIENE), documentId: '00000000-0000-4000-8000-000000000000' }]),
        'citations.0.version',
        'not-agreed-language',
      );
    });

    it('a members-only adopted version the proposer may not read: the same answer, nothing about its clauses; its members may cite it', async () => {
      const secretClause = { id: secret.clauseId };
      await refusedWith(
        g.ngo,
        insert(`Recalling, ${MEMBERS_ONLY_TEXT}.`, [cite(secretClause, MEMBERS_ONLY_TEXT, secret.doc, 2)]),
        'citations.0.version',
        'not-agreed-language',
      );
      // A clause id that is not in it answers alike: an outsider cannot probe which clauses it has.
      await refusedWith(
        g.ngo,
        insert(`Recalling, ${MEMBERS_ONLY_TEXT}.`, [cite({ id: hygiene().id }, MEMBERS_ONLY_TEXT, secret.doc, 2)]),
        'citations.0.version',
        'not-agreed-language',
      );
      const ok = await propose(both, insert(`Recalling, ${MEMBERS_ONLY_TEXT}.`, [cite(secretClause, MEMBERS_ONLY_TEXT, secret.doc, 2)]));
      expect(ok.status).toBe(201);
      await both.client.post(`/api/amendments/${ok.body.id}/withdraw`);
    });

    it('a clause the adopted version does not have', async () => {
      await refusedWith(g.ngo, insert(`Recalling, ${HYGIENE}.`, [cite(doc.version.clauses[12], HYGIENE)]), 'citations.0.clauseId', 'not-a-clause');
    });

    it('a forged or edited passage, and one’s own words passed off as agreed language', async () => {
      const forged = 'strengthen an advanced cyber hygiene for all actors and States alone';
      await refusedWith(g.ngo, insert(`Recalling, ${forged}.`, [cite(hygiene(), forged)]), 'citations.0.passage', 'passage-not-in-source');
      const mine = 'companies may hack back when attacked';
      await refusedWith(g.company, insert(`Recalling that ${mine}.`, [cite(hackBack(), mine)]), 'citations.0.passage', 'passage-not-in-source');
      // The second citation is the bad one: named by its index.
      await refusedWith(
        g.ngo,
        insert(`Recalling, ${HYGIENE}.`, [cite(hygiene(), HYGIENE), cite(hygiene(), HYGIENE.toUpperCase())]),
        'citations.1.passage',
        'passage-not-in-source',
      );
    });

    it('a passage the proposed text does not contain', async () => {
      await refusedWith(g.ngo, insert('Recalling the Paris Call.', [cite(hygiene(), HYGIENE)]), 'citations.0.passage', 'passage-not-in-text');
    });

    it('common words cited as agreed language (the laundering attack): too short, inside words, or claimed twice', async () => {
      // Seven one-word citations used to make most of a new clause "precedent".
      const text = `Calls for all States to act and for an end to all hacking.`;
      await refusedWith(g.company, insert(text, [cite(hygiene(), 'for')]), 'citations.0.passage', 'passage-too-short');
      const res = await propose(g.company, insert(text, [cite(hygiene(), 'for all')]));
      expect(expectProblem(res, 400).errors).toEqual([
        expect.objectContaining({ field: 'citations.0.passage', code: 'passage-too-short', params: { minimum: 3 } }),
      ]);
      // One real quote claims one occurrence: citing it twice needs it twice.
      const quoted = `Recalling, ${HYGIENE}.`;
      await refusedWith(g.company, insert(quoted, [cite(hygiene(), HYGIENE), cite(hygiene(), HYGIENE)]), 'citations.1.passage', 'passage-not-in-text');
      // A passage ending inside a word of the adopted clause ("hygiene" cut to "hyg") is not in it.
      const cut = HYGIENE.slice(0, HYGIENE.indexOf('hygiene') + 3);
      await refusedWith(g.company, insert(`Recalling, ${cut}ienic.`, [cite(hygiene(), cut)]), 'citations.0.passage', 'passage-not-in-source');
    });

    it('a chair’s text clause citing a passage not in the source, named by clause and citation', async () => {
      const before = await counts();
      const clauses = [
        ...doc.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text })),
        { kind: 'operative', text: 'Recalling, in part, hygiene.', citations: [cite(hygiene(), 'in part, hygiene')] },
      ];
      const res = await g.chair.client.post(`/api/documents/${doc.id}/chairs-texts`, { label: 'Rev. 1', standing: 'draft', office: 'chair', clauses });
      expect(expectProblem(res, 400).errors).toEqual([expect.objectContaining({ field: 'clauses.15.citations.0.passage', code: 'passage-not-in-source' })]);
      expect(await counts()).toEqual(before);
    });
  });

  describe('citations accepted: precedent, and reopening it', () => {
    let quoting: AmendmentResponse;
    let v2: DocumentResponse;
    const QUOTED = `Recalling that States should ${HYGIENE}.`;

    it('records the citations of an amendment with their pedigree, in the amendment and in its audit event', async () => {
      quoting = await proposed(g.ngo, {
        kind: 'insert',
        afterClauseId: doc.version.clauses[14].id,
        clauseKind: 'operative',
        text: QUOTED,
        citations: [cite(hygiene(), HYGIENE)],
      });
      expect(quoting.citations).toEqual([{ passage: HYGIENE, pedigree: pedigreeOf(adopted, hygiene()) }]);
      expect(quoting.reopensAgreedLanguage).toEqual([]);
      const [event] = await t.dataSource.query(`SELECT change FROM audit_events WHERE action = 'amendment.proposed' AND subject_id = $1`, [quoting.id]);
      expect(event.change.citations).toEqual([{ documentId: adopted.doc.id, version: 1, clauseId: hygiene().id, passage: HYGIENE }]);
      // A replace carries them too.
      const replace = await proposed(g.company, {
        kind: 'replace',
        targetClauseId: doc.version.clauses[13].id,
        text: `Take steps to ${HACK_BACK}.`,
        citations: [cite(hackBack(), HACK_BACK)],
      });
      expect(replace.citations).toEqual([{ passage: HACK_BACK, pedigree: pedigreeOf(adopted, hackBack()) }]);
      expect((await g.company.client.post(`/api/amendments/${replace.id}/withdraw`)).status).toBe(200);
    });

    it('provenance shows the quoted words as precedent of the adopted text, inserted by the proposer, counted under no group', async () => {
      const ballot = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${quoting.id}/ballot`, {
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(ballot.status).toBe(201);
      for (const v of [g.chair, g.rapporteur, g.ngo, g.company, g.government])
        await v.client.post(`/api/ballots/${ballot.body.ballotId}/votes`, { choice: 'yes' });
      expect((await g.chair.client.post(`/api/ballots/${ballot.body.ballotId}/close`, { reason: 'Every member has voted.' })).status).toBe(200);
      const consolidated = await g.rapporteur.client.post<DocumentResponse>(`/api/documents/${doc.id}/versions`);
      expect(consolidated.status).toBe(201);
      v2 = doc = consolidated.body;
      const p = (await anonymous().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/2/provenance`)).body;
      const clause = p.clauses.find((c) => c.clauseId === quoting.id)!;
      expect(clause.segments.map((s) => [s.text, s.origin.kind])).toEqual([
        ['Recalling that States should ', 'amendment'],
        [HYGIENE, 'precedent'],
        ['.', 'amendment'],
      ]);
      expect(clause.segments[1]).toMatchObject({
        words: 8,
        origin: { kind: 'precedent', version: 2, amendmentId: quoting.id, author: { id: g.ngo.id }, pedigree: pedigreeOf(adopted, hygiene()) },
      });
      expect(p.totals).toMatchObject({ precedent: 8, amended: 4 });
      // The NGO inserted 12 words but wrote 4: civil society holds 4 words of amendments, its organisation too.
      const ngoOrg = p.totals.byOrganisation.find((o) => o.key === g.ngo.organisation.id)!;
      expect(ngoOrg.words).toBe(4);
      const total = p.totals.byGroup.reduce((n, x) => n + x.words, 0);
      expect(total + p.totals.precedent!).toBe(p.totals.words);
    });

    it('an export of the version cannot make precedent: only the stored citation and the adopted text do', async () => {
      // Provenance reads nothing a client sends: the same version read twice, by anyone, says the same.
      const a = (await anonymous().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/2/provenance`)).body;
      const b = (await g.company.client.get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/2/provenance`)).body;
      expect(b.totals).toEqual(a.totals);
      await expect(t.dataSource.query(`UPDATE citations SET passage = 'Recalling that States should' WHERE amendment_id = $1`, [quoting.id])).rejects.toThrow(
        /immutable/,
      );
    });

    it('flags an amendment that changes or deletes the agreed words as reopening agreed language, and not one that changes the rest', async () => {
      const reopens = await proposed(g.company, { kind: 'replace', targetClauseId: quoting.id, text: QUOTED.replace('advanced', 'basic') });
      expect(reopens.reopensAgreedLanguage).toEqual([pedigreeOf(adopted, hygiene())]);
      const deletes = await proposed(g.government, { kind: 'delete', targetClauseId: quoting.id });
      expect(deletes.reopensAgreedLanguage).toEqual([pedigreeOf(adopted, hygiene())]);
      const around = await proposed(g.ngo, { kind: 'replace', targetClauseId: quoting.id, text: QUOTED.replace('Recalling', 'Noting') });
      expect(around.reopensAgreedLanguage).toEqual([]);
      // Moving the agreed words unchanged is no reopening; bracketing them, or gluing a word to them, is.
      const moved = await proposed(g.ngo, { kind: 'replace', targetClauseId: quoting.id, text: `${HYGIENE}: so States should, recalling.` });
      expect(moved.reopensAgreedLanguage).toEqual([]);
      const bracketed = await proposed(g.company, { kind: 'replace', targetClauseId: quoting.id, text: QUOTED.replace(HYGIENE, `[${HYGIENE}]`) });
      expect(bracketed.reopensAgreedLanguage).toEqual([pedigreeOf(adopted, hygiene())]);
      const glued = await proposed(g.company, { kind: 'replace', targetClauseId: quoting.id, text: QUOTED.replace(HYGIENE, `${HYGIENE}-based`) });
      expect(glued.reopensAgreedLanguage).toEqual([pedigreeOf(adopted, hygiene())]);
      for (const a of [moved, bracketed, glued]) await (a === moved ? g.ngo : g.company).client.post(`/api/amendments/${a.id}/withdraw`);
      // The list says it too.
      const listed = (await anonymous().get<{ items: AmendmentResponse[] }>(`/api/documents/${doc.id}/amendments?limit=50`)).body.items;
      expect(listed.find((a) => a.id === reopens.id)!.reopensAgreedLanguage).toHaveLength(1);
      expect(listed.find((a) => a.id === around.id)!.reopensAgreedLanguage).toEqual([]);
    });

    it('a chair’s text quoting agreed language: precedent with no amendment, the pen holder on record; the comparison flags the agreed words it changed', async () => {
      const QUOTE_2 = `The chair recalls the commitment to ${HACK_BACK}.`;
      const clauses = [
        ...v2.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.id === quoting.id ? QUOTED.replace('advanced', 'basic') : c.text })),
        { kind: 'operative', text: QUOTE_2, citations: [cite(hackBack(), HACK_BACK)] },
      ];
      const res = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/chairs-texts`, {
        label: 'Rev. 1',
        standing: 'draft',
        office: 'chair',
        clauses,
      });
      expect(res.status).toBe(201);
      doc = res.body;
      const added = doc.version.clauses.find((c) => c.text === QUOTE_2)!;
      const [event] = await t.dataSource.query(`SELECT change FROM audit_events WHERE action = 'version.chairs-text-issued' AND change->>'documentId' = $1`, [
        doc.id,
      ]);
      expect(event.change.citations).toEqual([{ inClause: added.id, documentId: adopted.doc.id, version: 1, clauseId: hackBack().id, passage: HACK_BACK }]);

      const p = (await anonymous().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/3/provenance`)).body;
      expect(p.clauses.find((c) => c.clauseId === added.id)!.segments).toMatchObject([
        { text: 'The chair recalls the commitment to ', origin: { kind: 'chairs-text' } },
        {
          text: HACK_BACK,
          origin: { kind: 'precedent', version: 3, amendmentId: null, author: { id: g.chair.id }, pedigree: pedigreeOf(adopted, hackBack()) },
        },
        { text: '.', origin: { kind: 'chairs-text' } },
      ]);
      // "advanced" became the chair's "basic": the quote is altered, so its 7 remaining words are no longer precedent but the NGO's, who
      // inserted them; only the 9 quoted now are ("non-State", "hacking-back" are one word each).
      expect(p.totals.precedent).toBe(9);
      const altered = p.clauses.find((c) => c.clauseId === quoting.id)!;
      expect(altered.segments.map((x) => x.origin.kind)).not.toContain('precedent');
      expect(altered.segments.find((x) => x.text.includes('cyber hygiene'))!.origin).toMatchObject({ kind: 'amendment', amendmentId: quoting.id });

      const compared = (await anonymous().get<CompareResponse>(`/api/documents/${doc.id}/compare?from=2&to=3`)).body;
      expect(compared.reopensAgreedLanguage).toEqual([{ clauseId: quoting.id, pedigree: pedigreeOf(adopted, hygiene()) }]);
      expect((await anonymous().get<CompareResponse>(`/api/documents/${doc.id}/compare?from=1&to=2`)).body.reopensAgreedLanguage).toEqual([]);
    });

    it('the consolidation preview flags an accepted amendment that reopens agreed language', async () => {
      // The NGO's quote was already reopened by the chair's text ("basic"): changing it again reopens nothing more.
      const basic = QUOTED.replace('advanced', 'basic');
      const again = await proposed(g.company, { kind: 'replace', targetClauseId: quoting.id, text: basic.replace('cyber', 'digital') });
      expect(again.reopensAgreedLanguage).toEqual([]);
      await g.company.client.post(`/api/amendments/${again.id}/withdraw`);
      const chairsQuote = doc.version.clauses.find((c) => c.text.startsWith('The chair recalls'))!;
      const digital = await proposed(g.company, {
        kind: 'replace',
        targetClauseId: chairsQuote.id,
        text: chairsQuote.text.replace('private sector', 'digital sector'),
      });
      expect(digital.reopensAgreedLanguage).toEqual([pedigreeOf(adopted, hackBack())]);
      const ballot = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${digital.id}/ballot`, {
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(ballot.status).toBe(201);
      for (const v of [g.chair, g.rapporteur, g.ngo, g.company, g.government])
        await v.client.post(`/api/ballots/${ballot.body.ballotId}/votes`, { choice: 'yes' });
      expect((await g.chair.client.post(`/api/ballots/${ballot.body.ballotId}/close`, { reason: 'Every member has voted.' })).status).toBe(200);
      const preview = await g.rapporteur.client.get<{ comparison: CompareResponse }>(`/api/documents/${doc.id}/consolidation-preview`);
      expect(preview.status).toBe(200);
      expect(preview.body.comparison.reopensAgreedLanguage).toEqual([{ clauseId: chairsQuote.id, pedigree: pedigreeOf(adopted, hackBack()) }]);
    });

    it('the amendment list flags, for each amendment, what it reopens at its own base version, on a document of several versions', async () => {
      const chairsQuote = doc.version.clauses.find((c) => c.text.startsWith('The chair recalls'))!;
      // Base version 3: one amendment changes the chair's quote, one changes an uncited clause.
      const hacking = await proposed(g.ngo, { kind: 'replace', targetClauseId: chairsQuote.id, text: chairsQuote.text.replace('hacking-back', 'retaliating') });
      const uncited = doc.version.clauses[2];
      const plain = await proposed(g.ngo, { kind: 'replace', targetClauseId: uncited.id, text: `${uncited.text} Indeed.` });
      const listed = (await anonymous().get<{ items: AmendmentResponse[] }>(`/api/documents/${doc.id}/amendments?limit=50`)).body.items;
      const flagged = (id: string) => listed.find((a) => a.id === id)!.reopensAgreedLanguage;
      expect(flagged(hacking.id)).toEqual([pedigreeOf(adopted, hackBack())]);
      expect(flagged(plain.id)).toEqual([]);
      // Amendments on base version 2 are still read against version 2: the change to "advanced" reopens, the one to "Recalling" does not.
      const onTwo = listed.filter((a) => a.baseVersion === 2 && a.kind === 'replace' && a.targetClauseId === quoting.id && a.status !== 'withdrawn');
      expect(onTwo.map((a) => [a.text, a.reopensAgreedLanguage.length]).sort()).toEqual(
        [
          [QUOTED.replace('advanced', 'basic'), 1],
          [QUOTED.replace('Recalling', 'Noting'), 0],
        ].sort(),
      );
      // The single read says the same as the list.
      expect((await anonymous().get<AmendmentResponse>(`/api/amendments/${hacking.id}`)).body.reopensAgreedLanguage).toEqual([pedigreeOf(adopted, hackBack())]);
    });

    it('a comparison read backwards (from after to) reopens nothing', async () => {
      const forwards = (await anonymous().get<CompareResponse>(`/api/documents/${doc.id}/compare?from=2&to=3`)).body;
      expect(forwards.reopensAgreedLanguage).toHaveLength(1);
      const backwards = await anonymous().get<CompareResponse>(`/api/documents/${doc.id}/compare?from=3&to=2`);
      expect(backwards.status).toBe(200);
      expect(backwards.body.reopensAgreedLanguage).toEqual([]);
    });
  });

  it('the adopted text’s export counts precedent words in its provenance sentence, so the counts add up', async () => {
    const e = await newDraftingGroup(t);
    const eDoc = await newParisCallDocument(t, e);
    const passed = async (ballotId: string) => {
      for (const v of votersOf(e)) await v.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'yes' });
      expect((await e.chair.client.post(`/api/ballots/${ballotId}/close`, { reason: 'Every member has voted.' })).status).toBe(200);
    };
    const quote = await e.ngo.client.post<AmendmentResponse>(`/api/documents/${eDoc.id}/amendments`, {
      baseVersion: 1,
      rationale: 'Agreed wording.',
      kind: 'insert',
      afterClauseId: eDoc.version.clauses[14].id,
      clauseKind: 'operative',
      text: `Recalling that States should ${HYGIENE}.`,
      citations: [cite(hygiene(), HYGIENE)],
    });
    expect(quote.status).toBe(201);
    const ballot = await e.chair.client.post<{ ballotId: string }>(`/api/amendments/${quote.body.id}/ballot`, {
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await passed(ballot.body.ballotId);
    expect((await e.rapporteur.client.post(`/api/documents/${eDoc.id}/versions`)).status).toBe(201);
    const adoption = await e.chair.client.post<{ ballotId: string }>(`/api/documents/${eDoc.id}/versions/2/adoption-ballot`, {
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(adoption.status).toBe(201);
    await passed(adoption.body.ballotId);
    const p = (await anonymous().get<ProvenanceResponse>(`/api/documents/${eDoc.id}/versions/2/provenance`)).body;
    expect(p.totals.precedent).toBe(8);
    const md = await anonymous().get<string>(`/api/documents/${eDoc.id}/versions/2/adopted.md`);
    expect(md.status).toBe(200);
    const sentence = String(md.body)
      .split('\n')
      .find((l) => l.startsWith(`${p.totals.words} words:`))!;
    expect(sentence).toContain(`${p.totals.original} from the original draft, ${p.totals.amended} introduced by amendments, 8 quoted from agreed language`);
    expect(p.totals.original + p.totals.amended + (p.totals.chairsText ?? 0) + p.totals.precedent!).toBe(p.totals.words);
  });
});
