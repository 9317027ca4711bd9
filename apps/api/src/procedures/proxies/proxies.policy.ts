import { refusal, type Verdict } from '@parley/contracts';
import { proxyGiveProblem, type ProxyEndReason, type ProxyGiveFacts } from '@parley/domain';

/** Who may give a proxy to whom (the domain's rule, answered as the API's refusal with the names it needs). */
export function canGiveProxy(f: ProxyGiveFacts, names: { holder: string; currentHolder?: string }): Verdict {
  const problem = proxyGiveProblem(f);
  switch (problem) {
    case null:
      return true;
    case 'proxy-holder-not-voting':
    case 'proxy-holder-gave':
      return refusal(problem, { name: names.holder });
    case 'proxy-other-constituency':
      return refusal(problem, { name: names.holder, within: f.withinStakeholderGroup ? 'stakeholder-group' : 'organisation' });
    case 'proxy-already-given':
      return refusal(problem, { holder: names.currentHolder ?? '' });
    case 'proxy-cap-reached':
      return refusal(problem, { name: names.holder, cap: f.cap });
    default:
      return refusal(problem);
  }
}

/** Only the grantor revokes their proxy, once. */
export function canRevokeProxy(actorId: string, p: { grantorId: string; endReason: ProxyEndReason | null }): Verdict {
  if (p.grantorId !== actorId) return refusal('proxy-not-yours');
  if (p.endReason !== null) return refusal('proxy-ended', { reason: p.endReason });
  return true;
}
