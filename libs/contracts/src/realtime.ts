import type { z } from 'zod';
import type { AffiliationSnapshot } from '@parley/domain';
import type { AuditAction, AuditChange, AuditSubjectTypeOf, voteWithoutChoice } from './audit';
import type { StatedRefusal } from './refusals/catalogue';
import type { NotificationView } from './notifications/views';

/**
 * Live collaboration over socket.io: the typed event maps both the API and the web use.
 *
 * A room is a view over one audit chain:
 *   `platform`        the platform chain (organisations, affiliations, declarations)
 *   `wg:<id>`         a working group's chain, every event of it
 *   `doc:<id>`        the events of that chain about one document (its comments, amendments, versions)
 *   `ballot:<id>`     the events of that chain about one ballot (votes are redacted when the ballot
 *                     does not show choices: secret ballots, or tallies hidden until close)
 *   `meeting:<id>`    the events of that chain about one meeting (its agenda, attendance, the floor):
 *                     what a meeting page and the room screen follow
 *
 * Every event carries its chain (`scope`) and `sequence`. A client keeps, per room, the last sequence
 * it has seen, and joins with it (`after`); the server sends the room's events it missed, in order,
 * then the live ones, never twice. The join acknowledgement gives the chain position the room is
 * now at; the client keeps the larger of that and its own.
 */

export const ROOM_KINDS = ['platform', 'wg', 'doc', 'ballot', 'meeting'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export type RoomName = 'platform' | `wg:${string}` | `doc:${string}` | `ballot:${string}` | `meeting:${string}`;

export type ParsedRoom = { kind: 'platform'; id: null; name: 'platform' } | { kind: 'wg' | 'doc' | 'ballot' | 'meeting'; id: string; name: RoomName };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A room name as sent over the wire, or null when it is not one (ids are lower-case uuids). */
export function parseRoom(name: unknown): ParsedRoom | null {
  if (name === 'platform') return { kind: 'platform', id: null, name: 'platform' };
  if (typeof name !== 'string' || name.length > 60) return null;
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon);
  const id = name.slice(colon + 1);
  if ((kind === 'wg' || kind === 'doc' || kind === 'ballot' || kind === 'meeting') && UUID.test(id)) return { kind, id, name: name as RoomName };
  return null;
}

export const roomName = {
  platform: (): RoomName => 'platform',
  workingGroup: (id: string): RoomName => `wg:${id}`,
  document: (id: string): RoomName => `doc:${id}`,
  ballot: (id: string): RoomName => `ballot:${id}`,
  meeting: (id: string): RoomName => `meeting:${id}`,
};

/** Rooms that show who is here. */
export const PRESENCE_ROOM_KINDS: readonly RoomKind[] = ['doc', 'ballot'];

/** How many rooms one connection may be in at once. */
export const MAX_ROOMS_PER_CONNECTION = 50;

/** A chain may have moved this far past a client's last sequence before the server stops replaying and asks for a resync. */
export const MAX_REPLAY = 2000;

// ---------- client → server ----------

export interface JoinRoomRequest {
  room: RoomName;
  /**
   * The last sequence of the room's chain this client has seen in this room; omit (or null) when it
   * has seen none (a page that has just loaded its data over HTTP).
   */
  after?: number | null;
}

/**
 * A refused join: a code of the refusal catalogue (REFUSALS: `not-found`, `not-a-room`,
 * `not-a-sequence`, `too-many-rooms`, `joins-too-fast`, `live-unavailable`) with its facts and the
 * API's English `detail`, as responses carry verdicts; the web says it from the code.
 */
export type JoinRoomRefused = { ok: false; room: string } & StatedRefusal;

/** Join requests one connection may make: a burst of this many (enough to rejoin every room after a reconnect), then this many per second. */
export const JOIN_BURST = 50;
export const JOINS_PER_SECOND = 10;

