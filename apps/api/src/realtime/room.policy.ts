import type { AuditEvent } from '@parley/domain';
import { PRESENCE_ROOM_KINDS, type LiveEvent, type ParsedRoom, type RoomName } from '@parley/contracts';
import { choicesVisible } from '../decisions/ballot.policy';
import type { BallotTallyMode, BallotVisibility } from '../decisions/open-ballot-spec';

/**
 * What a live room may show, as small pure functions (tables of cases in room.policy.test.ts).
 *
 * Joining follows reading over HTTP: working groups, documents, ballots and the platform chain are
 * public, so anyone, signed in or not, may join a room that exists. What differs is what a room
 * carries: a vote is shown with its choice only when the ballot shows choices (roll-call with live
 * tallies); on a roll-call ballot with tallies hidden until close the voter is shown, not the choice;
 * on a secret ballot neither, only that a vote was cast or changed (clients refetch the public count).
 * The same rule applies in every room a vote reaches (the group's and the ballot's).
 */
export type Verdict = true | string;

export interface RoomFacts {
  /** The chain the room shows. */
  scope: string;
}

export const ROOM_NOT_FOUND = 'There is nothing to follow here: no such working group, document or ballot';

export function joinVerdict(room: ParsedRoom, facts: RoomFacts | null): Verdict {
  if (!facts) return ROOM_NOT_FOUND;
  // Every room shows public data (see the spec's "Transparency"); the redaction below is what keeps votes private.
  switch (room.kind) {
    case 'platform':
    case 'wg':
    case 'doc':
    case 'ballot':
      return true;
  }
}

export function showsPresence(room: ParsedRoom): boolean {
  return PRESENCE_ROOM_KINDS.includes(room.kind);
}

/** A ballot's terms that decide what its votes show; fixed when it opens. */
export interface BallotDisclosure {
  visibility: BallotVisibility;
  tallies: BallotTallyMode;
}

export const VOTE_ACTIONS: ReadonlySet<string> = new Set(['vote.cast', 'vote.changed']);

export function isVote(event: Pick<AuditEvent, 'action'>): boolean {
  return VOTE_ACTIONS.has(event.action);
}

/** The ballot a vote is about: its subject, or the `ballotId` its change names. */
export function ballotIdOf(event: Pick<AuditEvent, 'subjectType' | 'subjectId' | 'change'>): string | null {
  if (event.subjectType === 'ballot') return event.subjectId;
  const id = event.change?.ballotId;
  return typeof id === 'string' ? id : null;
}

/**
 * The event as rooms show it. `ballot` is the ballot's disclosure for a vote (null when unknown:
 * then the vote is treated as secret, failing closed). Votes are only ever cast on open ballots, so
 * their disclosure is decided as for an open ballot.
 */
export function liveView(event: AuditEvent, room: RoomName, ballot: BallotDisclosure | null): LiveEvent {
  const base = {
    room,
    scope: event.scope,
    sequence: event.sequence,
    action: event.action,
    occurredAt: event.occurredAt,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
  };
  const actor = { id: event.actorId, name: event.actorName, snapshot: event.actorSnapshot };
  if (!isVote(event)) return { ...base, actor, change: event.change, redacted: null };
  if (ballot && choicesVisible({ status: 'open', ...ballot })) return { ...base, actor, change: event.change, redacted: null };
  if (ballot && ballot.visibility === 'roll-call') {
    // Who voted is on the roll call; what they chose is not, until the ballot closes.
    return { ...base, actor, change: pick(event.change, ['changes', 'countedUnder']), redacted: 'choice' };
  }
  return { ...base, actor: null, change: {}, redacted: 'vote' };
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}
