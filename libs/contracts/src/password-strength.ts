import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEn from '@zxcvbn-ts/language-en';
import type * as ZxcvbnFr from '@zxcvbn-ts/language-fr';

// The password rule, the same on the server (which enforces it) and in the web's sign-up form (which
// shows it while typing): at least 10 characters (the request schema) and hard enough to guess by
// zxcvbn's estimate, with its lists of common passwords, words, names and keyboard patterns in
// English and French, and the person's own name and e-mail address counting as known words.
// Decision record 0021.

/** zxcvbn's score goes from 0 (too guessable) to 4; 3 means at least 10^8 guesses, its own advice for an account. */
export const PASSWORD_MIN_SCORE = 3;

/** The packages the estimator is built from: the server requires them, the web imports them lazily (they weigh about 2 MB). */
export interface PasswordPackages {
  core: typeof ZxcvbnCore;
  common: typeof ZxcvbnCommon;
  en: typeof ZxcvbnEn;
  fr: typeof ZxcvbnFr;
}

export interface PasswordVerdict {
  /** 0 to 4. */
  score: number;
  strongEnough: boolean;
  /** Why it is weak, in the estimator's language; null when it has nothing to say. */
  warning: string | null;
  suggestions: string[];
}

export type PasswordEstimator = (password: string, knownWords: string[]) => PasswordVerdict;

/** What the person gave about themselves, as words a guesser would try first: the address, its parts, the name and its parts. */
export function passwordKnownWords(person: { email?: string; name?: string }): string[] {
  const email = (person.email ?? '').trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  const name = (person.name ?? '').trim().toLowerCase();
  const words = [email, local, ...local.split(/[._+-]+/), ...email.split(/[@.]+/), name, name.replace(/\s+/g, ''), ...name.split(/[\s'’-]+/), 'parley'];
  return [...new Set(words.filter((w) => w.length >= 3))];
}

/**
 * The estimator's bounds. Its matchers are combinatorial: a 200-character password of digits took 9 s
 * with the defaults (256 characters, 100 l33t substitutions), an easy way to stall the server with
 * anonymous registrations. The first 48 characters are judged (a longer password is at least as
 * strong as its beginning), with at most 3 l33t substitutions: under half a second on a busy machine.
 */
export const PASSWORD_ESTIMATOR_BOUNDS = { maxLength: 48, l33tMaxSubstitutions: 3 } as const;

/** An estimator over the English and French lists, giving its feedback in `language`. */
export function passwordEstimator(p: PasswordPackages, language: 'en' | 'fr'): PasswordEstimator {
  const zxcvbn = new p.core.ZxcvbnFactory({
    dictionary: { ...p.common.dictionary, ...p.en.dictionary, ...p.fr.dictionary },
    graphs: p.common.adjacencyGraphs,
    translations: language === 'fr' ? p.fr.translations : p.en.translations,
    ...PASSWORD_ESTIMATOR_BOUNDS,
  });
  return (password, knownWords) => {
    const result = zxcvbn.check(password, knownWords);
    return {
      score: result.score,
      strongEnough: result.score >= PASSWORD_MIN_SCORE,
      warning: result.feedback.warning || null,
      suggestions: result.feedback.suggestions,
    };
  };
}
