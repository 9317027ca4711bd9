import type { AmendmentResponse, DocumentResponse } from '@parley/contracts';
import { votersOf } from './adoption-fixtures';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type DraftingGroup } from './drafting-fixtures';
import type { TestApp } from './test-app';

/** The Paris Call draft with one amendment to principle 4 accepted (its ballot closed early by the chair) and not yet consolidated. */
export async function newDraftWithAcceptedAmendment(t: TestApp): Promise<{ g: DraftingGroup; doc: DocumentResponse; amendment: AmendmentResponse }> {
  const g = await newDraftingGroup(t);
  const doc = await newParisCallDocument(t, g);
  const proposed = await g.ngo.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, {
    kind: 'replace',
    baseVersion: 1,
    targetClauseId: clauseByLabel(doc, '4.').id,
    text: 'Prevent theft of trade secrets for commercial advantage, while protecting the work of security researchers.',
    rationale: 'Researchers are not thieves.',
  });
  if (proposed.status !== 201) throw new Error(`propose: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  const balloted = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${proposed.body.id}/ballot`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() });
  if (balloted.status !== 201) throw new Error(`ballot: ${balloted.status} ${JSON.stringify(balloted.body)}`);
  for (const v of votersOf(g)) await v.client.post(`/api/ballots/${balloted.body.ballotId}/votes`, { choice: 'yes' });
  const closed = await g.chair.client.post(`/api/ballots/${balloted.body.ballotId}/close`, { reason: 'Every member has voted.' });
  if (closed.status !== 200) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
  return { g, doc, amendment: balloted.body };
}
