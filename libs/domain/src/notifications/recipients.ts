import type { NotificationKind } from './kinds';

/**
 * Who a notification goes to, given the facts the API looked up (issue #20, decision 0042). Pure:
 * the API finds the candidates (the electorate, a comment's author, the chairs…); these rules say
 * who of them is told, once.
 */

/** A notification to write, for several recipients: what one act tells them. */
export interface NotificationDraft<D = unknown> {
  kind: NotificationKind;
  recipients: readonly string[];
  /** Per act: `<scope>#<sequence>`; per reminder: `ballot:<id>:24h`. */
  dedupeKey: string;
  data: D;
}

/**
 * The candidates who are told: never the actor of their own act, each once, and — when what the act
 * is about is not public (a members-only version, decision 0041) — only those in `audience`.
 */
export function recipientsOf(candidates: Iterable<string | null | undefined>, actorId: string | null, audience: ReadonlySet<string> | null = null): string[] {
  const out = new Set<string>();
  for (const c of candidates) {
    if (!c || c === actorId) continue;
    if (audience && !audience.has(c)) continue;
    out.add(c);
  }
  return [...out];
}

/**
 * One notification per person per act: when several kinds would tell the same person of one act
 * (a reply that also mentions them, activity they follow that is also their ballot), the first
 * draft wins — drafts come in order of concern, followed activity last. Drafts left with nobody go.
 */
export function onePerRecipient<D>(drafts: readonly NotificationDraft<D>[]): NotificationDraft<D>[] {
  const told = new Set<string>();
  const out: NotificationDraft<D>[] = [];
  for (const d of drafts) {
    const recipients = d.recipients.filter((r) => !told.has(r));
    recipients.forEach((r) => told.add(r));
    if (recipients.length > 0) out.push({ ...d, recipients });
  }
  return out;
}

/** A comment's first words for a notification: markup-free text (see withoutMentionMarkup), whitespace folded, cut at a word. */
export function excerptOf(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export const REMINDER_WINDOWS = { '24h': 24 * 3600_000, '1h': 3600_000 } as const;
export type ReminderWindow = keyof typeof REMINDER_WINDOWS;

/**
 * Which reminder is due now before a deadline, if any: the narrowest window `now` is in, and only a
 * window the thing was already open before (a ballot opened 10 h before it closes gets the 1 h
 * reminder, never a "24 hours left" one). Nothing once the deadline passed.
 */
export function reminderDue(openedAt: Date, deadline: Date, now: Date, windows: readonly ReminderWindow[] = ['24h', '1h']): ReminderWindow | null {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return null;
  const fitting = [...windows].sort((a, b) => REMINDER_WINDOWS[a] - REMINDER_WINDOWS[b]);
  for (const w of fitting) {
    if (left <= REMINDER_WINDOWS[w]) return deadline.getTime() - openedAt.getTime() > REMINDER_WINDOWS[w] ? w : null;
  }
  return null;
}