export type JoinRoomResult =
  | {
      ok: true;
      room: RoomName;
      scope: string;
      /** The chain position this room is now consistent with: replayed events went out before this answer, live ones follow it. */
      sequence: number;
      /** How many missed events were sent before this answer. */
      replayed: number;
      /**
       * True when the server could not replay (no `after`, too far behind, or ahead of the chain):
       * what the client holds may be stale, so it should reload the room's data over HTTP.
       */
      resync: boolean;
    }
  | JoinRoomRefused;

export interface LeaveRoomRequest {
  room: RoomName;
}

export interface ClientToServerEvents {
  'room:join': (request: JoinRoomRequest, ack: (result: JoinRoomResult) => void) => void;
  'room:leave': (request: LeaveRoomRequest, ack?: (result: { ok: boolean }) => void) => void;
  /** Who is in a presence room now (also pushed as `presence` whenever it changes). */
  'presence:get': (request: LeaveRoomRequest, ack: (presence: PresenceSnapshot | null) => void) => void;
}

// ---------- server → client ----------

export interface LiveActor {
  id: string | null;
  name: string | null;
  /** The actor's affiliation at the moment of the act. */
  snapshot: AffiliationSnapshot | null;
}

interface LiveEventBase {
  room: RoomName;
  scope: string;
  sequence: number;
  occurredAt: string;
  subjectId: string;
}

/** An event shown as recorded: its action (the audit action, used as is) with the catalogue's subject type and change. */
type ShownLiveEvents = {
  [A in AuditAction]: LiveEventBase & { action: A; subjectType: AuditSubjectTypeOf<A>; actor: LiveActor; change: AuditChange<A>; redacted: null };
};
export type VoteAction = 'vote.cast' | 'vote.changed';

/**
 * One audit event as a room shows it: switch on `redacted`, then on `action`.
 * - `null`: as recorded, typed by the catalogue (libs/contracts/src/audit/).
 * - `choice`: a vote whose choice and reason are not shown yet (roll-call ballot with tallies hidden until close).
 * - `vote`: a vote on a secret ballot (or one whose terms are unknown): only that a vote was cast or changed, nothing of who or what.
 * - `unreadable`: a stored event the catalogue cannot read (see parseAuditEvent), passed on as stored.
 * - `withheld`: an event quoting the text of a version still circulated to members only (decision 0041): who acted, not what (members refetch it).
 */
export type LiveEvent =
  | ShownLiveEvents[AuditAction]
  | (LiveEventBase & { action: VoteAction; subjectType: 'ballot'; actor: LiveActor; change: z.infer<typeof voteWithoutChoice>; redacted: 'choice' })
  | (LiveEventBase & { action: VoteAction; subjectType: 'ballot'; actor: null; change: Record<string, never>; redacted: 'vote' })
  | (LiveEventBase & { action: string; subjectType: string; actor: LiveActor; change: Record<string, unknown>; redacted: 'unreadable' })
  | (LiveEventBase & { action: string; subjectType: string; actor: LiveActor; change: Record<string, never>; redacted: 'withheld' });

export interface PresentPerson {
  id: string;
  name: string;
  snapshot: AffiliationSnapshot | null;
}

export interface PresenceSnapshot {
  room: RoomName;
  /** Signed-in people viewing the room, once each however many tabs they have open, by name. */
  people: PresentPerson[];
  /** Viewers who are not signed in. */
  anonymous: number;
  at: string;
}

export interface ResyncNotice {
  room: RoomName;
  scope: string;
  sequence: number;
  reason: 'gap-too-large';
}

export interface ServerToClientEvents {
  'live:event': (event: LiveEvent) => void;
  presence: (presence: PresenceSnapshot) => void;
  /** The server lost track of a room's chain (far too many events at once): reload the room's data. */
  'room:resync': (notice: ResyncNotice) => void;
  /**
   * Issue #20: to the signed-in person's own connections only (every socket of a session joins its
   * person's private channel on connect, no room to ask for): a new notification for them, or their
   * unread count after they read some in another tab.
   */
  'notification:new': (push: NotificationPush) => void;
  'notification:unread': (push: { unread: number }) => void;
}

/** A notification as pushed live: the item (as GET /api/me/notifications lists it) and the unread count after it. */
export interface NotificationPush {
  notification: NotificationView;
  unread: number;
}
