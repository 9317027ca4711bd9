import { day, listOf, toIsoDatetime } from './alarm-text';
import { alarm, type CaptureAlarm, type AlarmChairRef } from './capture-alarm';
import { isTermOverdue, termAsOf, type ChairTerm } from './chair-term';
import { chairAffiliation } from './composition';
import type { WorkingGroupMember } from './membership';
import { latestOnset } from './onset';

type ChairAlarmCode = 'chairs-single-stakeholder-group' | 'chairs-single-organisation' | 'chair-unconfirmed' | 'chair-term-expired';

/** Chair alarms at `now`, from all of a group's chair terms (past ones help date the situation). */
export function chairAlarms(terms: readonly ChairTerm[], members: readonly WorkingGroupMember[], now: Date): CaptureAlarm<ChairAlarmCode>[] {
  const membersById = new Map(members.map((m) => [m.personId, m]));
  const known = terms.filter((t) => Date.parse(t.startedAt) <= now.getTime()).map((t) => termAsOf(t, now));
  const acting = known.filter((t) => t.endedAt === null);
  const refOf = (t: ChairTerm): AlarmChairRef => ({
    termId: t.id,
    personId: t.personId,
    name: membersById.get(t.personId)?.name ?? t.personId,
    organisationName: chairAffiliation(t, membersById).organisationName,
  });
  const groupOf = (t: ChairTerm) => chairAffiliation(t, membersById).stakeholderGroup;
  const organisationOf = (t: ChairTerm) => chairAffiliation(t, membersById).organisationId;

  const alarms: CaptureAlarm<ChairAlarmCode>[] = [];
  // With a single chair "all chairs from one group" is trivially true: only two or more chairs count.
  if (acting.length >= 2) {
    const chairs = acting.map(refOf);
    const [first] = acting;
    if (acting.every((t) => groupOf(t) === groupOf(first))) {
      const group = groupOf(first);
      const since = sameKeyOnset(known, groupOf, group);
      alarms.push(
        alarm('chairs-single-stakeholder-group', { stakeholderGroup: group, chairs }, allChairsFrom(chairs, group, since), since),
      );
    }
    if (acting.every((t) => organisationOf(t) === organisationOf(first))) {
      const { organisationId, organisationName } = chairAffiliation(first, membersById);
      const since = sameKeyOnset(known, organisationOf, organisationId);
      alarms.push(
        alarm('chairs-single-organisation', { organisationId, organisationName, chairs }, allChairsFrom(chairs, organisationName, since), since),
      );
    }
  }
  for (const t of acting.filter((t) => t.confirmingBallotId === null)) {
    const ref = refOf(t);
    const since = toIsoDatetime(t.startedAt);
    alarms.push(
      alarm(
        'chair-unconfirmed',
        { ...ref, startedAt: since },
        `${ref.name} (${ref.organisationName}) has chaired since ${day(since)} without a confirming ballot.`,
        since,
      ),
    );
  }
  for (const t of acting.filter((t) => isTermOverdue(t, now))) {
    const ref = refOf(t);
    const since = toIsoDatetime(t.endsAt as string);
    alarms.push(
      alarm(
        'chair-term-expired',
        { ...ref, endsAt: since },
        `${ref.name} (${ref.organisationName}) is still chairing although the term ended on ${day(since)}.`,
        since,
      ),
    );
  }
  return alarms;
}

/** Since when two or more chairs have acted at once, all sharing `key`. */
function sameKeyOnset(known: readonly ChairTerm[], keyOf: (t: ChairTerm) => string, key: string): string | null {
  const instants = known.flatMap((t) => (t.endedAt === null ? [t.startedAt] : [t.startedAt, t.endedAt]));
  return latestOnset(instants, (ms) => {
    const acting = known.filter((t) => Date.parse(t.startedAt) <= ms && (t.endedAt === null || Date.parse(t.endedAt) > ms));
    return acting.length >= 2 && acting.every((t) => keyOf(t) === key);
  });
}

function allChairsFrom(chairs: readonly AlarmChairRef[], from: string, since: string | null): string {
  const who = listOf(chairs.map((c) => `${c.name} (${c.organisationName})`));
  const lead = chairs.length === 2 ? 'Both chairs' : `All ${chairs.length} chairs`;
  const verb = since === null ? 'are' : 'have been';
  return `${lead} ${verb} from ${from}${since === null ? '' : ` since ${day(since)}`}: ${who}.`;
}
