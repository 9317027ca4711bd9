import { Injectable } from '@nestjs/common';
import { workingGroupScope } from '@parley/domain';
import type { ChairsTwoFactorResponse } from '@parley/contracts';
import { AuditedTransaction } from '../../audit/audited-transaction';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { authorise, notFound, refuse } from '../../platform/http/problem';
import { stewardRole } from '../../policy/permissions';
import { WorkingGroupStandings } from '../working-group-standing';
import { canSetChairsTwoFactor } from '../working-group.policy';
import { WorkingGroupRepository } from '../working-group.repository';

/** A working group's setting "chairs must use two-factor authentication" (decision 0050): off unless a chair or a steward turns it on;
 * only a chair with a second factor, or a steward, turns it off. */
@Injectable()
export class ChairsTwoFactorService {
  constructor(
    private readonly groups: WorkingGroupRepository,
    private readonly standings: WorkingGroupStandings,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
  ) {}

  set(actor: Actor, groupId: string, required: boolean): Promise<ChairsTwoFactorResponse> {
    return this.tx.run(async (tx) => {
      const group = await this.groups.lockGroup(tx.manager, groupId);
      if (!group) throw notFound('working-group');
      authorise(canSetChairsTwoFactor(await this.standings.of(tx.manager, group, actor.id, tx.now), stewardRole(actor)));
      const [{ before }] = await tx.manager.query(`SELECT chairs_require_two_factor AS before FROM working_groups WHERE id = $1`, [groupId]);
      if (before === required) return { required };
      // Turning it off is no way out of it: a chair does so with a second factor of their own (a steward's is checked by their role).
      if (!required && stewardRole(actor) !== true && !actor.twoFactor?.enabled) throw refuse('two-factor-required');
      await tx.manager.query(`UPDATE working_groups SET chairs_require_two_factor = $2 WHERE id = $1`, [groupId, required]);
      await tx.record({
        scope: workingGroupScope(groupId),
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'working-group.chairs-two-factor-set',
        subjectType: 'working-group',
        subjectId: groupId,
        change: { required },
      });
      return { required };
    });
  }
}
