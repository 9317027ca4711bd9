import { isConfirmed } from '../identity/affiliation-confirmation';
import { day, earliest, listOf, toIsoDatetime } from './alarm-text';
import { alarm, type CaptureAlarm } from './capture-alarm';
import { isVotingMember, type WorkingGroupMember } from './membership';

/**
 * One alarm listing every voting member with no current affiliation. `since` is the earliest
 * known end of those affiliations (null when no end date is known).
 */
export function affiliationEndedAlarms(members: readonly WorkingGroupMember[]): CaptureAlarm<'member-affiliation-ended'>[] {
  const people = members
    .filter((m) => isVotingMember(m) && m.currentAffiliation === null)
    .map((m) => ({ personId: m.personId, name: m.name, endedOn: m.affiliationEndedOn ?? null }));
  if (people.length === 0) return [];
  const since = earliest(people.map((p) => (p.endedOn === null ? null : toIsoDatetime(p.endedOn))));
  const message =
    people.length === 1
      ? `${people[0].name}, a voting member, has had no current affiliation${since === null ? '' : ` since ${day(since)}`}.`
      : `${people.length} voting members have no current affiliation${since === null ? '' : `, the first since ${day(since)}`}: ` +
        `${listOf(people.map((p) => (p.endedOn === null ? p.name : `${p.name} (ended ${day(p.endedOn)})`)))}.`;
  return [alarm('member-affiliation-ended', { people }, message, since)];
}

/**
 * One alarm listing every voting member whose current organisation is not verified. A person's
 * `since` is their admission when they still act for the organisation they joined with, else
 * unknown; the alarm's `since` is the earliest known.
 */
export function affiliationUnverifiedAlarms(members: readonly WorkingGroupMember[]): CaptureAlarm<'member-affiliation-unverified'>[] {
  const people = members.flatMap((m) => {
    const current = m.currentAffiliation;
    if (!isVotingMember(m) || current === null || m.currentAffiliationVerified) return [];
    const sameOrganisation = current.organisationId === m.admissionSnapshot.organisationId;
    return [
      {
        personId: m.personId,
        name: m.name,
        organisationId: current.organisationId,
        organisationName: current.organisationName,
        since: sameOrganisation ? toIsoDatetime(m.admittedAt) : null,
      },
    ];
  });
  if (people.length === 0) return [];
  const since = earliest(people.map((p) => p.since));
  const message =
    people.length === 1
      ? `${people[0].name}, a voting member, has acted for ${people[0].organisationName}, an unverified organisation` +
        `${since === null ? '' : `, since ${day(since)}`}.`
      : `${people.length} voting members act for unverified organisations${since === null ? '' : `, the first since ${day(since)}`}: ` +
        `${listOf(people.map((p) => `${p.name} (${p.organisationName})`))}.`;
  return [alarm('member-affiliation-unverified', { people }, message, since)];
}

/**
 * One alarm listing every voting member acting under an affiliation their organisation has not
 * confirmed (pending, refused or ended): they speak for nobody but themselves. Undated: the
 * confirmation state is read today, not kept as a history here (the audit log has it).
 */
export function affiliationUnconfirmedAlarms(members: readonly WorkingGroupMember[]): CaptureAlarm<'member-affiliation-unconfirmed'>[] {
  const people = members.flatMap((m) => {
    const current = m.currentAffiliation;
    if (!isVotingMember(m) || current === null || isConfirmed(current)) return [];
    return [{ personId: m.personId, name: m.name, organisationId: current.organisationId, organisationName: current.organisationName }];
  });
  if (people.length === 0) return [];
  const message =
    people.length === 1
      ? `${people[0].name}, a voting member, acts with an affiliation to ${people[0].organisationName} that the organisation has not confirmed.`
      : `${people.length} voting members act with affiliations their organisations have not confirmed: ${listOf(people.map((p) => `${p.name} (${p.organisationName})`))}.`;
  return [alarm('member-affiliation-unconfirmed', { people }, message, null)];
}
