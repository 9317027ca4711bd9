import { z } from 'zod';
import { PROCEDURE_RULE_BOUNDS, type ProcedureRules } from '@parley/domain';

const whole = (key: keyof typeof PROCEDURE_RULE_BOUNDS) => z.number().int().min(PROCEDURE_RULE_BOUNDS[key].min).max(PROCEDURE_RULE_BOUNDS[key].max);

/** A group's rules of procedure as a whole (every rule present), as responses and audit events carry them. */
export const procedureRulesView = z.strictObject({
  silenceMinimumHours: whole('silenceMinimumHours'),
  circulationDays: whole('circulationDays'),
  lastCallDays: whole('lastCallDays'),
  nonObjectionHours: whole('nonObjectionHours'),
  proxyCap: whole('proxyCap'),
  proxyWithinStakeholderGroup: z.boolean(),
}) satisfies z.ZodType<ProcedureRules>;

/** The rules a request sets: any subset; what is left out keeps its current value (or the default, on a new group). */
export const procedureRulesInput = procedureRulesView.partial();
export type ProcedureRulesInput = z.infer<typeof procedureRulesInput>;
