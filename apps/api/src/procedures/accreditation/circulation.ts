import type { AuditActor, Tx } from '../../audit/audited-transaction';
import { circulationEndsAt, decisionBlock, procedureRulesOf, unacknowledgedObjections, workingGroupScope, type ProcedureRules } from '@parley/domain';
import type { AuditChange, JoinDecisionRequest } from '@parley/contracts';
import { refusal } from '@parley/contracts';
import { refuse, refused } from '../../platform/http/problem';
import { circulationOf, insertCirculation, standingObjections } from './accreditation.reads';

/**
 * The two hooks the membership service calls (decision 0039), inside its own transaction:
 * a request made under non-objection starts its circulation; a decision on a circulated request
 * waits for the end of the circulation and takes the standing objections into its record.
 */
export async function startCirculation(
  tx: Tx,
  group: { id: string; procedureRules: Partial<ProcedureRules> | null },
  requestId: string,
  applicantId: string,
  applicant: AuditActor,
): Promise<void> {
  const hours = procedureRulesOf(group.procedureRules).nonObjectionHours;
  const endsAt = circulationEndsAt(tx.now, hours);
  await insertCirculation(tx.manager, { requestId, workingGroupId: group.id, hours, endsAt });
  await tx.record({
    scope: workingGroupScope(group.id),
    actor: applicant,
    action: 'join-request.circulated',
    subjectType: 'join-request',
    subjectId: requestId,
    change: { personId: applicantId, name: applicant.name ?? '', hours, endsAt: endsAt.toISOString() },
  });
}

type ObjectionsInView = NonNullable<AuditChange<'membership.refused'>['objectionsInView']>;

/**
 * Before a chair decides a request: none of this applies to a request not circulated (made under
 * another policy, even if the group's policy changed since). For a circulated one, the decision waits
 * for the end of the circulation; admitting over standing objections needs each acknowledged and a
 * reason. Returns the objections in view, for the admission or refusal event.
 */
export async function objectionsBeforeDecision(tx: Tx, requestId: string, input: JoinDecisionRequest): Promise<ObjectionsInView | undefined> {
  const circulation = await circulationOf(tx.manager, requestId);
  if (!circulation) return undefined;
  if (decisionBlock(circulation.endsAt, tx.now)) throw refuse('circulation-running', { endsAt: circulation.endsAt.toISOString() });
  const standing = await standingObjections(tx.manager, requestId);
  if (input.decision === 'admit' && standing.length > 0) {
    const missing = unacknowledgedObjections(
      standing.map((o) => o.id),
      input.acknowledgedObjections,
    );
    if (missing.length > 0) throw refuse('objections-unacknowledged', { count: missing.length });
    if (!input.reason) throw refused(refusal('reason-for-admitting-over-objections', { count: standing.length }), 'reason');
  }
  return standing.map((o) => ({ objectionId: o.id, personId: o.personId, name: o.personName, snapshot: o.snapshot, reason: o.reason }));
}
