import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { twoFactorRequirementRefusal } from '@parley/domain';
import { PARLEY_CONFIG, type ParleyConfig } from '../../platform/config/config';
import type { Actor } from '../actor';
import { TwoFactorRepository } from './two-factor.repository';

/**
 * Which roles of a person require a second factor (decision 0050): steward, focal point, and chair
 * of a group whose setting asks it. The policy layer asks it when it resolves those roles.
 */
@Injectable()
export class TwoFactorRequirement {
  readonly graceDays: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: TwoFactorRepository,
    @Inject(PARLEY_CONFIG) config: ParleyConfig,
  ) {
    this.graceDays = config.twoFactorGraceDays;
  }

  /** When each role of the person that requires a second factor began (null: not recorded, as a steward's). */
  async rolesOf(personId: string): Promise<(Date | null)[]> {
    const rows: { since: Date | null }[] = await this.dataSource.query(
      `SELECT NULL::timestamptz AS since FROM people WHERE id = $1 AND is_steward
       UNION ALL SELECT appointed_at FROM focal_points WHERE person_id = $1 AND ended_at IS NULL
       UNION ALL SELECT t.started_at FROM chair_terms t JOIN working_groups g ON g.id = t.working_group_id
                  WHERE t.person_id = $1 AND g.chairs_require_two_factor AND t.started_at <= now() AND t.ended_at IS NULL AND (t.ends_at IS NULL OR t.ends_at > now())`,
      [personId],
    );
    return rows.map((r) => r.since);
  }

  /** The refusal of a role begun at `roleSince`, for a person by id (the working-group standing loads it in its transaction). */
  async refusalFor(manager: EntityManager, personId: string, roleSince: Date | null, now: Date): Promise<'two-factor-required' | null> {
    return twoFactorRequirementRefusal(await this.repo.standingOf(manager, personId), roleSince, this.graceDays, now);
  }

  /** The same for the signed-in actor, whose two-factor standing came with their session. */
  actorRefusal(actor: Actor, roleSince: Date | null, now: Date): 'two-factor-required' | null {
    return actor.twoFactor ? twoFactorRequirementRefusal(actor.twoFactor, roleSince, this.graceDays, now) : null;
  }
}
