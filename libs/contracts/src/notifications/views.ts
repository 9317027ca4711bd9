import { z } from 'zod';
import { EMAIL_MODES, FOLLOW_TARGETS, NOTIFICATION_CATEGORIES, NOTIFICATION_KINDS } from '@parley/domain';
import { affiliationSnapshotSchema, instant } from '../api/domain-shapes';
import { actorRef } from '../drafting/actors';
import { UN_LANGUAGES } from '../languages';

/**
 * Notifications, follows, mentions and e-mail (issue #20, decision 0042). A notification carries
 * what its sentence needs (`notificationSentence`), so the centre, the e-mail and the digest read
 * the same facts without joins.
 */
export const notificationKind = /* @__PURE__ */ z.enum(NOTIFICATION_KINDS);
export const notificationCategory = /* @__PURE__ */ z.enum(NOTIFICATION_CATEGORIES);
export const emailMode = /* @__PURE__ */ z.enum(EMAIL_MODES);
export const followTarget = /* @__PURE__ */ z.enum(FOLLOW_TARGETS);

/** Kind-specific facts a sentence names (an outcome, a deadline, "24h"), flat. */
export const notificationFacts = /* @__PURE__ */ z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const notificationView = /* @__PURE__ */ z
  .object({
    id: z.string(),
    kind: notificationKind,
    createdAt: instant,
    readAt: instant.nullable(),
    group: z.object({ id: z.string(), name: z.string() }).nullable(),
    document: z.object({ id: z.string(), title: z.string() }).nullable(),
    /** The web path the item opens, e.g. `/documents/<id>?comment=<id>#comment-<id>`. */
    link: z.string(),
    /** Who acted, with their affiliation at that moment; null for acts of the system (a ballot closing at its time, a reminder). */
    actor: actorRef.nullable(),
    /** What the act is about, as the sentence names it: a ballot's title, a clause label ("OP3"), an amendment's clause… */
    subject: z.object({ title: z.string().nullable(), label: z.string().nullable() }),
    facts: notificationFacts,
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = /* @__PURE__ */ z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(200).optional(),
  /** `true`: unread only. */
  unread: z.enum(['true', 'false']).optional(),
});
export const notificationList = /* @__PURE__ */ z.object({ items: z.array(notificationView), nextCursor: z.string().nullable(), unread: z.number() });
export type NotificationList = z.infer<typeof notificationList>;
export const unreadCount = /* @__PURE__ */ z.object({ unread: z.number() });

/** Mark every notification read, up to the newest the reader has seen (so one arriving meanwhile stays unread). */
export const markAllReadRequest = /* @__PURE__ */ z.strictObject({ upTo: z.iso.datetime({ offset: true }).optional() });
export const markAllReadResponse = /* @__PURE__ */ z.object({ marked: z.number(), unread: z.number() });

export const notificationPreferenceView = /* @__PURE__ */ z.object({
  kind: notificationKind,
  category: notificationCategory,
  inApp: z.boolean(),
  email: emailMode,
});
export const notificationPreferences = /* @__PURE__ */ z
  .object({
    kinds: z.array(notificationPreferenceView),
    /** Where e-mail goes, whether it is verified (nothing is sent before), and in which language. */
    email: z.object({ address: z.string(), verified: z.boolean(), language: z.string() }),
  })
  .meta({ id: 'NotificationPreferences' });
export const updateNotificationPreferences = /* @__PURE__ */ z.strictObject({
  kinds: z
    .array(z.strictObject({ kind: notificationKind, inApp: z.boolean().optional(), email: emailMode.optional() }))
    .min(1)
    .max(NOTIFICATION_KINDS.length),
});

export const followView = /* @__PURE__ */ z.object({
  targetType: followTarget,
  targetId: z.string(),
  /** The group, document title, or clause label followed. */
  title: z.string(),
  group: z.object({ id: z.string(), name: z.string() }),
  document: z.object({ id: z.string(), title: z.string() }).nullable(),
  link: z.string(),
  since: instant,
});
export const followList = /* @__PURE__ */ z.object({ items: z.array(followView) });
export const followParams = { type: followTarget } as const;

export const mentionCandidatesQuery = /* @__PURE__ */ z.strictObject({ q: z.string().max(80).default('') });
/** Members of the group a comment may mention, with their affiliation now. */
export const mentionCandidates = /* @__PURE__ */ z.object({
  items: z.array(z.object({ personId: z.string(), name: z.string(), snapshot: affiliationSnapshotSchema.nullable() })),
});
/** A mention as the comment records it: who, and their affiliation when mentioned. */
export const recordedMention = /* @__PURE__ */ z.object({ personId: z.string(), name: z.string(), snapshot: affiliationSnapshotSchema.nullable() });
export type RecordedMention = z.infer<typeof recordedMention>;

/** An Atom feed's language: its titles and entries' sentences (issue #20). */
export const feedQuery = /* @__PURE__ */ z.strictObject({ lang: z.enum(UN_LANGUAGES).default('en') });

export const languagePreferenceRequest = /* @__PURE__ */ z.strictObject({ language: z.enum(UN_LANGUAGES) });

export const confirmEmailRequest = /* @__PURE__ */ z.strictObject({ token: z.string().min(10).max(600) });
export const confirmEmailResponse = /* @__PURE__ */ z.object({ email: z.string(), verified: z.literal(true) });

/** RFC 8058 one-click unsubscribe: the token in the link says who and which kind ("all" for digests). */
export const unsubscribeQuery = /* @__PURE__ */ z.strictObject({ token: z.string().min(10).max(600) });
export const unsubscribeResponse = /* @__PURE__ */ z.object({ unsubscribed: z.union([notificationKind, z.literal('all')]) });

export const outboxItem = /* @__PURE__ */ z.object({
  id: z.string(),
  to: z.string(),
  recipient: z.object({ id: z.string(), name: z.string() }),
  purpose: z.enum(['immediate', 'daily-digest', 'weekly-digest', 'verification']),
  language: z.string(),
  subject: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
  createdAt: instant,
  sentAt: instant.nullable(),
});
export const outboxList = /* @__PURE__ */ z.object({ items: z.array(outboxItem), nextCursor: z.string().nullable() });
export const outboxMessage = /* @__PURE__ */ outboxItem.extend({ text: z.string(), html: z.string(), headers: z.record(z.string(), z.string()) });
