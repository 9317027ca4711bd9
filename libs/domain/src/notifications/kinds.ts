/**
 * What Parley tells people (issue #20, decision 0042). Each kind is one preference: whether it shows
 * in the notification centre, and how it is e-mailed. The category groups the kinds on the
 * preferences page and says who receives them.
 */
export const NOTIFICATION_CATEGORIES = ['ballots', 'my-requests', 'my-texts', 'conversation', 'chairing', 'focal-point', 'procedures', 'follows'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const NOTIFICATION_KIND_CATEGORIES = {
  /** A ballot opened in which I may vote. */
  'ballot-opened': 'ballots',
  /** 24 h and 1 h before a ballot closes, while I have not voted. */
  'ballot-closing-soon': 'ballots',
  /** A ballot I could vote in closed (its result). */
  'ballot-closed': 'ballots',
  /** My request to join a group was admitted or refused. */
  'join-request-decided': 'my-requests',
  /** I was nominated as chair. */
  nominated: 'my-requests',
  /** A clarification I asked was answered. */
  'clarification-answered': 'my-texts',
  /** The chair disposed of my comment. */
  'comment-disposed': 'my-texts',
  /** An amendment of mine was put to a ballot. */
  'amendment-balloted': 'my-texts',
  /** An amendment of mine was accepted or rejected. */
  'amendment-decided': 'my-texts',
  /** An amendment of mine became outdated (its clause changed under it). */
  'amendment-outdated': 'my-texts',
  /** Someone asked me, or my organisation, to co-sponsor, or co-sponsored my amendment. */
  'cosponsorship-requested': 'my-texts',
  /** A reply to my comment. */
  'comment-reply': 'conversation',
  /** Someone mentioned me in a comment. */
  mentioned: 'conversation',
  /** Chairs: a request to join my group. */
  'join-request-received': 'chairing',
  /** Chairs: a clarification question awaits an answer. */
  'clarification-unanswered': 'chairing',
  /** Chairs: an amendment awaits the chair's recommendation. */
  'amendment-awaiting-recommendation': 'chairing',
  /** Focal points: an affiliation to my organisation awaits confirmation. */
  'affiliation-to-confirm': 'focal-point',
  /** A silence procedure started in my group. */
  'silence-started': 'procedures',
  /** 24 h before a silence procedure's deadline. */
  'silence-deadline-soon': 'procedures',
  /** A silence procedure passed, was broken or withdrawn. */
  'silence-concluded': 'procedures',
  /** A request to join my group is circulated for non-objection. */
  'admission-proposed': 'procedures',
  /** A last call opened on a version of my group. */
  'last-call-opened': 'procedures',
  /** Activity on a group, document or clause I follow. */
  'followed-activity': 'follows',
} as const satisfies Record<string, NotificationCategory>;

export type NotificationKind = keyof typeof NOTIFICATION_KIND_CATEGORIES;
export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KIND_CATEGORIES) as readonly NotificationKind[];
export const isNotificationKind = (k: string): k is NotificationKind => Object.hasOwn(NOTIFICATION_KIND_CATEGORIES, k);

export const EMAIL_MODES = ['immediately', 'daily', 'weekly', 'never'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export interface NotificationPreference {
  kind: NotificationKind;
  inApp: boolean;
  email: EmailMode;
}

/**
 * Defaults for someone who never changed a preference: everything in the centre; by e-mail at once
 * what asks me to act soon, in the daily digest what concerns me, and the activity I follow weekly.
 */
const DEFAULT_EMAIL: Record<NotificationKind, EmailMode> = {
  'ballot-opened': 'immediately',
  'ballot-closing-soon': 'immediately',
  'ballot-closed': 'daily',
  'join-request-decided': 'immediately',
  nominated: 'immediately',
  'clarification-answered': 'daily',
  'comment-disposed': 'daily',
  'amendment-balloted': 'daily',
  'amendment-decided': 'daily',
  'amendment-outdated': 'daily',
  'cosponsorship-requested': 'immediately',
  'comment-reply': 'daily',
  mentioned: 'immediately',
  'join-request-received': 'daily',
  'clarification-unanswered': 'daily',
  'amendment-awaiting-recommendation': 'daily',
  'affiliation-to-confirm': 'daily',
  'silence-started': 'immediately',
  'silence-deadline-soon': 'immediately',
  'silence-concluded': 'daily',
  'admission-proposed': 'daily',
  'last-call-opened': 'daily',
  'followed-activity': 'weekly',
};

export const defaultPreference = (kind: NotificationKind): NotificationPreference => ({ kind, inApp: true, email: DEFAULT_EMAIL[kind] });

/** Every kind's preference: the stored ones, the defaults for the rest, in catalogue order. */
export function preferencesOf(stored: readonly NotificationPreference[]): NotificationPreference[] {
  const byKind = new Map(stored.map((p) => [p.kind, p]));
  return NOTIFICATION_KINDS.map((k) => byKind.get(k) ?? defaultPreference(k));
}

/** How a notification of this kind reaches its recipient: `null` when they want neither the centre nor e-mail. */
export function deliveryOf(pref: NotificationPreference): { inApp: boolean; email: EmailMode } | null {
  if (!pref.inApp && pref.email === 'never') return null;
  return { inApp: pref.inApp, email: pref.email };
}

export const FOLLOW_TARGETS = ['working-group', 'document', 'clause'] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];
