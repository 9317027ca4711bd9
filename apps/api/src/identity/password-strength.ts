import { passwordEstimator, passwordKnownWords, type PasswordEstimator, type PasswordPackages } from '@parley/contracts';
import { validationProblem } from '../platform/http/problem';

let estimator: PasswordEstimator | null = null;

/** Built on first use, not at start: unpacking the word lists takes a second or two. */
function estimate(): PasswordEstimator {
  estimator ??= passwordEstimator(
    {
      core: require('@zxcvbn-ts/core'),
      common: require('@zxcvbn-ts/language-common'),
      en: require('@zxcvbn-ts/language-en'),
      fr: require('@zxcvbn-ts/language-fr'),
    } as PasswordPackages,
    'en',
  );
  return estimator;
}

/** Refuses a password that is too easy to guess (decision record 0021): 400 naming `password`, with the estimator's reason. */
export function assertStrongPassword(password: string, person: { email: string; name: string }): void {
  const verdict = estimate()(password, passwordKnownWords(person));
  if (verdict.strongEnough) return;
  const why = [verdict.warning, ...verdict.suggestions].filter(Boolean).join(' ');
  throw validationProblem('password', 'weak-password', { why });
}
