import type { AmendmentStatus, Disposition } from '../drafting';
import { spec } from './define';
import { PROBLEM_TYPES } from './problem-types';

/** What a refused act on an amendment was (`not-proposed`). */
export type AmendmentAct = 'withdraw' | 'change' | 'cosponsor' | 'ballot';

/** Texts, comments, amendments, versions (drafting/drafting.policy.ts and the drafting services). */
export const DRAFTING_REFUSALS = {
  'sign-in': spec(401),
  'not-in-group': spec(403),
  /** A translation of a comment or rationale by someone outside the group (decision 0047). */
  'translators-in-group-only': spec(403),
  'members-only-amend': spec(403),
  'members-only-cosponsor': spec(403),
  'editors-only': spec(403),
  'chairs-only': spec(403),
  'own-amendment': spec(403),
  'author-only-withdraw': spec(403),
  'under-ballot': spec<{ what: 'amendment' | 'cosponsorship' }>(409),
  'not-proposed': spec<{ status: AmendmentStatus; act: AmendmentAct }>(409),
  'already-cosponsor': spec(409),
  'not-cosponsor': spec(403),
  'version-frozen': spec<{ version: number }>(409),
  'not-current-version': spec<{ version: number; current: number; act: 'amend' | 'comment' | 'adopt' | 'view' }>(409),
  'nothing-to-consolidate': spec(409),
  'version-not-found': spec<{ version: number }>(404),
  'adoption-ballot-open': spec<{ version: number; act: 'consolidate' | 'adopt' }>(409),
  'comment-disposed': spec<{ disposition: Disposition }>(409),
  'unanswered-clarifications': spec<{ count: number }>(409, PROBLEM_TYPES.unansweredClarifications),
  /** `warnings`: the kinds not acknowledged (ADOPTION_WARNING_KINDS), joined by ', '. */
  'adoption-warnings-unacknowledged': spec<{ count: number; warnings: string }>(409),
  'export-needs-adoption': spec<{ version: number }>(409),
} as const;
