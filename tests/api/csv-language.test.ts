import { demoDraft } from '../support/demo-draft';
import type { BallotListResponse, DocumentListResponse, WorkingGroupListResponse } from '@parley/contracts';
import { CHAIR_TERM_CSV_COLUMNS } from '../../apps/api/src/working-groups/chair-terms.service';
import { DISPOSITION_CSV_COLUMNS } from '../../apps/api/src/drafting/comment.service';
import { ROLL_CALL_COLUMNS, TOTALS_COLUMNS } from '../../apps/api/src/transparency/ballot-votes-export';
import { CSV_HEADER_LABELS, CSV_HEADER_LABELS_FR, csvLanguage } from '../../apps/api/src/platform/http/csv-language';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** A CSV export's header row and first data row as a spreadsheet reads them (byte-order mark dropped). */
async function csv(url: string, headers: Record<string, string> = {}): Promise<{ status: number; header: string; rows: string[] }> {
  const res = await fetch(url, { headers: { accept: 'text/csv', ...headers } });
  const text = (await res.text()).replace(/^\uFEFF/, '');
  const [header, ...rows] = text.replace(/\r\n$/, '').split('\r\n');
  return { status: res.status, header, rows };
}

/**
 * Issue 17: the CSV exports' header row was English in any language. `?lang=fr` (the web's links)
 * or a French Accept-Language gives French labels; the column keys, their order and the cells stay
 * as they were (decision 30).
 */
describe('CSV exports in the reader’s language', () => {
  let t: TestApp;
  let api: ApiClient;
  let groupId: string;
  let documentId: string;
  let ballotId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seed();
    api = new ApiClient(t.baseUrl);
    groupId = (await api.get<WorkingGroupListResponse>('/api/working-groups')).body.items.find((g) => g.name === 'Working group on international norms')!.id;
    documentId = demoDraft((await api.get<DocumentListResponse>(`/api/working-groups/${groupId}/documents`)).body.items).id;
    const ballots = (await api.get<BallotListResponse>(`/api/working-groups/${groupId}/ballots?status=closed`)).body.items;
    ballotId = ballots.find((b) => b.visibility === 'roll-call')!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const exports = () => [
    ['chair terms', `/api/chair-terms.csv?workingGroup=${groupId}`, 'id_mandat,id_groupe_de_travail,groupe_de_travail,id_personne,personne,id_organisation'],
    ['ballot votes', `/api/ballots/${ballotId}/votes.csv`, 'id_scrutin,intitulé_du_scrutin,état_du_scrutin,id_votant,votant,fonction,id_organisation'],
    ['dispositions', `/api/documents/${documentId}/versions/1/dispositions.csv`, 'paragraphe,id_paragraphe,id_commentaire,réponse_à,nature,auteur'],
  ];

  it.each([0, 1, 2])('says the header row in French with ?lang=fr, the same columns and cells as in English (export %#)', async (i) => {
    const [, path, french] = exports()[i];
    const join = path.includes('?') ? '&' : '?';
    const en = await csv(`${t.baseUrl}${path}`);
    const fr = await csv(`${t.baseUrl}${path}${join}lang=fr`);
    expect([en.status, fr.status]).toEqual([200, 200]);
    expect(fr.header.startsWith(french)).toBe(true);
    expect(fr.header.split(',')).toHaveLength(en.header.split(',').length);
    expect(fr.rows).toEqual(en.rows);
    expect(fr.rows.length).toBeGreaterThan(0);
    // English keeps the stable keys, asked for or not.
    expect((await csv(`${t.baseUrl}${path}${join}lang=en`)).header).toBe(en.header);
    expect(en.header).not.toMatch(/[éà]/);
  });

  it('follows a French Accept-Language without ?lang, and ?lang wins over it', async () => {
    const path = `${t.baseUrl}/api/chair-terms.csv?workingGroup=${groupId}`;
    expect((await csv(path, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' })).header.split(',')[0]).toBe('id_mandat');
    expect((await csv(path, { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' })).header.split(',')[0]).toBe('term_id');
    expect((await csv(`${path}&lang=en`, { 'accept-language': 'fr' })).header.split(',')[0]).toBe('term_id');
    expect((await csv(`${t.baseUrl}/api/chair-terms?format=csv&workingGroup=${groupId}`, { 'accept-language': 'fr' })).header.split(',')[0]).toBe('id_mandat');
  });

  it('says the header row in Russian (?lang=ru or a Russian Accept-Language), in Arabic and Chinese too: same columns and cells', async () => {
    const path = `${t.baseUrl}/api/ballots/${ballotId}/votes.csv`;
    const en = await csv(path);
    const ru = await csv(`${path}?lang=ru`);
    expect(ru.status).toBe(200);
    expect(ru.header.startsWith('ид_голосования,название_голосования,статус_голосования,ид_голосующего,голосующий,должность,ид_организации')).toBe(true);
    expect(ru.header.split(',')).toHaveLength(en.header.split(',').length);
    expect(ru.rows).toEqual(en.rows);
    expect(ru.header).not.toMatch(/[A-Za-z]/);
    expect((await csv(path, { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' })).header).toBe(ru.header);
    expect((await csv(`${path}?lang=ar`)).header.split(',')[0]).toBe('معرّف_الاقتراع');
    expect((await csv(path, { 'accept-language': 'zh-CN,zh;q=0.9' })).header.split(',')[0]).toBe('表决编号');
    expect((await csv(`${path}?lang=es`)).header.split(',')[0]).toBe('id_votación');
  });

  it('refuses a language it does not speak, naming the field', async () => {
    const res = await api.get(`/api/ballots/${ballotId}/votes.csv?lang=de`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('lang');
  });

  it('has a label in each of the five other languages for every column key of every export', () => {
    for (const key of [...CHAIR_TERM_CSV_COLUMNS, ...DISPOSITION_CSV_COLUMNS, ...ROLL_CALL_COLUMNS, ...TOTALS_COLUMNS]) {
      expect([key, (CSV_HEADER_LABELS_FR as Record<string, string>)[key]]).toEqual([key, expect.any(String)]);
      for (const lang of ['ar', 'zh', 'ru', 'es'] as const)
        expect([lang, key, (CSV_HEADER_LABELS[lang] as Record<string, string>)[key]]).toEqual([lang, key, expect.any(String)]);
    }
    expect(csvLanguage(undefined, 'fr-CA')).toBe('fr');
    expect(csvLanguage(undefined, undefined)).toBe('en');
    expect(csvLanguage(undefined, 'de-DE,fr;q=0.3,en;q=0.2')).toBe('fr');
  });
});
