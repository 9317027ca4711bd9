import type { FloorKind } from './types';

/**
 * The order in which the floor is given: points of order first (they jump the queue, among
 * themselves first come, first served), then speeches in the order they were asked for. Ties on
 * the same instant fall back on the id, so every reader sees the same order.
 */
export function orderFloorQueue<T extends { id: string; kind: FloorKind; requestedAt: Date | string }>(waiting: readonly T[]): T[] {
  const at = (r: T) => new Date(r.requestedAt).getTime();
  const rank = (k: FloorKind) => (k === 'point-of-order' ? 0 : 1);
  return [...waiting].sort((a, b) => rank(a.kind) - rank(b.kind) || at(a) - at(b) || a.id.localeCompare(b.id));
}
