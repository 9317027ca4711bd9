import { spec } from './define';

/** Clause status and agreed ad ref (apps/api/src/negotiation/clause-status). */
export const CLAUSE_STATUS_REFUSALS = {
  /** Only a voting member (or a chair) agrees ad ref, for their own delegation. */
  'members-only-ad-ref': spec(403),
  /** Another organisation's ad ref: only its own delegates lift or withdraw it. */
  'ad-ref-other-delegation': spec<{ organisation: string }>(403),
  /** The delegation already has an open ad ref on this clause. */
  'ad-ref-open': spec<{ organisation: string; expiresOn: string }>(409),
  /** The ad ref was already lifted, withdrawn or lapsed. */
  'ad-ref-ended': spec<{ ended: 'lifted' | 'withdrawn' | 'lapsed' }>(409),
  /** An expired ad ref cannot be lifted (it can be withdrawn, or given again). */
  'ad-ref-expired': spec<{ expiresOn: string }>(409),
  /** A heading is not a paragraph: it has no negotiating status. */
  'heading-no-status': spec(409),
  /** A paragraph with passages in open brackets is not agreed: the brackets are lifted first. */
  'clause-bracketed': spec<{ brackets: number }>(409),
} as const;
