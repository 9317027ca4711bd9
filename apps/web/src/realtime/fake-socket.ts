import type { JoinRoomRequest, JoinRoomResult } from '@parley/contracts';

// For tests (never imported by the app): socket.io's client as far as LiveConnection uses it.

/** A stand-in for socket.io-client's socket: records what is emitted; the test plays the server. */
export class FakeSocket {
  connected = false;
  handlers = new Map<string, ((...a: unknown[]) => void)[]>();
  joins: JoinRoomRequest[] = [];
  leaves: string[] = [];
  answer: (req: JoinRoomRequest) => JoinRoomResult = (req) => ({
    ok: true,
    room: req.room,
    scope: `wg:${req.room.split(':')[1] ?? ''}`,
    sequence: req.after ?? 0,
    replayed: 0,
    resync: req.after == null,
  });
  on(event: string, h: (...a: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), h]);
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
  emit(event: string, payload: JoinRoomRequest, ack?: (r: JoinRoomResult) => void) {
    if (event === 'room:join') {
      this.joins.push(payload);
      ack?.(this.answer(payload));
    }
    if (event === 'room:leave') this.leaves.push(payload.room);
    return this;
  }
  connect() {
    this.connected = true;
    this.fire('connect');
    return this;
  }
  disconnect() {
    this.connected = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }
  drop() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
}
