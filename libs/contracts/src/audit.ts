import type { AuditEvent } from '@parley/domain';

/** The event vocabulary (`<resource>.<past-tense verb>`), each action with its subject type and change schema: ./audit/. */
export * from './audit/index';

export type AuditEventResponse = AuditEvent;

export interface AuditHeadResponse {
  chains: { scope: string; sequence: number; hash: string }[];
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  version: string;
}
