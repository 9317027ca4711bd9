import type { AuditEvent } from '@parley/domain';
import { MAX_REPLAY, refusal, type JoinRoomResult, type LiveEvent, type ResyncNotice, type RoomName } from '@parley/contracts';
import { joinRefused } from './join-refused';
import { roomsOf } from './room-mapping';

/** What the fan-out needs from the world: the audit log, and a way to reach this instance's connections. */
export interface FanoutPort<M> {
  /** The chain's last committed sequence. */
  head(scope: string): Promise<number>;
  /** Events of a chain after a sequence, in order, at most `limit`. */
  readAfter(scope: string, after: number, limit: number): Promise<AuditEvent[]>;
  /** Called before events are shown, so that `view` can answer without waiting (ballot disclosures). */
  prepare(events: AuditEvent[]): Promise<void>;
  view(event: AuditEvent, room: RoomName): LiveEvent;
  /** To every connection of this instance in the room. */
  deliverToRoom(room: RoomName, event: LiveEvent): void;
  sendTo(member: M, event: LiveEvent): void;
  resync(room: RoomName, notice: ResyncNotice): void;
  enterRoom(member: M, room: RoomName): void;
  exitRoom(member: M, room: RoomName): void;
  isConnected(member: M): boolean;
  onError(error: unknown, context: string): void;
}

export interface Member {
  id: string;
}

type Task<M> =
  | { kind: 'join'; member: M; room: RoomName; after: number | null; done: (r: JoinRoomResult) => void }
  | { kind: 'leave'; member: M; room: RoomName; done: () => void }
  | { kind: 'advance'; events: AuditEvent[]; upTo: number };

interface ChainState<M> {
  /** The last sequence of this chain shown to this instance's rooms; null until the first join sets it from the chain's head. */
  position: number | null;
  queue: Task<M>[];
  running: boolean;
  /** Live memberships in rooms of this chain: member id -> rooms. */
  members: Map<string, Set<RoomName>>;
  roomCounts: Map<RoomName, number>;
}

const PAGE = 500;

/**
 * One instance's sequencer for live rooms. Per chain, a serial queue orders three kinds of work:
 * committed events arriving (from this instance's bus or another instance), joins, and leaves.
 *
 * - Events are shown in sequence order, each once: an event at or below the chain's position is
 *   dropped (already shown); an event beyond position + 1 means some were published late or lost
 *   (another instance, a crash between commit and publish), so the missing ones are read from the
 *   audit table first. A chain's sequences commit in order (appends hold the chain's lock), so
 *   when sequence n is committed every sequence below it is too.
 * - A join reads the chain's head, first bringing the instance's rooms up to it, then replays the
 *   room's events after the client's `after` up to that position from the audit table, and only
 *   then puts the connection in the room. While it reads, events that arrive wait in the queue
 *   behind it: that queue is the buffer, and the position check is the de-duplication.
 */
export class ChainFanout<M extends Member> {
  private readonly chains = new Map<string, ChainState<M>>();

  constructor(
    private readonly port: FanoutPort<M>,
    private readonly maxReplay = MAX_REPLAY,
  ) {}

  /** Committed events, in any order, from anywhere; chains nobody here follows are ignored. */
  accept(events: AuditEvent[]): void {
    const byScope = new Map<string, AuditEvent[]>();
    for (const e of events) {
      if (!this.chains.has(e.scope)) continue;
      byScope.set(e.scope, [...(byScope.get(e.scope) ?? []), e]);
    }
    for (const [scope, list] of byScope) this.enqueue(scope, { kind: 'advance', events: list, upTo: 0 });
  }

  join(member: M, room: RoomName, scope: string, after: number | null): Promise<JoinRoomResult> {
    return new Promise((done) => this.enqueue(scope, { kind: 'join', member, room, after, done }));
  }

  leave(member: M, room: RoomName, scope: string): Promise<void> {
    if (!this.chains.has(scope)) return Promise.resolve();
    return new Promise((done) => this.enqueue(scope, { kind: 'leave', member, room, done }));
  }

