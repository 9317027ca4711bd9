import type { DocumentResponse } from '@parley/contracts';
import type { DraftingGroup } from './drafting-fixtures';

/** The text of the paragraph the members-only chair's text adds: no reader outside the group may meet it. */
export const MEMBERS_ONLY_TEXT = 'Calls upon the capitals to consult their cyber agencies before the Geneva session';

/** The chair issues version 2 of `doc` as a chair's text kept to members for an hour, adding one paragraph; its id. */
export async function issueMembersOnlyVersion(g: DraftingGroup, doc: DocumentResponse): Promise<{ version: DocumentResponse; clauseId: string }> {
  const clauses = [...doc.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text })), { kind: 'operative', text: MEMBERS_ONLY_TEXT }];
  const res = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/chairs-texts`, {
    label: 'Zero draft',
    standing: 'draft',
    office: 'chair',
    clauses,
    membersOnlyUntil: new Date(Date.now() + 3_600_000).toISOString(),
  });
  if (res.status !== 201) throw new Error(`members-only version: ${res.status} ${JSON.stringify(res.body)}`);
  return { version: res.body, clauseId: res.body.version.clauses.find((c) => c.text === MEMBERS_ONLY_TEXT)!.id };
}
