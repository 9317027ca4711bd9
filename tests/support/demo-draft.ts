import type { DocumentResponse, DocumentSummary, WorkingGroupListResponse } from '@parley/contracts';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { ApiClient } from './http-client';
import type { TestApp } from './test-app';

/**
 * The international norms group's draft of the Paris Call among the group's documents: the demo also
 * gives the group short procedural texts (put under silence, decision 0036), so "the first document"
 * is not the draft.
 */
export const demoDraft = <T extends { title: string }>(items: T[]): T => {
  const draft = items.find((i) => i.title.startsWith('Paris Call'));
  if (!draft) throw new Error('the demo’s norms group has no Paris Call draft');
  return draft;
};

/** Loads the demo into a test app and reads the norms group's Paris Call draft at its current version. */
export async function seedDemoDraft(t: TestApp): Promise<DocumentResponse> {
  await t.app.get(DemoSeeder).seed();
  const api = new ApiClient(t.baseUrl);
  const groups = (await api.get<WorkingGroupListResponse>('/api/working-groups')).body;
  const norms = groups.items.find((g) => g.name === 'Working group on international norms')!;
  const list = (await api.get<{ items: DocumentSummary[] }>(`/api/working-groups/${norms.id}/documents`)).body;
  return (await api.get<DocumentResponse>(`/api/documents/${demoDraft(list.items).id}`)).body;
}
