import { PLATFORM_SCOPE, type AuditEvent } from '@parley/domain';
import { parseRoom, roomName, type RoomName } from '@parley/contracts';

/**
 * Which rooms one audit event belongs to. Pure and total: the live publisher and the replay both
 * use it, so what a client replays is exactly what it would have received live.
 *
 * - the chain's own room: `platform`, or `wg:<id>` for a working group's chain;
 * - `doc:<id>` when the event is about a document: its subject is the document, or its change
 *   names it (`documentId`, as comments, amendments and versions record it);
 * - `ballot:<id>` when the event is about a ballot: its subject is the ballot (opened, closed,
 *   votes), or its change names it (`ballotId`).
 */
export function roomsOf(event: Pick<AuditEvent, 'scope' | 'subjectType' | 'subjectId' | 'change'>): RoomName[] {
  const rooms: RoomName[] = [];
  if (event.scope === PLATFORM_SCOPE) return [roomName.platform()];
  const chainRoom = parseRoom(event.scope);
  if (!chainRoom || chainRoom.kind !== 'wg') return rooms; // a chain no room shows
  rooms.push(chainRoom.name);
  const documentId = event.subjectType === 'document' ? event.subjectId : idIn(event.change, 'documentId');
  if (documentId) rooms.push(roomName.document(documentId));
  const ballotId = event.subjectType === 'ballot' ? event.subjectId : idIn(event.change, 'ballotId');
  if (ballotId) rooms.push(roomName.ballot(ballotId));
  return rooms.filter((r) => parseRoom(r) !== null);
}

function idIn(change: Record<string, unknown>, key: string): string | null {
  const v = change?.[key];
  return typeof v === 'string' ? v : null;
}

/** The chain a platform or working-group room shows (documents and ballots are looked up: see RoomDirectory). */
export function chainOfGroupRoom(room: RoomName): string | null {
  const parsed = parseRoom(room);
  if (!parsed) return null;
  if (parsed.kind === 'platform') return PLATFORM_SCOPE;
  if (parsed.kind === 'wg') return parsed.name;
  return null;
}
