import type { AmendmentResponse, DocumentResponse, LanguageVersionsResponse, SavedTranslationResponse } from '@parley/contracts';
import type { Delegate, DraftingGroup } from './drafting-fixtures';
import { ApiClient } from './http-client';
import type { TestApp } from './test-app';

/** Three short clauses in English: small enough that every translation is written out in a test. */
export const SHORT_TEXT = [
  { kind: 'operative' as const, text: 'States shall cooperate to prevent malicious cyber activity.' },
  { kind: 'operative' as const, text: 'Critical infrastructure shall be protected.' },
  { kind: 'operative' as const, text: 'Electoral processes shall be protected from interference.' },
];
export const FRENCH = ['Les États coopèrent pour prévenir les cyberactivités malveillantes.', 'Les infrastructures critiques sont protégées.', 'Les processus électoraux sont protégés de toute ingérence.'];
export const ARABIC = ['تتعاون الدول لمنع الأنشطة السيبرانية الخبيثة.', 'تُحمى البنى التحتية الحيوية.', 'تُحمى العمليات الانتخابية من التدخل.'];

export async function newShortDocument(g: DraftingGroup, originalLanguage?: string): Promise<DocumentResponse> {
  const res = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'Cyber principles', clauses: SHORT_TEXT, ...(originalLanguage ? { originalLanguage } : {}) });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function translate(who: Delegate, doc: { id: string }, version: number, clauseId: string, language: string, text: string): Promise<SavedTranslationResponse> {
  const res = await who.client.post<SavedTranslationResponse>(`/api/documents/${doc.id}/versions/${version}/translations`, { clauseId, language, text });
  if (res.status !== 201) throw new Error(`translate: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function translateAll(who: Delegate, doc: DocumentResponse, language: string, texts: readonly string[]): Promise<void> {
  for (const [i, c] of doc.version.clauses.entries()) await translate(who, doc, doc.version.number, c.id, language, texts[i]);
}

export async function languageVersions(t: TestApp, documentId: string, version: number, query = '', client = new ApiClient(t.baseUrl)) {
  return client.get<LanguageVersionsResponse>(`/api/documents/${documentId}/versions/${version}/language-versions${query}`);
}

/** The group's voting members accept `a` by ballot (chair closes early), and the rapporteur consolidates the next version. */
export async function acceptAndConsolidate(g: DraftingGroup, doc: { id: string }, a: AmendmentResponse): Promise<DocumentResponse> {
  const opened = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${a.id}/ballot`, {});
  if (opened.status !== 201) throw new Error(`ballot: ${opened.status} ${JSON.stringify(opened.body)}`);
  for (const v of [g.chair, g.rapporteur, g.ngo, g.company, g.government]) await v.client.post(`/api/ballots/${opened.body.ballotId}/votes`, { choice: 'yes' });
  const closed = await g.chair.client.post(`/api/ballots/${opened.body.ballotId}/close`, { reason: 'Closed early in a test.' });
  if (closed.status !== 200) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
  const res = await g.rapporteur.client.post<DocumentResponse>(`/api/documents/${doc.id}/versions`, { note: 'Consolidated.' });
  if (res.status !== 201) throw new Error(`consolidate: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
