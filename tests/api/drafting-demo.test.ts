import type { AdoptionPreflightResponse, AmendmentPage, CommentThreadPage, DocumentResponse, DocumentSummary, LanguageVersionsResponse, ProvenanceResponse, WorkingGroupListResponse } from '@parley/contracts';
import type { AuditEvent } from '@parley/domain';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

describe('demo document (fixtures/paris-call/document.json)', () => {
  let t: TestApp;
  let doc: DocumentResponse;
  let normsId: string;
  const api = () => new ApiClient(t.baseUrl);

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seed();
    const groups = (await api().get<WorkingGroupListResponse>('/api/working-groups')).body;
    const norms = groups.items.find((g) => g.name === 'Working group on international norms')!;
    normsId = norms.id;
    const list = (await api().get<{ items: DocumentSummary[] }>(`/api/working-groups/${norms.id}/documents`)).body;
    // The group's draft of the Paris Call (its other documents are short procedural texts: the silence procedures of decision 0036).
    const draft = list.items.filter((d) => d.title.startsWith('Paris Call'));
    expect(draft).toHaveLength(1);
    doc = (await api().get<DocumentResponse>(`/api/documents/${draft[0].id}`)).body;
  });
  afterAll(() => t.close());

  it('the international-norms group drafts the nine principles, now at version 3 (the chair’s Rev.1) with ten operative clauses', () => {
    expect(doc).toMatchObject({ title: 'Paris Call for Trust and Security in Cyberspace — draft principles', currentVersion: 3, status: 'drafting' });
    expect(doc.createdBy.snapshot?.organisationName).toBe('Microsoft');
    expect(doc.version.clauses.filter((c) => c.label).length).toBe(10);
    expect(doc.version.clauses.find((c) => c.label === '8.')!.text).toMatch(/^Support capacity building/);
    expect(doc.version.clauses.find((c) => c.label === '4.')!.text).toMatch(/without restricting good-faith security research or journalism\.$/);
  });

  it('Access Now, an observer, asked a clarification question on principle 4 that is still unanswered', async () => {
    const p4 = doc.version.clauses.find((c) => c.label === '4.')!;
    expect(p4.counts).toMatchObject({ earlierComments: 1, unansweredClarifications: 1 });
    const threads = (await api().get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${p4.id}`)).body;
    expect(threads.items).toEqual([expect.objectContaining({ kind: 'clarification', version: 1, onEarlierText: true, disposition: null, author: expect.objectContaining({ name: 'Ana Ruiz', snapshot: expect.objectContaining({ organisationName: 'Access Now' }) }) })]);
  });

  it('has amendments accepted and applied, one outdated by a competitor, one rejected, one competing proposal waiting, and one under an open ballot', async () => {
    const page = (await api().get<AmendmentPage>(`/api/documents/${doc.id}/amendments`)).body;
    expect(page.items.map((a) => [a.author.snapshot?.organisationName, a.status, a.appliedInVersion])).toEqual([
      ['Public Knowledge', 'accepted', 2],
      ['Senegal', 'accepted', 2],
      ['Japan', 'outdated', null],
      ['Cisco', 'rejected', null],
      ['Google', 'proposed', null],
      ['Center for Democracy and Technology', 'balloting', null],
      // Streamlining (decision 0034): two competing proposals merged into the chair's proposal.
      ['Japan', 'merged', null],
      ['Chatham House', 'merged', null],
      ['Microsoft', 'proposed', null],
    ]);
    expect(page.items[0].crossGroupSupport.sort()).toEqual(['government', 'private-sector']);
    // Google's proposal on principle 8 was written on version 1 and carried forward to version 2, then to the chair's Rev.1.
    expect(page.items[4]).toMatchObject({ baseVersion: 1, appliesToVersion: 3 });
  });

  it('the chair (a company) streamlined two competing proposals into one and gave recommendations, apart from any decision', async () => {
    const page = (await api().get<AmendmentPage>(`/api/documents/${doc.id}/amendments`)).body;
    const chairs = page.items.find((a) => a.negotiation.streamlined)!;
    expect(chairs.negotiation.sources.map((s) => [s.author.snapshot?.organisationName, s.status])).toEqual([
      ['Japan', 'merged'],
      ['Chatham House', 'merged'],
    ]);
    expect(chairs.author.snapshot).toMatchObject({ organisationName: 'Microsoft', stakeholderGroup: 'private-sector' });
    expect(chairs.negotiation.recommendation).toMatchObject({ recommendation: 'accept' });
    expect(page.items.filter((a) => a.negotiation.recommendation !== null).map((a) => [a.author.snapshot?.organisationName, a.negotiation.recommendation!.recommendation])).toEqual([
      ['Google', 'reject'],
      ['Microsoft', 'accept'],
    ]);
  });

  it('says why amendments are outdated or rejected, in English and as a code with its facts', async () => {
    const page = (await api().get<AmendmentPage>(`/api/documents/${doc.id}/amendments`)).body;
    const [researchers, , japan, cisco] = page.items;
    expect(japan.statusNote).toBe('A competing amendment to clause 4. of version 1, by Marcus Johnson (Public Knowledge), was accepted.');
    expect(japan.statusReason).toEqual({
      code: 'competing-amendment-accepted',
      params: { acceptedAmendmentId: researchers.id, clauseLabel: '4.', version: 1, authorName: 'Marcus Johnson', organisationName: 'Public Knowledge' },
    });
    expect(cisco.statusNote).toMatch(/^Failed: 2 yes – 10 no/);
    expect(cisco.statusReason).toEqual({
      code: 'ballot-failed',
      params: { ballotId: cisco.ballotId, outcome: 'failed', explanationParts: [expect.objectContaining({ code: 'majority', outcome: 'failed', yes: 2, no: 10 })] },
    });
    expect(page.items.filter((a) => a.statusReason === null).map((a) => a.status)).toEqual(['accepted', 'accepted', 'proposed', 'balloting', 'proposed']);
  });

  it('version 3 is Rev.1, the chair’s text (a draft), its pen held by the Microsoft chair; the insertion under ballot carried forward; provenance names the pen holder’s group', async () => {
    expect(doc.version.chairsText).toMatchObject({ label: 'Rev.1', standing: 'draft', office: 'chair', penHolder: { snapshot: expect.objectContaining({ organisationName: 'Microsoft', stakeholderGroup: 'private-sector' }) } });
    expect(doc.versions.map((v) => v.chairsText?.label ?? null)).toEqual([null, null, 'Rev.1']);
    expect(doc.version.clauses.find((c) => c.label === '1.')!.text).toMatch(/and cooperate to that end\.$/);
    const p = (await api().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/3/provenance`)).body;
    expect(p.totals.chairsText).toBeGreaterThan(10);
    const segment = p.clauses.find((c) => c.label === '1.')!.segments.find((s) => s.origin.kind === 'chairs-text')!;
    expect(segment.origin).toMatchObject({ kind: 'chairs-text', label: 'Rev.1', office: 'chair', author: { snapshot: expect.objectContaining({ organisationName: 'Microsoft' }) } });
  });

  it('the provenance of version 2 shows civil-society and government words over a private-sector original draft, and leads with that draft', async () => {
    const p = (await api().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/2/provenance`)).body;
    const words = Object.fromEntries(p.totals.byGroup.map((g) => [g.key, g.words]));
    expect(words['private-sector']).toBeGreaterThan(words['civil-society']);
    expect(words['civil-society']).toBeGreaterThan(0);
    expect(words.government).toBeGreaterThan(0);
    expect(p.headline).toMatchObject({ source: 'original', group: 'private-sector', words: p.totals.original });
    expect(p.headline!.percent).toBeGreaterThan(50);
  });
  describe('its language versions (decision 0045): the Paris Call is bilingual, English and French', () => {
    const read = async (query: string) => (await api().get<LanguageVersionsResponse>(`/api/documents/${doc.id}/versions/3/language-versions${query}`)).body;
    const auditLog = async (action: string): Promise<AuditEvent[]> =>
      (await (await fetch(`${t.baseUrl}/api/audit/export.jsonl`)).text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as AuditEvent)
        .filter((e) => e.action === action);

    it('a reader without an account sees every clause of Rev.1 in French, each a translation by France’s delegate; principle 5’s is outdated since Rev.1 reworded it', async () => {
      const v = await read('?languages=fr');
      expect(v).toMatchObject({ originalLanguage: 'en', authenticLanguages: ['en', 'fr'] });
      expect(v.clauses).toHaveLength(doc.version.clauses.length);
      for (const c of v.clauses) {
        const [fr] = c.languages;
        expect(fr).toMatchObject({ language: 'fr', state: c.label === '5.' ? 'outdated' : 'current', text: expect.any(String) });
        expect(fr.translator).toMatchObject({ name: 'Claire Dubois', snapshot: expect.objectContaining({ organisationName: 'France' }) });
        // A current translation was made from the clause's text as it stands: its source is not repeated.
        if (fr.state === 'current') expect(fr.sourceText).toBeNull();
      }
      const byLabel = new Map(v.clauses.map((c) => [c.label, c.languages[0]]));
      expect(v.clauses[0].languages[0].text).toBe('Préambule');
      expect(byLabel.get('2.')!.text).toMatch(/cœur public de l’internet\.$/);
      // Translated on version 1 and carried forward; principle 4 updated on version 2 after its amendment; principle 1 on Rev.1.
      expect(byLabel.get('2.')!.madeOnVersion).toBe(1);
      expect(byLabel.get('4.')).toMatchObject({ madeOnVersion: 2, text: expect.stringMatching(/sans restreindre la recherche en sécurité menée de bonne foi ni le journalisme\.$/) });
      expect(byLabel.get('1.')).toMatchObject({ madeOnVersion: 3, text: expect.stringMatching(/coopérer à cette fin\.$/) });
      // The outdated one shows what it was made from: principle 5 before Rev.1 added responsible disclosure.
      const five = v.clauses.find((c) => c.label === '5.')!;
      expect(five.original).toMatch(/including through responsible disclosure\.$/);
      expect(five.languages[0].sourceText).toBe('Develop ways to prevent the proliferation of malicious software and practices intended to cause harm.');
    });

    it('the group’s authentic languages are English and French, declared by its chair and audited; a few clauses are in Spanish and Arabic', async () => {
      const counts = Object.fromEntries((await read('?only=counts')).languages.map((l) => [l.language, l]));
      const all = doc.version.clauses.length;
      expect(counts.en).toMatchObject({ original: true, authentic: true });
      expect(counts.fr).toMatchObject({ original: false, authentic: true, current: all - 1, outdated: 1, missing: 0 });
      expect(counts.es).toMatchObject({ authentic: false, current: 4, outdated: 0, missing: all - 4 });
      expect(counts.ar).toMatchObject({ authentic: false, current: 4, outdated: 0, missing: all - 4 });
      const spanish = (await read('?languages=es')).clauses.find((c) => c.label === '2.')!.languages[0];
      expect(spanish).toMatchObject({ state: 'current', madeOnVersion: 2, translator: { name: 'Giulia Rossi', snapshot: expect.objectContaining({ organisationName: 'University of Florence research centre' }) } });
      expect(spanish.text).toMatch(/^Prevenir la actividad/);

      expect(await auditLog('working-group.authentic-languages-changed')).toEqual([expect.objectContaining({ subjectId: normsId, actorName: 'Jonathan Reed', change: expect.objectContaining({ before: [], after: ['en', 'fr'] }) })]);
      // Adoption of Rev.1 would now wait for principle 5's French (or the chair's recorded confirmation).
      const preflight = (await api().get<AdoptionPreflightResponse>(`/api/documents/${doc.id}/versions/3/adoption-preflight`)).body;
      expect(preflight.translationGaps).toEqual([{ language: 'fr', outdated: [doc.version.clauses.find((c) => c.label === '5.')!.id], missing: [] }]);
    });

    it('each translation is one audited act, signed with the translator’s affiliation at the time', async () => {
      const events = await auditLog('translation.saved');
      const by = (language: string) => events.filter((e) => e.change.language === language);
      // Version 1 whole, then principle 4 and the new principle 8 on version 2, then principles 1 and 3 on Rev.1.
      expect(by('fr')).toHaveLength(15 + 2 + 2);
      expect(by('es')).toHaveLength(4);
      expect(by('ar')).toHaveLength(4);
      for (const e of by('fr')) expect(e).toMatchObject({ subjectType: 'document', subjectId: doc.id, actorName: 'Claire Dubois', actorSnapshot: expect.objectContaining({ organisationName: 'France', stakeholderGroup: 'government' }) });
      expect(by('ar').map((e) => e.actorSnapshot?.organisationName)).toEqual(Array(4).fill('Chatham House'));
    });
  });
});
