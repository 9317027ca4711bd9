import { Injectable } from '@nestjs/common';
import type { FollowTarget } from '@parley/domain';
import type { followList } from '@parley/contracts';
import type { z } from 'zod';
import type { Actor } from '../identity/actor';
import { Clock } from '../platform/clock/clock';
import { ProblemException } from '../platform/http/problem';
import { FollowTargets } from './follow-targets';
import { FollowsRepository } from './follows.repository';

type FollowList = z.infer<typeof followList>;

/**
 * Following a working group, a document or a clause (issue #20): its activity then reaches the
 * follower (the notifications context reads the follows table). One may follow only what one can
 * open. Following is private: no audit event, nobody else sees it.
 */
@Injectable()
export class FollowsService {
  constructor(
    private readonly follows: FollowsRepository,
    private readonly targets: FollowTargets,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor): Promise<FollowList> {
    const rows = await this.follows.listOf(actor.id);
    const items: FollowList['items'] = [];
    for (const r of rows) {
      // A clause the reader can no longer open (they left the group while only a members-only version holds it) stays followed but is left out until they can.
      const target = await this.targets.resolve(actor, r.targetType, r.targetId).catch((e: unknown) => {
        if (e instanceof ProblemException && e.problem.status === 404) return null;
        throw e;
      });
      if (!target) continue;
      items.push({
        targetType: r.targetType,
        targetId: r.targetId,
        title: target.title,
        group: { id: target.workingGroupId, name: target.groupName },
        document: target.document,
        link: target.link,
        since: r.createdAt.toISOString(),
      });
    }
    return { items };
  }

  /** Idempotent: following what one already follows keeps the first date. */
  async follow(actor: Actor, type: FollowTarget, id: string): Promise<void> {
    const target = await this.targets.resolve(actor, type, id);
    await this.follows.follow(actor.id, { targetType: type, targetId: id, workingGroupId: target.workingGroupId }, this.clock.now());
  }

  /** Unfollowing what one does not follow is not an error. */
  async unfollow(actor: Actor, type: FollowTarget, id: string): Promise<void> {
    await this.follows.unfollow(actor.id, type, id);
  }
}
