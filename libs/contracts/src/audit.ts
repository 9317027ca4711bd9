import { z } from 'zod';
import type { AuditEvent } from '@parley/domain';

/** The event vocabulary (`<resource>.<past-tense verb>`), each action with its subject type and change schema: ./audit/. */
export * from './audit/index';

export type AuditEventResponse = AuditEvent;

export const auditHeadResponse = /* @__PURE__ */ z
  .object({ chains: z.array(z.object({ scope: z.string(), sequence: z.number(), hash: z.string() })) })
  .meta({ id: 'AuditHeadResponse' });
export type AuditHeadResponse = z.infer<typeof auditHeadResponse>;

export const healthResponse = /* @__PURE__ */ z
  .object({ status: z.enum(['ok', 'degraded']), database: z.enum(['up', 'down']), version: z.string() })
  .meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof healthResponse>;
