import {
  confirmEmailRequest,
  confirmEmailResponse,
  feedQuery,
  followList,
  followParams,
  languagePreferenceRequest,
  markAllReadRequest,
  markAllReadResponse,
  mentionCandidates,
  mentionCandidatesQuery,
  notificationList,
  notificationListQuery,
  notificationPreferences,
  outboxList,
  outboxMessage,
  unreadCount,
  unsubscribeQuery,
  unsubscribeResponse,
  updateNotificationPreferences,
} from '../../notifications/views';
import { paginationQuery } from '../../common';
import { media, noContent, PROBLEMS, route } from './route-spec';

/** Issue #20 (decision 0042): the notification centre, preferences and follows, mentions, e-mail verification, unsubscribe, the outbox, Atom feeds. */
export const NOTIFICATION_ROUTES = {
  'GET /api/me/notifications': /* @__PURE__ */ route({ query: notificationListQuery, status: 200, response: notificationList, problems: [400, 401] }),
  'GET /api/me/notifications/unread-count': /* @__PURE__ */ route({ status: 200, response: unreadCount, problems: [401] }),
  'POST /api/me/notifications/:id/read': /* @__PURE__ */ route({ status: 204, response: noContent, problems: PROBLEMS.act }),
  'POST /api/me/notifications/read-all': /* @__PURE__ */ route({ body: markAllReadRequest, status: 200, response: markAllReadResponse, problems: PROBLEMS.write }),
  'GET /api/me/notification-preferences': /* @__PURE__ */ route({ status: 200, response: notificationPreferences, problems: [401] }),
  'PUT /api/me/notification-preferences': /* @__PURE__ */ route({ body: updateNotificationPreferences, status: 200, response: notificationPreferences, problems: PROBLEMS.write }),
  'GET /api/me/follows': /* @__PURE__ */ route({ status: 200, response: followList, problems: [401] }),
  'PUT /api/me/follows/:type/:id': /* @__PURE__ */ route({ params: followParams, status: 204, response: noContent, problems: PROBLEMS.act }),
  'DELETE /api/me/follows/:type/:id': /* @__PURE__ */ route({ params: followParams, status: 204, response: noContent, problems: PROBLEMS.act }),
  'GET /api/working-groups/:id/mention-candidates': /* @__PURE__ */ route({ query: mentionCandidatesQuery, status: 200, response: mentionCandidates, problems: PROBLEMS.signedInRead }),
} as const;

export const MAIL_ROUTES = {
  'PUT /api/me/language': /* @__PURE__ */ route({ body: languagePreferenceRequest, status: 204, response: noContent, problems: PROBLEMS.write }),
  'POST /api/me/email-verification': /* @__PURE__ */ route({ status: 204, response: noContent, problems: [401, 403, 409, 429] }),
  'POST /api/email-verification/confirm': /* @__PURE__ */ route({ body: confirmEmailRequest, status: 200, response: confirmEmailResponse, problems: [400, 409, 413, 415, 429] }),
  'POST /api/unsubscribe': /* @__PURE__ */ route({ query: unsubscribeQuery, status: 200, response: unsubscribeResponse, problems: [400, 429] }),
  'GET /api/mail/outbox': /* @__PURE__ */ route({ query: paginationQuery, status: 200, response: outboxList, problems: [400, 401, 403] }),
  'GET /api/mail/outbox/:id': /* @__PURE__ */ route({ status: 200, response: outboxMessage, problems: PROBLEMS.signedInRead }),
} as const;

const atom = media('application/atom+xml', 'An Atom 1.0 feed (RFC 4287), newest first.');
export const FEED_ROUTES = {
  'GET /api/working-groups/:id/feed.atom': /* @__PURE__ */ route({ query: feedQuery, status: 200, response: atom, problems: PROBLEMS.readOne }),
  'GET /api/documents/:id/feed.atom': /* @__PURE__ */ route({ query: feedQuery, status: 200, response: atom, problems: PROBLEMS.readOne }),
} as const;
