import { Injectable } from '@nestjs/common';
import { workingGroupScope } from '@parley/domain';
import { AuditedTransaction } from '../audit/audited-transaction';
import { PeopleService } from '../identity/people.service';
import { notFound, refuse } from '../platform/http/problem';
import { ChairTermRepository } from './chair-term.repository';
import { WorkingGroupRepository } from './working-group.repository';

/**
 * Importing chair history that happened outside Parley (the demo's Paris Call groups): a term with
 * NO confirming ballot, which is exactly what the chair-unconfirmed alarm reports. There is no HTTP
 * route for it; chairs made on the platform are confirmed by ballot.
 */
@Injectable()
export class ChairHistoryService {
  constructor(
    private readonly groups: WorkingGroupRepository,
    private readonly terms: ChairTermRepository,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
  ) {}

  importUnconfirmedTerm(groupId: string, personId: string, source: string): Promise<string> {
    return this.tx.run(async (tx) => {
      const group = await this.groups.lockGroup(tx.manager, groupId);
      if (!group) throw notFound('working-group');
      const member = await this.groups.currentMembership(tx.manager, groupId, personId);
      if (!member) throw refuse('chair-term-needs-member');
      if (await this.terms.openTermOf(tx.manager, groupId, personId)) throw refuse('already-chairs', { name: member.personName });
      const snapshot = await this.people.snapshotOf(tx.manager, personId, tx.now);
      if (!snapshot) throw refuse('chair-term-without-affiliation', { name: member.personName });
      const termId = await this.terms.insertTerm(tx.manager, { workingGroupId: groupId, personId, snapshot, confirmingBallotId: null, nominationId: null, startedAt: tx.now, endsAt: null });
      const activated = group.status === 'forming';
      if (activated) await this.groups.setStatus(tx.manager, groupId, 'active');
      await tx.record({
        scope: workingGroupScope(groupId),
        actor: { id: null, name: null, snapshot: null },
        action: 'chair.imported',
        subjectType: 'chair-term',
        subjectId: termId,
        change: { personId, name: member.personName, snapshot, confirmingBallotId: null, startedAt: tx.now.toISOString(), source, ...(activated ? { groupStatus: 'active' } : {}) },
      });
      return termId;
    });
  }
}
