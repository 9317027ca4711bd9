import { excerptOf, replyKind, withoutMentionMarkup } from '@parley/domain';
import type { TypedAuditEvents } from '@parley/contracts';
import { EventContext, links, type Notice } from './notice';

/**
 * comment.posted: the author of the comment replied to (clarification-answered when a chair answers
 * a clarification question), each member mentioned, and the chairs for a new clarification question.
 */
export async function commentPosted(c: EventContext, e: TypedAuditEvents['comment.posted']): Promise<Notice[]> {
  const ch = e.change;
  const at = {
    documentId: ch.documentId,
    version: ch.version,
    label: await c.lookups.clauseLabel(ch.documentId, ch.version, ch.clauseId),
    link: links.comment(ch.documentId, e.subjectId, ch.clauseId),
    facts: { excerpt: excerptOf(withoutMentionMarkup(ch.body)) },
  };
  const out: Notice[] = [];
  const groupId = c.groupId;
  if (ch.parentId) {
    const parent = await c.lookups.comment(ch.parentId);
    if (parent) {
      const byChair = groupId !== null && (await c.lookups.chairs(groupId)).includes(e.actorId ?? '');
      out.push(await c.notice(replyKind(parent.kind, byChair), [parent.authorId], at));
    }
  }
  if (ch.mentions?.length && groupId) {
    // Only current members, who can open the document (a mention of someone who left tells nobody).
    const members = new Set(await c.lookups.members(groupId));
    out.push(await c.notice('mentioned', ch.mentions.map((m) => m.personId).filter((p) => members.has(p)), at));
  }
  if (ch.kind === 'clarification' && !ch.parentId && groupId) out.push(await c.notice('clarification-unanswered', await c.lookups.chairs(groupId), at));
  return out;
}

export async function commentDisposed(c: EventContext, e: TypedAuditEvents['comment.disposed']): Promise<Notice[]> {
  const ch = e.change;
  const comment = await c.lookups.comment(e.subjectId);
  return [
    await c.notice('comment-disposed', [comment?.authorId], {
      documentId: ch.documentId,
      version: ch.version,
      label: await c.lookups.clauseLabel(ch.documentId, ch.version, comment?.clauseId ?? null),
      link: links.comment(ch.documentId, e.subjectId, comment?.clauseId),
      facts: { disposition: ch.disposition },
    }),
  ];
}

/** amendment.proposed: the chairs, when the group decides amendments on the chair's recommendations. */
export async function amendmentProposed(c: EventContext, e: TypedAuditEvents['amendment.proposed']): Promise<Notice[]> {
  const group = c.groupId ? await c.lookups.group(c.groupId) : null;
  if (!group?.usesRecommendations) return [];
  return [await c.notice('amendment-awaiting-recommendation', await c.lookups.chairs(group.id), { documentId: e.change.documentId, version: e.change.baseVersion, label: await c.lookups.clauseLabel(e.change.documentId, e.change.baseVersion, e.change.targetClauseId ?? null) })];
}

export async function amendmentCosponsored(c: EventContext, e: TypedAuditEvents['amendment.cosponsored']): Promise<Notice[]> {
  return [await c.notice('cosponsorship-requested', [await c.lookups.amendmentAuthor(e.subjectId)], { ...(await c.lookups.amendmentPlace(e.subjectId)), facts: { way: 'cosponsored' } })];
}

export async function amendmentDecided(c: EventContext, e: TypedAuditEvents['amendment.accepted'] | TypedAuditEvents['amendment.rejected']): Promise<Notice[]> {
  const decision = e.action === 'amendment.accepted' ? 'accepted' : 'rejected';
  return [await c.notice('amendment-decided', await c.lookups.amendmentSponsors(e.subjectId), { ...(await c.lookups.amendmentPlace(e.subjectId)), facts: { decision } })];
}

export async function amendmentOutdated(c: EventContext, e: TypedAuditEvents['amendment.outdated']): Promise<Notice[]> {
  return [await c.notice('amendment-outdated', await c.lookups.amendmentSponsors(e.subjectId), await c.lookups.amendmentPlace(e.subjectId))];
}
