import { subjectsOf } from '@parley/contracts';
import { EventContext, links, type Notice } from './notice';

/** Acts a follower is not told of: votes (a secret ballot's, or anyone's, are not news about a text). */
const QUIET = /^vote\./;

const field = (change: object, key: string): unknown => (change as Record<string, unknown>)[key];
const idIn = (change: object, ...keys: string[]): string | null => {
  for (const k of keys) {
    const v = field(change, k);
    if (typeof v === 'string') return v;
  }
  return null;
};

/**
 * followed-activity: the followers of the group, the document or the clause an act of the group's
 * chain is about (follows table), one notification per act; the deriver drops those another kind
 * already tells of the same act, and the actor.
 */
export async function followedActivity(c: EventContext): Promise<Notice[]> {
  const e = c.event;
  if (!c.groupId || QUIET.test(e.action)) return [];
  const { documentId, ballotId } = subjectsOf(e);
  const clauseId = idIn(e.change, 'clauseId', 'targetClauseId');
  // Only acts after someone followed (the deriver may read an act later than it happened).
  const at = new Date(e.occurredAt).getTime();
  const followers = (await c.lookups.followers(c.groupId, documentId, clauseId)).filter((f) => f.since.getTime() <= at).map((f) => f.id);
  if (followers.length === 0) return [];
  const version = field(e.change, 'version') ?? field(e.change, 'baseVersion') ?? field(e.change, 'number');
  return [
    await c.notice('followed-activity', followers, {
      documentId,
      version: typeof version === 'number' ? version : null,
      label: documentId && typeof version === 'number' ? await c.lookups.clauseLabel(documentId, version, clauseId) : null,
      link: ballotId ? links.ballot(ballotId) : documentId && e.subjectType === 'comment' ? links.comment(documentId, e.subjectId, clauseId) : documentId && clauseId ? links.clause(documentId, clauseId) : undefined,
      facts: { activity: e.action },
    }),
  ];
}
