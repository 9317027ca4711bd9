import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { notFound } from '../platform/http/problem';
import { WorkingGroupAccess, WorkingGroupSettings, type LedGroup } from '../working-groups/working-group-access';
import { anonymousStanding, DraftingStanding } from './drafting.policy';

/** Loads what the drafting policy needs about one person in one working group, through the working groups' read interface. */
@Injectable()
export class DraftingStandings {
  constructor(private readonly groups: WorkingGroupAccess) {}

  async settings(manager: EntityManager, workingGroupId: string): Promise<WorkingGroupSettings> {
    const settings = await this.groups.settings(manager, workingGroupId);
    if (!settings) throw notFound('working-group');
    return settings;
  }

  /** The groups not closed where the person chairs, is rapporteur or convenes (the working groups' read interface). */
  ledGroups(manager: EntityManager, personId: string, now: Date): Promise<LedGroup[]> {
    return this.groups.ledGroups(manager, personId, now);
  }

  /** The standing of `personId` (or of an anonymous reader) in the group, with the group's status. */
  async of(manager: EntityManager, workingGroupId: string, personId: string | null, now: Date): Promise<DraftingStanding> {
    const settings = await this.settings(manager, workingGroupId);
    if (personId === null) return anonymousStanding(settings.status);
    return { ...(await this.groups.standing(manager, workingGroupId, personId, now)), groupStatus: settings.status };
  }
}
