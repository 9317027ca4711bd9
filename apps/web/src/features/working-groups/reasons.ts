import type { TFunction } from 'i18next';

/**
 * The policy's reasons come from the API in English (`allowed.*` and 403 details). The ones this
 * feature shows are translated here; anything else is shown as the server wrote it.
 */
const KNOWN: [RegExp, (t: TFunction) => string][] = [
  [/^You need a current affiliation to take part/, (t) => t('workingGroups.reasons.needsAffiliation')],
  [/^This working group is closed$/, (t) => t('workingGroups.reasons.closed')],
  [/^You are already a member of this working group$/, (t) => t('workingGroups.reasons.alreadyMember')],
  [/^You have already asked to join/, (t) => t('workingGroups.reasons.alreadyAsked')],
  [/^Only members of this working group can do this$/, (t) => t('workingGroups.reasons.membersOnly')],
  [/^Only a chair of this working group/, (t) => t('workingGroups.reasons.chairsOnly')],
  [/^Sign in to do this$/, (t) => t('workingGroups.reasons.signIn')],
  [/^You are not a member of this working group$/, (t) => t('workingGroups.reasons.notMember')],
  [/^Only a member of this working group can be nominated/, (t) => t('workingGroups.reasons.nomineeNotMember')],
  [/^Only voting members of this working group can nominate a chair$/, (t) => t('workingGroups.reasons.votingMembersNominate')],
  [/^Only a voting member of this working group can be nominated/, (t) => t('workingGroups.reasons.nomineeNotVoting')],
  [/^Only voting members of this working group can propose removing a chair$/, (t) => t('workingGroups.reasons.votingMembersRemoveChair')],
  [/^A ballot on removing this chair is already open$/, (t) => t('workingGroups.reasons.removalBallotOpen')],
  [/already chairs this working group$/, (t) => t('workingGroups.reasons.alreadyChair')],
  [/already has an open nomination/, (t) => t('workingGroups.reasons.openNomination')],
];

export function reasonText(t: TFunction, reason: string): string {
  for (const [pattern, render] of KNOWN) if (pattern.test(reason)) return render(t);
  return reason;
}
