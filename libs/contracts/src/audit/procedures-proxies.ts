import { z } from 'zod';
import { PROXY_END_REASONS, PROXY_SCOPES } from '@parley/domain';
import { affiliationSnapshot, event, id } from './define';

const person = z.strictObject({ id, name: z.string(), snapshot: affiliationSnapshot });
/** What the proxy covers: one ballot, or the days of a period (both included). */
const terms = { scope: z.enum(PROXY_SCOPES), ballotId: id.nullable(), from: z.string().nullable(), to: z.string().nullable() };
const parties = { grantorId: id, grantorName: z.string(), holderId: id, holderName: z.string() };

/** Proxy votes with a public trail (issue #19, decision record 0040), each group's chain. */
export const PROXY_EVENTS = {
  /** A voting member gave their vote to another (actor: the grantor); both named with the affiliation that made it valid. */
  'proxy.given': event('proxy', z.strictObject({ grantor: person, holder: person, ...terms })),
  /** The grantor took their vote back. */
  'proxy.revoked': event('proxy', z.strictObject({ ...parties, ...terms })),
  /** The proxy ended because one of the two left, was removed, or stopped being a voting member (actor: whoever did that). */
  'proxy.ended': event('proxy', z.strictObject({ ...parties, ...terms, reason: z.enum(PROXY_END_REASONS) })),
} as const;
