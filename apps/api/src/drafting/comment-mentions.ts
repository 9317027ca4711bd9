import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mentionsIn } from '@parley/domain';
import type { RecordedMention } from '@parley/contracts';
import { PeopleService } from '../identity/people.service';
import { WorkingGroupAccess } from '../working-groups/working-group-access';

/** How many people one comment may mention (more tokens stay plain text). */
export const MAX_MENTIONS = 20;

/**
 * The mentions a comment records (issue #20): each `@[Name](person-id)` token of its body whose id
 * is a current member (voting or observing) or chair of the document's group — who can open the
 * document, members-only versions included — with that person's name and affiliation now. A token
 * naming anyone else (an unknown id, a non-member, a departed member) is not refused: it stays text
 * and is not recorded, so nobody is notified and nothing tells the author whether that id exists.
 */
@Injectable()
export class CommentMentions {
  constructor(
    private readonly groups: WorkingGroupAccess,
    private readonly people: PeopleService,
  ) {}

  async resolve(manager: EntityManager, workingGroupId: string, body: string, now: Date): Promise<RecordedMention[]> {
    const tokens = mentionsIn(body, MAX_MENTIONS);
    if (tokens.length === 0) return [];
    const members = new Map(
      (
        await this.groups.currentMembersAmong(
          manager,
          workingGroupId,
          tokens.map((m) => m.personId),
          now,
        )
      ).map((m) => [m.personId, m.name]),
    );
    const found = tokens.filter((m) => members.has(m.personId));
    const snapshots = await this.people.snapshotsOf(
      manager,
      found.map((m) => m.personId),
      now,
    );
    return found.map((m) => ({ personId: m.personId, name: members.get(m.personId)!, snapshot: snapshots.get(m.personId) ?? null }));
  }
}

/** The `mentions` key of comment.posted: absent when there are none, so such events keep the shape they had before #20. */
export const mentionsChange = (mentions: RecordedMention[]): { mentions?: RecordedMention[] } => (mentions.length > 0 ? { mentions } : {});
