import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { searchByName } from '@parley/domain';
import type { z } from 'zod';
import type { mentionCandidates } from '@parley/contracts';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { authorise, notFound } from '../platform/http/problem';
import { WorkingGroupAccess } from '../working-groups/working-group-access';
import { canListMentionCandidates } from './mention.policy';

type MentionCandidates = z.infer<typeof mentionCandidates>;

/** At most this many candidates are answered. */
export const MAX_CANDIDATES = 10;
/** The members read to search among (a group larger than this is searched among its first members by name). */
const MAX_MEMBERS_READ = 5_000;

/** The members of a group a comment may mention, found by name as the author types (issue #20). */
@Injectable()
export class MentionCandidatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupAccess,
    private readonly people: PeopleService,
    private readonly clock: Clock,
  ) {}

  async search(actor: Actor, workingGroupId: string, q: string): Promise<MentionCandidates> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    if (!(await this.groups.settings(manager, workingGroupId))) throw notFound('working-group');
    authorise(canListMentionCandidates(await this.groups.standing(manager, workingGroupId, actor.id, now), actor.isSteward));
    const found = searchByName(await this.groups.currentMembers(manager, workingGroupId, now, MAX_MEMBERS_READ), q, MAX_CANDIDATES);
    const snapshots = await this.people.snapshotsOf(
      manager,
      found.map((m) => m.personId),
      now,
    );
    return { items: found.map((m) => ({ personId: m.personId, name: m.name, snapshot: snapshots.get(m.personId) ?? null })) };
  }
}
