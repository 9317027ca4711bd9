import { Injectable, Logger } from '@nestjs/common';
import { parseRoom, type PresenceSnapshot, type PresentPerson, type RoomName } from '@parley/contracts';
import type { LiveServer, LiveSocketData, PresencePart } from './live-socket';
import { showsPresence } from './room.policy';

/** Joins and leaves within this window make one presence update (in a small room; a crowded one waits longer, below). */
export const PRESENCE_DEBOUNCE_MS = 150;
/** The longest a presence update waits, however crowded the room. */
export const PRESENCE_DEBOUNCE_MAX_MS = 2_000;

/**
 * How long joins and leaves are gathered before one presence update, for a room with this many
 * viewers here. Each update is written to every viewer, so while thousands arrive a fixed window
 * sends the room's size again and again: writes grow with the square of the crowd (5,000 viewers
 * joining took minutes, decision 0056). A window of about a millisecond per viewer keeps those
 * writes to some thousand a second at any size, and a small room as quick as before.
 */
export function presenceDelay(viewers: number): number {
  return Math.min(PRESENCE_DEBOUNCE_MAX_MS, Math.max(PRESENCE_DEBOUNCE_MS, viewers));
}
/** How long a presence lookup waits for the other instances. */
const FETCH_TIMEOUT_MS = 3_000;

/**
 * Who is in a document or ballot room, across every instance. There is no presence table: the
 * truth is the set of connections in the room, each carrying its viewer (name and affiliation
 * snapshot, taken at the handshake). Each instance counts its own connections and answers the
 * others with that count (`presence:part`: the people, once each, and how many anonymous): a
 * room of 1,000 anonymous viewers is one number on the wire. `fetchSockets` sent every socket's
 * handshake through the adapter instead, some 250 KB for 500 viewers at every recount, encoded
 * on one instance's event loop while it was fanning events out (decision 0056); it remains the
 * fallback when another instance does not answer (an older one, during a rolling deploy).
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
    server.on('presence:part', (room, answer) => {
      if (typeof answer === 'function' && parseRoom(room)) answer(this.localPart(room));
    });
  }

  /** Someone came or went: recount soon. */
  changed(room: RoomName): void {
    const parsed = parseRoom(room);
    if (this.closed || !parsed || !showsPresence(parsed) || this.pending.has(room)) return;
    const timer = setTimeout(
      () => {
        this.pending.delete(room);
        void this.broadcast(room);
      },
      presenceDelay(this.server?.of('/').adapter.rooms.get(room)?.size ?? 0),
    );
    timer.unref();
    this.pending.set(room, timer);
  }

  async snapshot(room: RoomName): Promise<PresenceSnapshot> {
    const server = this.server;
    if (!server) return { room, people: [], anonymous: 0, at: new Date().toISOString() };
    try {
      const others = await this.otherParts(server, room);
      return mergePresence(room, [this.localPart(room), ...others]);
    } catch (e) {
      this.log.debug(`presence of ${room}: ${(e as Error).message}; listing the room's sockets instead`);
      const sockets = await server.in(room).timeout(FETCH_TIMEOUT_MS).fetchSockets();
      return presenceOf(
        room,
        sockets.map((s) => s.data),
      );
    }
  }

  /** This instance's own viewers of a room. */
  private localPart(room: RoomName): PresencePart {
    const server = this.server;
    const ids = server?.of('/').adapter.rooms.get(room);
    if (!server || !ids) return { people: [], anonymous: 0 };
    const sockets = server.of('/').sockets;
    const present: Pick<LiveSocketData, 'viewer'>[] = [];
    for (const id of ids) {
      const socket = sockets.get(id);
      if (socket) present.push(socket.data);
    }
    return presencePart(present);
  }

  /** Every other instance's part; rejects when one does not answer in time (the caller falls back to listing sockets). */
  private otherParts(server: LiveServer, room: RoomName): Promise<PresencePart[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('presence: no answer from the other instances')), FETCH_TIMEOUT_MS);
      timer.unref();
      server.serverSideEmit('presence:part', room, (error: Error | null, parts: PresencePart[]) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(Array.isArray(parts) ? parts : []);
      });
    });
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
  return mergePresence(room, [presencePart(sockets)], at);
}

/** One instance's viewers of a room: each signed-in person once, and how many are not signed in. */
export function presencePart(sockets: Pick<LiveSocketData, 'viewer'>[]): PresencePart {
  const people = new Map<string, PresentPerson>();
  let anonymous = 0;
  for (const s of sockets) {
    if (s.viewer) people.set(s.viewer.id, { id: s.viewer.id, name: s.viewer.name, snapshot: s.viewer.snapshot });
    else anonymous++;
  }
  return { people: [...people.values()], anonymous };
}

/** The instances' parts as one snapshot: a person with tabs on two instances is listed once. */
export function mergePresence(room: RoomName, parts: PresencePart[], at = new Date()): PresenceSnapshot {
  const people = new Map<string, PresentPerson>();
  let anonymous = 0;
  for (const part of parts) {
    for (const person of part.people) people.set(person.id, person);
    anonymous += part.anonymous;
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
