import { refusal, type Verdict } from '@parley/contracts';
import { standingRefusal, type ActingStanding } from '@parley/domain';

/**
 * The first condition of every act in a working group: a current affiliation, in a group that is not
 * closed (the rule is libs/domain `standingRefusal`). Working groups, drafting and ballots all start here.
 */
export function canAct(s: ActingStanding): Verdict<'needs-affiliation' | 'group-closed' | 'two-factor-required'> {
  const code = standingRefusal(s);
  return code === null ? true : refusal(code);
}
