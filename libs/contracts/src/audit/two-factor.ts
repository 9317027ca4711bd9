import { z } from 'zod';
import { event, isoTime } from './define';

/**
 * Two-factor authentication (decision 0050): in the platform's public log, like every act on an
 * account, and carrying no secret (no TOTP secret, no code, no recovery code, no address).
 */
export const TWO_FACTOR_EVENTS = {
  'two-factor.enabled': event('person', z.strictObject({ method: z.literal('totp') })),
  'two-factor.recovery-codes-regenerated': event('person', z.strictObject({ count: z.number() })),
  'two-factor.disabled': event('person', z.strictObject({ proved: z.enum(['code', 'recovery-code']) })),
  'two-factor.recovery-code-used': event('person', z.strictObject({})),
  'two-factor.locked': event('person', z.strictObject({ until: isoTime })),
  'two-factor.reset-by-steward': event('person', z.strictObject({ name: z.string(), reason: z.string() })),
  /** A working group's setting "chairs must use two-factor authentication" (recorded in the group's chain). */
  'working-group.chairs-two-factor-set': event('working-group', z.strictObject({ required: z.boolean() })),
} as const;