  /** A connection went away: socket.io has already taken it out of its rooms. */
  forget(memberId: string): void {
    for (const [scope, state] of this.chains) {
      const rooms = state.members.get(memberId);
      if (!rooms) continue;
      state.members.delete(memberId);
      for (const room of rooms) this.decrement(state, room);
      this.maybeDrop(scope, state);
    }
  }

  /** Brings every followed chain up to its head (events whose publication was lost, with nothing after them to reveal the gap). */
  async catchUp(): Promise<void> {
    const scopes = [...this.chains.keys()];
    if (scopes.length === 0) return;
    const heads = await Promise.all(scopes.map(async (s) => [s, await this.port.head(s)] as const));
    for (const [scope, head] of heads) {
      const state = this.chains.get(scope);
      if (state && state.position !== null && head > state.position) this.enqueue(scope, { kind: 'advance', events: [], upTo: head });
    }
  }

  /** For tests and metrics: the chains followed, and their positions. */
  positions(): Map<string, number | null> {
    return new Map([...this.chains].map(([s, st]) => [s, st.position]));
  }

  /** Resolves once every queue is empty (tests, shutdown). */
  async idle(timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ([...this.chains.values()].some((s) => s.running || s.queue.length > 0) && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  }

  // ---------- the queue ----------

  private enqueue(scope: string, task: Task<M>): void {
    let state = this.chains.get(scope);
    if (!state) {
      state = { position: null, queue: [], running: false, members: new Map(), roomCounts: new Map() };
      this.chains.set(scope, state);
    }
    state.queue.push(task);
    if (!state.running) void this.run(scope, state);
  }

  private async run(scope: string, state: ChainState<M>): Promise<void> {
    state.running = true;
    try {
      while (state.queue.length > 0) {
        const first = state.queue[0];
        if (first.kind === 'join') {
          const joins = this.takeWhile(state, 'join');
          await this.processJoins(scope, state, joins);
        } else if (first.kind === 'advance') {
          const batch = this.takeWhile(state, 'advance');
          await this.advance(
            scope,
            state,
            batch.flatMap((t) => t.events),
            Math.max(...batch.map((t) => t.upTo)),
          );
        } else {
          state.queue.shift();
          this.processLeave(state, first);
        }
      }
    } finally {
      state.running = false;
      this.maybeDrop(scope, state);
    }
  }

  private takeWhile<K extends Task<M>['kind']>(state: ChainState<M>, kind: K): Extract<Task<M>, { kind: K }>[] {
    const taken: Extract<Task<M>, { kind: K }>[] = [];
    while (state.queue.length > 0 && state.queue[0].kind === kind) taken.push(state.queue.shift() as Extract<Task<M>, { kind: K }>);
    return taken;
  }

  // ---------- showing events ----------

  /** Shows the chain's events after the position up to `upTo` (or the newest event given), reading what is missing. */
  private async advance(scope: string, state: ChainState<M>, events: AuditEvent[], upTo: number): Promise<void> {
    if (state.position === null) return; // nobody has joined yet: the first join starts from the head
    const from = state.position;
    const target = Math.max(upTo, ...events.map((e) => e.sequence));
    if (target <= from) return;
    try {
      if (target - from > this.maxReplay) {
        // Far more than a room could be brought up to date with: tell the clients to reload.
        state.position = target;
        for (const room of state.roomCounts.keys()) this.port.resync(room, { room, scope, sequence: target, reason: 'gap-too-large' });
        return;
      }
      const known = new Map(events.filter((e) => e.sequence > from && e.sequence <= target).map((e) => [e.sequence, e]));
      let list: AuditEvent[];
      if (known.size === target - from) list = [...known.values()].sort((a, b) => a.sequence - b.sequence);
      else list = await this.readRange(scope, from, target);
      if (list.length === 0) return;
      await this.port.prepare(list);
      for (const e of list) {
        if (e.sequence <= (state.position ?? 0)) continue;
        for (const room of roomsOf(e)) if (state.roomCounts.has(room)) this.port.deliverToRoom(room, this.port.view(e, room));
        state.position = e.sequence;
      }
    } catch (e) {
      // The position stays: the next event (or the periodic catch-up) reads the gap again.
      this.port.onError(e, `live fan-out of ${scope}`);
    }
  }

  private async readRange(scope: string, after: number, upTo: number): Promise<AuditEvent[]> {
    const out: AuditEvent[] = [];
    let cursor = after;
    for (let page = 0; page <= Math.ceil(this.maxReplay / PAGE) && cursor < upTo; page++) {
      const rows = await this.port.readAfter(scope, cursor, Math.min(PAGE, upTo - cursor));
      if (rows.length === 0) break;
      for (const r of rows) if (r.sequence <= upTo) out.push(r);
      cursor = rows[rows.length - 1].sequence;
    }
    return out;
  }

  // ---------- joining and leaving ----------

  private async processJoins(scope: string, state: ChainState<M>, joins: Extract<Task<M>, { kind: 'join' }>[]): Promise<void> {
    let replay: AuditEvent[] = [];
    try {
      const head = await this.port.head(scope);
      if (state.position === null) state.position = head;
      else if (head > state.position) await this.advance(scope, state, [], head);
      const position = state.position;
      const afters = joins.map((j) => j.after).filter((a): a is number => a !== null && a < position && position - a <= this.maxReplay);
      if (afters.length > 0) {
        replay = await this.readRange(scope, Math.min(...afters), position);
        await this.port.prepare(replay);
      }
    } catch (e) {
      this.port.onError(e, `joining rooms of ${scope}`);
      for (const j of joins)
        j.done(joinRefused(j.room, refusal('live-unavailable')));
      return;
    }
    const position = state.position as number;
    for (const j of joins) {
      if (!this.port.isConnected(j.member)) {
        j.done(joinRefused(j.room, refusal('live-unavailable')));
        continue;
      }
      // Joining a room one is already in starts it over from `after`.
      if (state.members.get(j.member.id)?.has(j.room)) this.processLeave(state, { kind: 'leave', member: j.member, room: j.room, done: () => undefined });
      const resync = j.after === null || j.after > position || position - j.after > this.maxReplay;
      let replayed = 0;
      if (!resync) {
        for (const e of replay) {
          if (e.sequence <= (j.after as number) || e.sequence > position || !roomsOf(e).includes(j.room)) continue;
          this.port.sendTo(j.member, this.port.view(e, j.room));
          replayed++;
        }
      }
      this.port.enterRoom(j.member, j.room);
      const rooms = state.members.get(j.member.id) ?? new Set<RoomName>();
      rooms.add(j.room);
      state.members.set(j.member.id, rooms);
      state.roomCounts.set(j.room, (state.roomCounts.get(j.room) ?? 0) + 1);
      j.done({ ok: true, room: j.room, scope, sequence: position, replayed, resync });
    }
  }

  private processLeave(state: ChainState<M>, task: Extract<Task<M>, { kind: 'leave' }>): void {
    const rooms = state.members.get(task.member.id);
    if (rooms?.delete(task.room)) {
      this.decrement(state, task.room);
      if (rooms.size === 0) state.members.delete(task.member.id);
    }
    this.port.exitRoom(task.member, task.room);
    task.done();
  }

  private decrement(state: ChainState<M>, room: RoomName): void {
    const n = (state.roomCounts.get(room) ?? 1) - 1;
    if (n <= 0) state.roomCounts.delete(room);
    else state.roomCounts.set(room, n);
  }

  private maybeDrop(scope: string, state: ChainState<M>): void {
    if (!state.running && state.queue.length === 0 && state.members.size === 0 && this.chains.get(scope) === state) this.chains.delete(scope);
  }
}
