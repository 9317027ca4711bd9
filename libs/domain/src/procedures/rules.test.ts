import { DEFAULT_PROCEDURE_RULES, procedureRulesOf } from './rules';

describe("a group's rules of procedure", () => {
  it('reads the defaults for a group created before the rules existed', () => {
    expect(procedureRulesOf(null)).toEqual(DEFAULT_PROCEDURE_RULES);
    expect(procedureRulesOf({})).toEqual({ silenceMinimumHours: 72, circulationDays: 0, lastCallDays: 0, nonObjectionHours: 72, proxyCap: 1, proxyWithinStakeholderGroup: false });
  });

  it('keeps what the group set and fills in the rest', () => {
    expect(procedureRulesOf({ circulationDays: 3, proxyCap: 0 })).toEqual({ ...DEFAULT_PROCEDURE_RULES, circulationDays: 3, proxyCap: 0 });
  });

  it('ignores a stored value of the wrong kind rather than trusting it', () => {
    expect(procedureRulesOf({ proxyWithinStakeholderGroup: 'yes' as unknown as boolean }).proxyWithinStakeholderGroup).toBe(false);
  });
});
