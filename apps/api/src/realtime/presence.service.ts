import { Injectable, Logger } from '@nestjs/common';
import { parseRoom, type PresenceSnapshot, type PresentPerson, type RoomName } from '@parley/contracts';
import type { LiveServer, LiveSocketData } from './live-socket';
import { showsPresence } from './room.policy';

/** Joins and leaves within this window make one presence update. */
export const PRESENCE_DEBOUNCE_MS = 150;
/** How long a presence lookup waits for the other instances. */
const FETCH_TIMEOUT_MS = 3_000;

/**
 * Who is in a document or ballot room, across every instance. There is no presence table: the
 * truth is the set of connections in the room, which the adapter can list on all instances
 * (`fetchSockets`), each carrying its viewer (name and affiliation snapshot, taken at the handshake).
 *
 * - A join or a leave on this instance schedules a recount, debounced, broadcast to the room on every instance.
 * - A disconnect is a leave: immediate for a closed tab, within ping interval + timeout (10 s) for a lost network.
 * - An instance that dies takes its connections with it; nobody is left to announce their leave, so each
 *   instance recounts its rooms periodically (`refresh`) and tells its own clients when the count differs.
 */
@Injectable()
export class PresenceService {
  private readonly log = new Logger('Presence');
  private server: LiveServer | null = null;
  private readonly pending = new Map<RoomName, NodeJS.Timeout>();
  private readonly lastShown = new Map<RoomName, string>();
  private closed = false;

  attach(server: LiveServer): void {
    this.server = server;
  }

  /** Someone came or went: recount soon. */
  changed(room: RoomName): void {
    const parsed = parseRoom(room);
    if (this.closed || !parsed || !showsPresence(parsed) || this.pending.has(room)) return;
    const timer = setTimeout(() => {
      this.pending.delete(room);
      void this.broadcast(room);
    }, PRESENCE_DEBOUNCE_MS);
    timer.unref();
    this.pending.set(room, timer);
  }

  async snapshot(room: RoomName): Promise<PresenceSnapshot> {
    if (!this.server) return { room, people: [], anonymous: 0, at: new Date().toISOString() };
    const sockets = await this.server.in(room).timeout(FETCH_TIMEOUT_MS).fetchSockets();
    return presenceOf(
      room,
      sockets.map((s) => s.data),
    );
  }

  /** Recounts the presence rooms this instance has clients in; tells them when it changed. */
  async refresh(): Promise<void> {
    const server = this.server;
    if (!server || this.closed) return;
    const local = server.of('/').adapter.rooms;
    for (const room of [...this.lastShown.keys()]) if (!local.has(room)) this.lastShown.delete(room);
    for (const room of [...local.keys()]) {
      const parsed = parseRoom(room);
      if (!parsed || !showsPresence(parsed)) continue;
      try {
        const snap = await this.snapshot(parsed.name);
        const signature = signatureOf(snap);
        if (this.lastShown.get(parsed.name) === signature) continue;
        this.lastShown.set(parsed.name, signature);
        server.local.to(parsed.name).emit('presence', snap);
      } catch (e) {
        this.log.debug(`presence of ${room}: ${(e as Error).message}`);
      }
    }
  }

  /** Recounts these rooms now and tells every instance (an instance going down announces its viewers' leave). */
  async announceNow(rooms: RoomName[], timeoutMs: number): Promise<void> {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    const all = Promise.all(rooms.map((r) => this.broadcast(r)));
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  close(): void {
    this.closed = true;
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }

  private async broadcast(room: RoomName): Promise<void> {
    if (!this.server || this.closed) return;
    try {
      const snap = await this.snapshot(room);
      if (this.closed) return;
      this.lastShown.set(room, signatureOf(snap));
      this.server.to(room).emit('presence', snap);
    } catch (e) {
      // Another instance did not answer in time (it may be going down); the periodic refresh will tell.
      this.log.warn(`presence of ${room}: ${(e as Error).message}`);
    }
  }
}

/** One entry per signed-in person (however many tabs), sorted by name; the rest counted as anonymous. */
export function presenceOf(room: RoomName, sockets: Pick<LiveSocketData, 'viewer'>[], at = new Date()): PresenceSnapshot {
  const people = new Map<string, PresentPerson>();
  let anonymous = 0;
  for (const s of sockets) {
    if (s.viewer) people.set(s.viewer.id, s.viewer);
    else anonymous++;
  }
  return {
    room,
    people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    anonymous,
    at: at.toISOString(),
  };
}

function signatureOf(p: PresenceSnapshot): string {
  return `${p.anonymous}|${p.people.map((x) => `${x.id}:${x.snapshot?.affiliationId ?? ''}`).join(',')}`;
}
