import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { parseRoom, subjectsOf, type LiveEvent, type RoomName } from '@parley/contracts';

/**
 * What a live event makes stale in the query cache. Rather than each feature registering its keys,
 * a query is stale when its key mentions one of the ids the event is about (the room's subject, the
 * event's subject, the document or ballot it names): every feature keys its queries by the ids it
 * reads (`['ballots', id]`, `['working-groups', id]`, `['documents', id, 'comments', …]`), and ids are
 * uuids, so a mention cannot be a coincidence. Lists that aggregate many subjects (the group list
 * with its composition and alarms, who chaired what, the organisations) are named by prefix.
 */
export interface Staleness {
  ids: Set<string>;
  prefixes: QueryKey[];
}

const GROUP_LIST_ACTIONS = /^(working-group|membership|role|chair)\./;

/**
 * The ids an event names besides its subject, as the catalogue says for each action: the document
 * and ballot it is about, and the people, threads and nominations it names. A vote whose choice is
 * not shown, or an event the catalogue cannot read, names only its subject (and its ballot).
 */
function namedIds(event: LiveEvent): (string | null)[] {
  if (event.redacted === 'unreadable') return [];
  if (event.redacted !== null) return [event.subjectId];
  const { documentId, ballotId, others } = subjectsOf(event);
  return [documentId, ballotId, ...others];
}

export function stalenessOf(event: LiveEvent): Staleness {
  const ids = new Set<string>();
  const room = parseRoom(event.room);
  if (room?.id) ids.add(room.id);
  ids.add(event.subjectId);
  for (const id of namedIds(event)) if (id) ids.add(id);
  const prefixes: QueryKey[] = [];
  if (GROUP_LIST_ACTIONS.test(event.action)) prefixes.push(['working-groups'], ['chair-terms']);
  if (event.action.startsWith('organisation.')) prefixes.push(['organisations']);
  if (/^(affiliation|declaration|person)\./.test(event.action) && event.actor?.id) ids.add(event.actor.id);
  return { ids, prefixes };
}

/** Everything cached about a room's subject: after a resync, the page reloads what it shows. */
export function stalenessOfRoom(room: RoomName): Staleness {
  const parsed = parseRoom(room);
  return { ids: new Set(parsed?.id ? [parsed.id] : []), prefixes: parsed?.kind === 'platform' ? [['organisations']] : [] };
}

function mentions(query: Query, ids: Set<string>): boolean {
  if (ids.size === 0) return false;
  const text = JSON.stringify(query.queryKey);
  for (const id of ids) if (text.includes(id)) return true;
  return false;
}

function startsWith(key: QueryKey, prefix: QueryKey): boolean {
  return prefix.every((p, i) => key[i] === p);
}

/**
 * Collects staleness for a short while and then invalidates once: a replay of fifty events, or a
 * burst of votes, makes one refetch per query, not fifty.
 */
export class Invalidator {
  private ids = new Set<string>();
  private prefixes: QueryKey[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: QueryClient,
    private readonly delayMs = 120,
  ) {}

  add(s: Staleness): void {
    for (const id of s.ids) this.ids.add(id);
    this.prefixes.push(...s.prefixes);
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ids = this.ids;
    const prefixes = this.prefixes;
    this.ids = new Set();
    this.prefixes = [];
    if (ids.size === 0 && prefixes.length === 0) return Promise.resolve();
    return this.client.invalidateQueries({ predicate: (q) => mentions(q, ids) || prefixes.some((p) => startsWith(q.queryKey, p)) });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
