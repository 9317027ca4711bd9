import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FollowTarget } from '@parley/domain';

export interface FollowRow {
  targetType: FollowTarget;
  targetId: string;
  workingGroupId: string;
  createdAt: Date;
}

/** How many follows one person's list reads (newest first). */
export const MAX_FOLLOWS_LISTED = 500;

/** The follows table: what each person follows (issue #20). Private: nothing here is audited. */
@Injectable()
export class FollowsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Follows a target; following it again changes nothing (the first date stays). */
  async follow(personId: string, f: Omit<FollowRow, 'createdAt'>, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO follows (person_id, target_type, target_id, working_group_id, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_id, target_type, target_id) DO NOTHING`,
      [personId, f.targetType, f.targetId, f.workingGroupId, at],
    );
  }

  async unfollow(personId: string, targetType: FollowTarget, targetId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM follows WHERE person_id = $1 AND target_type = $2 AND target_id = $3`, [personId, targetType, targetId]);
  }

  listOf(personId: string): Promise<FollowRow[]> {
    return this.dataSource.query(
      `SELECT target_type AS "targetType", target_id AS "targetId", working_group_id AS "workingGroupId", created_at AS "createdAt"
         FROM follows WHERE person_id = $1 ORDER BY created_at DESC, target_type, target_id LIMIT $2`,
      [personId, MAX_FOLLOWS_LISTED],
    );
  }
}
