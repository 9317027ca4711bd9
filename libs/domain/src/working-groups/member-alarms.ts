import { isConfirmed } from '../identity/affiliation-confirmation';
import { firstByName } from './alarm-names';
import { day, earliest, listOfSome, toIsoDatetime } from './alarm-text';
import { alarm, type CaptureAlarm } from './capture-alarm';
import { isVotingMember, type WorkingGroupMember } from './membership';

/**
 * One alarm counting every voting member with no current affiliation and naming the first of
 * them by name. `since` is the earliest known end of those affiliations, among all of them (null
 * when no end date is known).
 */
export function affiliationEndedAlarms(members: readonly WorkingGroupMember[]): CaptureAlarm<'member-affiliation-ended'>[] {
  const people = members
    .filter((m) => isVotingMember(m) && m.currentAffiliation === null)
    .map((m) => ({ personId: m.personId, name: m.name, endedOn: m.affiliationEndedOn ?? null }));
  if (people.length === 0) return [];
  const since = earliest(people.map((p) => (p.endedOn === null ? null : toIsoDatetime(p.endedOn))));
  const named = firstByName(people);
  const message =
    people.length === 1
      ? `${people[0].name}, a voting member, has had no current affiliation${since === null ? '' : ` since ${day(since)}`}.`
      : `${people.length} voting members have no current affiliation${since === null ? '' : `, the first since ${day(since)}`}: ` +
        `${listOfSome(named.map((p) => (p.endedOn === null ? p.name : `${p.name} (ended ${day(p.endedOn)})`)), people.length)}.`;
  return [alarm('member-affiliation-ended', { people: named, count: people.length }, message, since)];
}

/**
 * One alarm counting every voting member whose current organisation is not verified and naming
 * the first of them by name. A person's `since` is their admission when they still act for the
 * organisation they joined with, else unknown; the alarm's `since` is the earliest known of all.
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
  const named = firstByName(people);
  const message =
    people.length === 1
      ? `${people[0].name}, a voting member, has acted for ${people[0].organisationName}, an unverified organisation` +
        `${since === null ? '' : `, since ${day(since)}`}.`
      : `${people.length} voting members act for unverified organisations${since === null ? '' : `, the first since ${day(since)}`}: ` +
        `${listOfSome(named.map((p) => `${p.name} (${p.organisationName})`), people.length)}.`;
  return [alarm('member-affiliation-unverified', { people: named, count: people.length }, message, since)];
}

/**
 * One alarm counting (and naming the first by name of) every voting member acting under an affiliation their organisation has not
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
  const named = firstByName(people);
  const message =
    people.length === 1
      ? `${people[0].name}, a voting member, acts with an affiliation to ${people[0].organisationName} that the organisation has not confirmed.`
      : `${people.length} voting members act with affiliations their organisations have not confirmed: ${listOfSome(named.map((p) => `${p.name} (${p.organisationName})`), people.length)}.`;
  return [alarm('member-affiliation-unconfirmed', { people: named, count: people.length }, message, null)];
}
