import type { TypedAuditEvents } from '@parley/contracts';
import { EventContext, links, type Notice } from './notice';

/** ballot.opened: each voter of the frozen electorate; an amendment's sponsors when it is put to the vote. Votes notify nobody (a secret ballot says nothing of who voted how). */
export async function ballotOpened(c: EventContext, e: TypedAuditEvents['ballot.opened']): Promise<Notice[]> {
  const ch = e.change;
  const at = { link: links.ballot(e.subjectId), title: ch.title, facts: { closesAt: ch.closesAt } };
  const out = [await c.notice('ballot-opened', ch.electorate.voterIds, at)];
  if (ch.subject.type === 'amendment' && ch.subject.id) out.unshift(await c.notice('amendment-balloted', await c.lookups.amendmentSponsors(ch.subject.id), { ...at, ...(await c.lookups.amendmentPlace(ch.subject.id)) }));
  return out;
}

/** ballot.closed: everyone who could vote, with the outcome (public once closed). */
export async function ballotClosed(c: EventContext, e: TypedAuditEvents['ballot.closed']): Promise<Notice[]> {
  const title = await c.lookups.ballotTitle(e.subjectId);
  return [await c.notice('ballot-closed', await c.lookups.electors(e.subjectId), { link: links.ballot(e.subjectId), title, facts: { outcome: e.change.outcome } })];
}
