import { firstByName } from './alarm-names';
import { percent, sincePhrase } from './alarm-text';
import { isOrganisationAboveCap, isShareAboveCap } from './caps';
import { alarm, type CaptureAlarm } from './capture-alarm';
import type { Composition } from './composition';
import { compositionAffiliation, isVotingMember, type WorkingGroupMember } from './membership';
import { latestOnset } from './onset';

/**
 * One alarm per stakeholder group holding strictly more than the cap share of voting members.
 * `since` replays today's voting members in order of admission (each counted under the
 * affiliation composition uses today) and gives the admission that last pushed the group above.
 */
export function stakeholderGroupCapAlarms(
  composition: Composition,
  members: readonly WorkingGroupMember[],
): CaptureAlarm<'stakeholder-group-above-cap'>[] {
  const { votingMembers, caps } = composition;
  const voting = members.filter(isVotingMember);
  return composition.stakeholderGroupsAboveCap.map((group) => {
    const { count, share } = votingMembers.byStakeholderGroup[group];
    const since = latestOnset(
      voting.map((m) => m.admittedAt),
      (ms) => {
        const admitted = voting.filter((m) => Date.parse(m.admittedAt) <= ms);
        const inGroup = admitted.filter((m) => compositionAffiliation(m).stakeholderGroup === group).length;
        return isShareAboveCap(inGroup, admitted.length, caps);
      },
    );
    const capShare = caps.maxStakeholderGroupShare;
    return alarm(
      'stakeholder-group-above-cap',
      { stakeholderGroup: group, count, votingMembers: votingMembers.total, share, capShare },
      `${group} holds ${count} of ${votingMembers.total} voting members (${percent(share, capShare)}), ` +
        `above the ${percent(capShare)} cap${sincePhrase(since)}.`,
      since,
    );
  });
}

/**
 * One alarm per organisation with strictly more voting members than the cap. `since` is the
 * admission of the member that took it above the cap, among today's voting members.
 */
export function organisationCapAlarms(
  composition: Composition,
  members: readonly WorkingGroupMember[],
): CaptureAlarm<'organisation-above-cap'>[] {
  const { caps } = composition;
  return composition.organisationsAboveCap.map((organisation) => {
    const own = members
      .filter((m) => isVotingMember(m) && compositionAffiliation(m).organisationId === organisation.organisationId)
      .sort((a, b) => Date.parse(a.admittedAt) - Date.parse(b.admittedAt));
    const since = latestOnset(
      own.map((m) => m.admittedAt),
      (ms) => isOrganisationAboveCap(own.filter((m) => Date.parse(m.admittedAt) <= ms).length, caps),
    );
    const cap = caps.maxVotingMembersPerOrganisation;
    return alarm(
      'organisation-above-cap',
      {
        organisationId: organisation.organisationId,
        organisationName: organisation.organisationName,
        stakeholderGroup: organisation.stakeholderGroup,
        count: organisation.count,
        cap,
        people: firstByName(own.map((m) => ({ personId: m.personId, name: m.name }))),
      },
      `${organisation.organisationName} has ${organisation.count} voting members, ` +
        `above the cap of ${cap} per organisation${sincePhrase(since)}.`,
      since,
    );
  });
}
