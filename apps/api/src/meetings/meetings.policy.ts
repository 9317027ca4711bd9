import { refusal, type Verdict } from '@parley/contracts';
import { canEdit, type DraftingStanding } from '../drafting/drafting.policy';
import { canAct } from '../policy/standing';

/**
 * Who acts in a meeting (decision 0043), as pure functions over the actor's standing in the meeting's
 * group (services check the meeting's status, a state, not a right):
 * - chairs and rapporteurs run it (schedule, change, agenda, open, close, take up an item, record
 *   others present, add others to the list of speakers, give and end the floor): `editors-only`;
 * - members (voting or observing) with a current affiliation attend: `meeting-members-only`;
 * - the speaker acts on their own request (withdraw, end their turn); the one who runs the meeting on anyone's.
 */
export const canRunMeeting = canEdit;

export function canAttend(s: DraftingStanding): Verdict {
  const base = canAct(s);
  if (base !== true) return base;
  return s.membership !== null ? true : refusal('meeting-members-only');
}

/** Acting for another person (recording them present, adding them to the list) is running the meeting. */
export function canActFor(s: DraftingStanding, personId: string, actorId: string): Verdict {
  return personId === actorId ? canAttend(s) : canRunMeeting(s);
}

/** Withdrawing a request or ending a turn: the speaker's own, or anyone's for the one who runs the meeting. */
export function canActOnRequest(s: DraftingStanding, request: { personId: string }, actorId: string): Verdict {
  if (request.personId === actorId) return true;
  return canRunMeeting(s) === true ? true : refusal('floor-not-yours');
}

/** Whether the reader sees the online address: members of the group and those who run it. */
export const seesOnlineUrl = (s: DraftingStanding): boolean => s.membership !== null || s.isChair;
