import { spec } from './define';

export const AUDIT_REFUSALS = {
  'audit-event-not-found': spec<{ sequence: string; scope: string }>(404),
  'no-such-chain': spec<{ scope: string }>(404),
} as const;
