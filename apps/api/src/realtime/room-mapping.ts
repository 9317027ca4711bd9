import { PLATFORM_SCOPE, type AuditEvent } from '@parley/domain';
import { parseRoom, roomName, subjectsOf, type EventSubjects, type RoomName } from '@parley/contracts';
import { typedEvent } from './typed-event';

/**
 * Which rooms one audit event belongs to. Pure and total: the live publisher and the replay both
 * use it, so what a client replays is exactly what it would have received live.
 *
 * - the chain's own room: `platform`, or `wg:<id>` for a working group's chain;
 * - `doc:<id>` and `ballot:<id>` for the document and ballot the event is about, as the catalogue
 *   says for each action (subjectsOf); an event the catalogue cannot read goes only where its
 *   subject is a document or a ballot;
 * - `meeting:<id>` for every event whose subject is a meeting.
 */
export function roomsOf(event: AuditEvent): RoomName[] {
  const rooms: RoomName[] = [];
  if (event.scope === PLATFORM_SCOPE) return [roomName.platform()];
  const chainRoom = parseRoom(event.scope);
  if (!chainRoom || chainRoom.kind !== 'wg') return rooms; // a chain no room shows
  rooms.push(chainRoom.name);
  const { documentId, ballotId } = aboutOf(event);
  if (documentId) rooms.push(roomName.document(documentId));
  if (ballotId) rooms.push(roomName.ballot(ballotId));
  if (event.subjectType === 'meeting') rooms.push(roomName.meeting(event.subjectId));
  return rooms.filter((r) => parseRoom(r) !== null);
}

/** The document and ballot an event is about. */
export function aboutOf(event: AuditEvent): Pick<EventSubjects, 'documentId' | 'ballotId'> {
  const parsed = typedEvent(event);
  if (parsed.typed) return subjectsOf(parsed.event);
  return { documentId: event.subjectType === 'document' ? event.subjectId : null, ballotId: event.subjectType === 'ballot' ? event.subjectId : null };
}

/** The chain a platform or working-group room shows (documents and ballots are looked up: see RoomDirectory). */
export function chainOfGroupRoom(room: RoomName): string | null {
  const parsed = parseRoom(room);
  if (!parsed) return null;
  if (parsed.kind === 'platform') return PLATFORM_SCOPE;
  if (parsed.kind === 'wg') return parsed.name;
  return null;
}
