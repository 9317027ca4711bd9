/**
 * A working group's rules of procedure beyond its decision rules (issue #19): how long a silence
 * procedure must at least run, how long a version must circulate before its adoption may start,
 * whether a last call must come first, how long a join request is circulated under the
 * `non-objection` policy, and how proxies may be given.
 */
export interface ProcedureRules {
  /** The shortest silence procedure the group allows, in hours (the General Assembly's practice: 72). */
  silenceMinimumHours: number;
  /** Days a version must have been available before an adoption ballot or silence procedure starts without a recorded warning; 0: none. */
  circulationDays: number;
  /** Days of last call a version must have completed before its adoption starts without a recorded warning; 0: no last call required. */
  lastCallDays: number;
  /** Hours a join request is circulated to members under the `non-objection` join policy before the chair decides. */
  nonObjectionHours: number;
  /** The most proxies one voting member may hold at once; 0: the group allows no proxies. */
  proxyCap: number;
  /** Whether a proxy may go to a voting member of the same stakeholder group, not only of the same organisation. */
  proxyWithinStakeholderGroup: boolean;
}

export const DEFAULT_PROCEDURE_RULES: Readonly<ProcedureRules> = Object.freeze({
  silenceMinimumHours: 72,
  circulationDays: 0,
  lastCallDays: 0,
  nonObjectionHours: 72,
  proxyCap: 1,
  proxyWithinStakeholderGroup: false,
});

type NumericRule = { [K in keyof ProcedureRules]: ProcedureRules[K] extends number ? K : never }[keyof ProcedureRules];

/** The range each numeric rule may take (whole numbers). */
export const PROCEDURE_RULE_BOUNDS: Readonly<Record<NumericRule, { min: number; max: number }>> = Object.freeze({
  silenceMinimumHours: { min: 1, max: 720 },
  circulationDays: { min: 0, max: 60 },
  lastCallDays: { min: 0, max: 60 },
  nonObjectionHours: { min: 1, max: 720 },
  proxyCap: { min: 0, max: 10 },
});

/** A group's rules as stored (older groups store none, or only some): what is missing reads as the default. */
export function procedureRulesOf(stored: Partial<ProcedureRules> | null | undefined): ProcedureRules {
  const rules: ProcedureRules = { ...DEFAULT_PROCEDURE_RULES };
  for (const key of Object.keys(DEFAULT_PROCEDURE_RULES) as (keyof ProcedureRules)[]) {
    const value = stored?.[key];
    if (value !== undefined && value !== null && typeof value === typeof DEFAULT_PROCEDURE_RULES[key]) (rules as unknown as Record<string, unknown>)[key] = value;
  }
  return rules;
}
