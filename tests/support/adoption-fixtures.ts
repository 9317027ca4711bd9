import type { DocumentResponse, OpenedBallotResponse } from '@parley/contracts';
import { newDraftingGroup, newParisCallDocument, type DraftingGroup } from './drafting-fixtures';
import type { TestApp } from './test-app';

export interface AdoptedDocument {
  g: DraftingGroup;
  doc: DocumentResponse;
  /** The adoption ballot that adopted version 1. */
  ballotId: string;
}

/** The group's voting members (the chair and rapporteur sit as members too). */
export const votersOf = (g: DraftingGroup) => [g.chair, g.rapporteur, g.ngo, g.company, g.government];

/** The Paris Call draft, adopted as version 1 by a chambered ballot every voting member voted yes on (closed early by the chair). */
export async function newAdoptedDocument(t: TestApp, ballot: { visibility?: 'roll-call' | 'secret' } = {}): Promise<AdoptedDocument> {
  const g = await newDraftingGroup(t);
  const doc = await newParisCallDocument(t, g);
  const opened = await g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/1/adoption-ballot`, {
    ...ballot,
    closesAt: new Date(Date.now() + 3600_000).toISOString(),
  });
  if (opened.status !== 201) throw new Error(`adoption ballot: ${opened.status} ${JSON.stringify(opened.body)}`);
  const ballotId = opened.body.ballotId;
  for (const v of votersOf(g)) {
    const res = await v.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'yes' });
    if (res.status !== 200) throw new Error(`vote: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const closed = await g.chair.client.post(`/api/ballots/${ballotId}/close`, { reason: 'Closed early in a test.' });
  if (closed.status !== 200 || closed.body.outcome !== 'passed') throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
  const adopted = await g.chair.client.get<DocumentResponse>(`/api/documents/${doc.id}`);
  return { g, doc: adopted.body, ballotId };
}
