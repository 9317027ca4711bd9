import { refusal, type JoinRequestStatus, type Verdict } from '@parley/contracts';
import { decisionBlock, objectionBlock } from '@parley/domain';
import { canAct } from '../../policy/standing';
import { canDecideJoinRequests, type PolicyStanding } from '../../working-groups/working-group.policy';

/**
 * Who may object to a circulated join request, withdraw an objection, and change the group's rules
 * of procedure (decision record 0039), as pure functions answering `true` or the refusal.
 * - A voting member or a chair objects (observers take no part in the group's decisions), with a
 *   current affiliation, never on their own request, while the request circulates, once at a time.
 * - Only the objector withdraws their objection, while the request is pending.
 * - Those who decide join requests (a chair, or the convener while no chair is confirmed) change the
 *   join policy and the rules of procedure.
 */
export function canObject(s: PolicyStanding, request: { personId: string; status: JoinRequestStatus; endsAt: Date }, actorId: string, hasStandingObjection: boolean, now: Date): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  const block = objectionBlock(
    { kind: s.membership?.kind ?? null, isChair: s.isChair, isApplicant: request.personId === actorId, hasStandingObjection },
    { pending: request.status === 'pending', endsAt: request.endsAt },
    now,
  );
  switch (block) {
    case null:
      return true;
    case 'not-a-voting-member':
      return refusal('voting-members-object');
    case 'own-request':
      return refusal('own-request-objection');
    case 'not-pending':
      return refusal('request-decided', { status: request.status as Exclude<JoinRequestStatus, 'pending'> });
    case 'circulation-over':
      return refusal('circulation-over', { endsAt: request.endsAt.toISOString() });
    case 'already-objected':
      return refusal('already-objected');
  }
}

/** Withdrawing needs nothing but being the objector: someone whose affiliation ended may still lift their objection. */
export function canWithdrawObjection(actorId: string, objection: { personId: string; withdrawnAt: Date | null }): Verdict {
  if (actorId !== objection.personId) return refusal('objector-only-withdraws');
  if (objection.withdrawnAt !== null) return refusal('objection-withdrawn');
  return true;
}

/** Whether the viewer may decide a circulated request now: a decider, once the circulation has ended. */
export function canDecideCirculated(s: PolicyStanding, endsAt: Date, now: Date): Verdict {
  const base = canDecideJoinRequests(s);
  if (base !== true) return base;
  return decisionBlock(endsAt, now) ? refusal('circulation-running', { endsAt: endsAt.toISOString() }) : true;
}

export function canChangeRules(s: PolicyStanding): Verdict {
  const base = canDecideJoinRequests(s);
  if (base === true) return true;
  return base.code === 'deciders-only' ? refusal('deciders-only-rules') : base;
}
