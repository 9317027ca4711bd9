import { z } from 'zod';
import { PROXY_END_REASONS, PROXY_SCOPES } from '@parley/domain';
import { isoDate, uuid } from '../common';
import { affiliationSnapshotSchema, instant } from '../api/domain-shapes';
import { personRef } from '../api/refs';
import { allowedOrRefusal } from '../refusals/problem';

/**
 * Proxy votes with a public trail (issue #19, decision record 0040): giving one (for a ballot, or for
 * the days of a period), revoking it, and a group's public list of proxies.
 */
export const giveProxyRequest = /* @__PURE__ */ z.strictObject({
  /** The voting member who will cast your vote (same organisation, or same stakeholder group where the group allows it). */
  holderId: uuid,
  scope: z.enum(PROXY_SCOPES),
  /** `ballot` scope: the open ballot of this group the proxy is for. */
  ballotId: uuid.optional(),
  /** `period` scope: the first and last day (UTC), both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type GiveProxyRequest = z.infer<typeof giveProxyRequest>;

const party = /* @__PURE__ */ personRef.extend({ snapshot: affiliationSnapshotSchema });

export const proxyView = /* @__PURE__ */ z
  .object({
    id: z.string(),
    workingGroupId: z.string(),
    /** Who gave their vote, and who holds it, with the affiliation each had when it was given. */
    grantor: party,
    holder: party,
    scope: z.enum(PROXY_SCOPES),
    ballot: z.object({ id: z.string(), title: z.string() }).nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    givenAt: instant,
    endedAt: instant.nullable(),
    endReason: z.enum(PROXY_END_REASONS).nullable(),
    endedBy: personRef.nullable(),
    /** Not ended and not past: its ballot still open, or its period not over. */
    live: z.boolean(),
  })
  .meta({ id: 'ProxyView' });
export type ProxyView = z.infer<typeof proxyView>;

export const groupProxiesResponse = /* @__PURE__ */ z
  .object({
    /** The group's rules: the most proxies one member holds at once (0: none), and whether a proxy may cross organisations within a stakeholder group. */
    cap: z.number(),
    withinStakeholderGroup: z.boolean(),
    /** Every proxy given in the group, newest first: who gave to whom, for what, and how it ended. */
    items: z.array(proxyView),
    /** Signed in: whether you may give your vote now, to whom, and which open ballots a proxy may be for. */
    me: z
      .object({
        can: z.object({ give: allowedOrRefusal }),
        eligibleHolders: z.array(party),
        openBallots: z.array(z.object({ id: z.string(), title: z.string() })),
        /** The proxies of the list the reader gave and may still revoke. */
        revocable: z.array(z.string()),
      })
      .nullable(),
  })
  .meta({ id: 'GroupProxiesResponse' });
export type GroupProxiesResponse = z.infer<typeof groupProxiesResponse>;
