import type { NotificationKind } from './kinds';

/**
 * Which kind of news an act is, where that is a rule rather than a lookup (issue #20). The API finds
 * the facts (the parent comment, the chairs); these say what they mean.
 */

/** A reply tells the parent's author; a chair's answer to a clarification question is that question answered. */
export function replyKind(parentKind: string, replierChairs: boolean): NotificationKind {
  return parentKind === 'clarification' && replierChairs ? 'clarification-answered' : 'comment-reply';
}

export const SILENCE_OUTCOMES = { 'silence.passed': 'passed', 'silence.objection-raised': 'broken', 'silence.withdrawn': 'withdrawn' } as const;
export type SilenceOutcome = (typeof SILENCE_OUTCOMES)[keyof typeof SILENCE_OUTCOMES];

/** How a silence procedure ended, by the act that ended it; null for any other act. */
export const silenceOutcomeOf = (action: string): SilenceOutcome | null => (Object.hasOwn(SILENCE_OUTCOMES, action) ? SILENCE_OUTCOMES[action as keyof typeof SILENCE_OUTCOMES] : null);

/**
 * Whether an admission answers a request someone waits on: a chair's or the convener's decision on
 * a request does; the convener joining the group they create (no request), or an open group letting
 * someone in at once (their own act), does not.
 */
export const admissionAnswersRequest = (via: string, hasRequest: boolean): boolean => hasRequest && via !== 'open-policy';
