import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ChairTermRepository } from './chair-term.repository';
import { WorkingGroupAccess } from './working-group-access';
import type { PolicyStanding } from './working-group.policy';
import type { WorkingGroupRow } from './working-group.repository';

/** Loads what the policy functions need about one person in one group. */
@Injectable()
export class WorkingGroupStandings {
  constructor(
    private readonly access: WorkingGroupAccess,
    private readonly terms: ChairTermRepository,
  ) {}

  async of(manager: EntityManager, group: Pick<WorkingGroupRow, 'id' | 'status'>, personId: string, now: Date): Promise<PolicyStanding> {
    const standing = await this.access.standing(manager, group.id, personId, now);
    return { ...standing, groupStatus: group.status, groupHasConfirmedChair: await this.terms.hasConfirmedChair(manager, group.id, now) };
  }
}
