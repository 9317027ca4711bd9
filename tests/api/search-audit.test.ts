import type { AuditEventDetailResponse, BallotResponse, ChairNominationResponse, DocumentResponse, SearchResponse, SearchResult } from '@parley/contracts';
import { SearchAuditPhrases } from '../../apps/api/src/search/search-audit-phrases';
import { SearchStatementTriggers1797400000000 } from '../../migrations/1797400000000-search-statement-triggers';
import { SearchAuditSentences1797400000100 } from '../../migrations/1797400000100-search-audit-sentences';
import { type DraftingGroup, newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { issueMembersOnlyVersion } from '../support/members-only-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** Issue #25, decision 0053: audit sentences ("who chaired what") in GET /api/search, kind `audit`. */
describe('search: audit sentences', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const NOMINEE = 'Ngozi Okonkwo-Adebayo';
  const COMMENTER = 'Teodora Vasquez-Lindqvist';
  const anonymous = () => new ApiClient(t.baseUrl);
  const search = async (client: ApiClient, params: Record<string, string>): Promise<SearchResult[]> => {
    const res = await client.get<SearchResponse>(`/api/search?${new URLSearchParams({ kind: 'audit', ...params }).toString()}`);
    if (res.status !== 200) throw new Error(`search ${JSON.stringify(params)}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.items;
  };
  const actions = (found: SearchResult[]) => found.map((r) => r.status);
  const ok = <T>(res: { status: number; body: T }, what: string, status = 201): T => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    await t.dataSource.query(`UPDATE people SET name = $1 WHERE id = $2`, [NOMINEE, g.ngo.id]);
    await t.dataSource.query(`UPDATE people SET name = $1 WHERE id = $2`, [COMMENTER, g.company.id]);
    doc = await newParisCallDocument(t, g);

    // A chair election: nominated by the government member, accepted, every stakeholder group says yes, closed early by the chair.
    const nomination = ok(
      await g.government.client.post<ChairNominationResponse>(`/api/working-groups/${g.id}/chair-nominations`, { nomineeId: g.ngo.id }),
      'nominate',
    );
    const accepted = ok(await g.ngo.client.post<ChairNominationResponse>(`/api/chair-nominations/${nomination.id}/acceptance`, {}), 'accept', 200);
    const ballotId = accepted.ballot!.id;
    for (const d of [g.chair, g.rapporteur, g.ngo, g.company, g.government]) ok(await d.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'yes' }), 'vote', 200);
    const closed = ok(await g.chair.client.post<BallotResponse>(`/api/ballots/${ballotId}/close`, { reason: 'Everyone has voted.' }), 'close', 200);
    expect(closed.outcome).toBe('passed');

    // A chair's text kept to members, and a comment on it by a member.
    const { version, clauseId } = await issueMembersOnlyVersion(g, doc);
    expect(version.version.number).toBe(2);
    ok(await g.company.client.post(`/api/documents/${doc.id}/comments`, { clauseId, kind: 'general', body: 'Members only: we agree.' }), 'comment');
  });
  afterAll(() => t.close());

  it('finds a chair election by the chair’s name, as a sentence that links to its audit event', async () => {
    const found = await search(anonymous(), { q: NOMINEE, group: g.id });
    expect(actions(found)).toEqual(expect.arrayContaining(['chair.nominated', 'chair.nomination-accepted', 'chair.confirmed']));
    const confirmed = found.find((r) => r.status === 'chair.confirmed')!;
    expect(confirmed.passage.text).toMatch(/^Parley \(automatically\) recorded the confirmation of a chair of “.+” — Ngozi Okonkwo-Adebayo$/);
    expect(confirmed.passage.marks.map(([s, e]) => confirmed.passage.text.slice(s, e))).toContain('Ngozi Okonkwo-Adebayo');
    expect(confirmed.target.workingGroup?.id).toBe(g.id);
    expect(confirmed.author).toBeNull();
    // The link is the event itself: the audit log serves it, and it is the confirmation of this chair.
    const link = confirmed.target.auditEvent!;
    expect(confirmed.id).toBe(`${link.scope}/${link.sequence}`);
    expect(link.page).toBe(`/audit/events/${encodeURIComponent(link.scope)}/${link.sequence}`);
    const event = ok(await anonymous().get<AuditEventDetailResponse>(`/api/audit/events/${encodeURIComponent(link.scope)}/${link.sequence}`), 'audit event', 200);
    expect(event.event).toMatchObject({ action: 'chair.confirmed', change: { personId: g.ngo.id, name: NOMINEE } });
  });

  it('finds it by the act, in English and in French, and not by words no sentence says', async () => {
    expect(actions(await search(anonymous(), { q: 'confirmation of a chair', group: g.id }))).toEqual(['chair.confirmed']);
    expect(actions(await search(anonymous(), { q: 'confirmation présidence', group: g.id }))).toEqual(['chair.confirmed']);
    expect(actions(await search(anonymous(), { q: 'nominated chair', group: g.id }))).toContain('chair.nominated');
    expect(await search(anonymous(), { q: 'impeached', group: g.id })).toEqual([]);
  });

  it('filters by the actor’s organisation and stakeholder group at the act, by dates and by group', async () => {
    const byGovernment = await search(anonymous(), { q: NOMINEE, organisation: g.government.organisation.id });
    expect(actions(byGovernment)).toEqual(['chair.nominated']);
    expect(byGovernment[0].affiliation).toMatchObject({ organisationId: g.government.organisation.id, stakeholderGroup: 'government' });
    // The nominee accepted (and so opened the confirmation ballot): civil society; the government's nomination is not among them.
    const byCivilSociety = await search(anonymous(), { q: NOMINEE, group: g.id, stakeholderGroup: 'civil-society' });
    expect(actions(byCivilSociety)).toContain('chair.nomination-accepted');
    expect(actions(byCivilSociety)).not.toContain('chair.nominated');
    expect(byCivilSociety.map((r) => r.affiliation?.stakeholderGroup)).toEqual(byCivilSociety.map(() => 'civil-society'));
    expect(await search(anonymous(), { q: NOMINEE, organisation: g.company.organisation.id })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await search(anonymous(), { q: NOMINEE, group: g.id, from: today, to: today })).length).toBeGreaterThanOrEqual(3);
    expect(await search(anonymous(), { q: NOMINEE, group: g.id, to: '2020-01-01' })).toEqual([]);
    const elsewhere = await newDraftingGroup(t);
    expect(await search(anonymous(), { q: NOMINEE, group: elsewhere.id })).toEqual([]);
  });

  it('an outsider or a visitor does not find a members-only act; a member does, filtered by its document', async () => {
    const issued = { q: 'chair’s text version 2', group: g.id };
    for (const reader of [anonymous(), g.outsider.client]) {
      expect(actions(await search(reader, issued))).not.toContain('version.chairs-text-issued');
      expect(await search(reader, { q: COMMENTER, group: g.id })).toEqual([]);
    }
    const member = await search(g.observer.client, { ...issued, document: doc.id });
    expect(actions(member)).toContain('version.chairs-text-issued');
    expect(member.find((r) => r.status === 'version.chairs-text-issued')).toMatchObject({ target: { document: { id: doc.id }, version: 2 } });
    const commented = await search(g.observer.client, { q: COMMENTER, group: g.id });
    expect(actions(commented)).toEqual(['comment.posted']);
    // The sentence says who commented on what, never the comment's words.
    expect(commented[0].passage.text).not.toContain('we agree');
    expect(await search(g.observer.client, { q: 'we agree', group: g.id })).toEqual([]);
  });

  it('indexes every act again in the feeds’ words when the stored words differ (what the first start after the migration does)', async () => {
    const phrases = t.app.get(SearchAuditPhrases);
    expect(await phrases.sync()).toBe(false);
    await t.dataSource.query(`UPDATE search_audit_phrases SET phrase = 'crowned a chair of {group}' WHERE language = 'en' AND key = 'act:chair.confirmed'`);
    await t.dataSource.query(`DELETE FROM search_entries WHERE kind = 'audit' AND detail = 'chair.nominated'`);
    expect(await phrases.sync()).toBe(true);
    expect(actions(await search(anonymous(), { q: 'confirmation of a chair', group: g.id }))).toEqual(['chair.confirmed']);
    expect(actions(await search(anonymous(), { q: NOMINEE, group: g.id }))).toContain('chair.nominated');
    expect(await search(anonymous(), { q: 'crowned', group: g.id })).toEqual([]);
  });

  it('the two migrations revert and apply again (in a transaction rolled back)', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    const perStatement = async () =>
      (await runner.query(`SELECT c.relname AS table, (t.tgtype & 1) = 0 AS per_statement FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'search_index' AND c.relname IN ('comments', 'version_clauses', 'audit_events') ORDER BY 1`)) as { table: string; per_statement: boolean }[];
    try {
      const [audit, statements] = [new SearchAuditSentences1797400000100(), new SearchStatementTriggers1797400000000()];
      await audit.down(runner);
      await statements.down(runner);
      expect(await perStatement()).toEqual([
        { table: 'comments', per_statement: false },
        { table: 'version_clauses', per_statement: false },
      ]);
      expect(await runner.query(`SELECT 1 FROM search_entries WHERE kind = 'audit'`)).toEqual([]);
      await statements.up(runner);
      await audit.up(runner);
      expect(await perStatement()).toEqual([
        { table: 'audit_events', per_statement: true },
        { table: 'comments', per_statement: true },
        { table: 'version_clauses', per_statement: true },
      ]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('never indexes single votes', async () => {
    const rows: { n: string }[] = await t.dataSource.query(`SELECT count(*) AS n FROM search_entries WHERE kind = 'audit' AND detail LIKE 'vote.%'`);
    expect(Number(rows[0].n)).toBe(0);
  });
});
