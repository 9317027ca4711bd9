import type { AuditEvent } from '@parley/domain';
import { PRESENCE_ROOM_KINDS, refusal, type LiveActor, type NotFoundResource, type RoomKind, type Verdict, type LiveEvent, type ParsedRoom, type RoomName, type TypedAuditEvent, type VoteAction } from '@parley/contracts';
import { choicesVisible } from '../decisions/ballot.policy';
import type { BallotTallyMode, BallotVisibility } from '../decisions/open-ballot-spec';
import { aboutOf } from './room-mapping';
import { typedEvent } from './typed-event';

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
export interface RoomFacts {
  /** The chain the room shows. */
  scope: string;
}

/** What a 404 names for a room that does not exist (the platform's always does). */
const RESOURCE_OF_ROOM: Record<Exclude<RoomKind, 'platform'>, NotFoundResource> = { wg: 'working-group', doc: 'document', ballot: 'ballot', meeting: 'meeting' };

export function joinVerdict(room: ParsedRoom, facts: RoomFacts | null): Verdict {
  if (!facts) return room.kind === 'platform' ? refusal('live-unavailable') : refusal('not-found', { resource: RESOURCE_OF_ROOM[room.kind] });
  // Every room shows public data (see the spec's "Transparency"); the redaction below is what keeps votes private.
  switch (room.kind) {
    case 'platform':
    case 'wg':
    case 'doc':
    case 'ballot':
    case 'meeting':
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

export const VOTE_ACTIONS: ReadonlySet<string> = new Set<VoteAction>(['vote.cast', 'vote.changed']);

export function isVote(event: Pick<AuditEvent, 'action'>): boolean {
  return VOTE_ACTIONS.has(event.action);
}

const isVoteAction = (action: string): action is VoteAction => VOTE_ACTIONS.has(action);

/** The ballot an event is about (a vote's is its subject), as the catalogue says. */
export function ballotIdOf(event: AuditEvent): string | null {
  return aboutOf(event).ballotId;
}

/**
 * The event as rooms show it. `ballot` is the ballot's disclosure for a vote (null when unknown:
 * then the vote is treated as secret, failing closed). Votes are only ever cast on open ballots, so
 * their disclosure is decided as for an open ballot.
 */
export function liveView(event: AuditEvent, room: RoomName, ballot: BallotDisclosure | null): LiveEvent {
  const base = { room, scope: event.scope, sequence: event.sequence, occurredAt: event.occurredAt, subjectId: event.subjectId };
  const actor = { id: event.actorId, name: event.actorName, snapshot: event.actorSnapshot };
  const parsed = typedEvent(event);
  if (isVoteAction(event.action)) {
    const vote = parsed.typed && (parsed.event.action === 'vote.cast' || parsed.event.action === 'vote.changed') ? parsed.event : null;
    if (vote && ballot && choicesVisible({ status: 'open', ...ballot }))
      return { ...base, action: vote.action, subjectType: vote.subjectType, actor, change: vote.change, redacted: null };
    if (vote && ballot && ballot.visibility === 'roll-call') {
      // Who voted is on the roll call; what they chose is not, until the ballot closes.
      return {
        ...base,
        action: vote.action,
        subjectType: vote.subjectType,
        actor,
        change: { changes: vote.change.changes, countedUnder: vote.change.countedUnder },
        redacted: 'choice',
      };
    }
    // A secret ballot, unknown terms, or a vote the catalogue cannot read: nothing of who or what.
    return { ...base, action: event.action, subjectType: 'ballot', actor: null, change: {}, redacted: 'vote' };
  }
  if (!parsed.typed) return { ...base, action: event.action, subjectType: event.subjectType, actor, change: event.change, redacted: 'unreadable' };
  return shown(parsed.event, base, actor);
}

/** A typed event as recorded: its action, subject type and change, which go together by action. */
function shown(e: TypedAuditEvent, base: Pick<LiveEvent, 'room' | 'scope' | 'sequence' | 'occurredAt' | 'subjectId'>, actor: LiveActor): LiveEvent {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- what a room does not show of the stored event
  const { scope, sequence, occurredAt, subjectId, actorId, actorName, actorSnapshot, changeDigest, previousHash, hash, withheld, ...recorded } = e;
  return { ...base, ...recorded, actor, redacted: null };
}
