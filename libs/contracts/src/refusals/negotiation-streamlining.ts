import type { AmendmentStatus } from '../drafting';
import { spec } from './define';

/** Streamlining proposals and the chair's recommendations (decision 0034, negotiation/streamlining). */
export const NEGOTIATION_STREAMLINING_REFUSALS = {
  /** A source (or an amendment of a recommendations ballot) is not an amendment of this document. */
  'not-of-document': spec<{ amendmentId: string }>(409),
  /** A source is under ballot: it runs its course. */
  'source-under-ballot': spec<{ amendmentId: string }>(409),
  /** A source is not open (proposed). */
  'source-not-open': spec<{ amendmentId: string; status: AmendmentStatus }>(409),
  /** The sources are not all at one place of one version (one clause rewritten, or insertions after one clause). */
  'sources-not-same-place': spec(409),
  /** The same amendment is named twice. */
  'amendment-named-twice': spec<{ amendmentId: string }>(400),
  /** An option named is not one of this bracket's (the passage as it stands is not an option). */
  'option-not-of-bracket': spec<{ optionId: string }>(409),
  /** An option named was already merged into another. */
  'option-already-merged': spec<{ optionId: string }>(409),
  /** A recommendation is given on a proposed amendment only. */
  'recommendation-not-open': spec<{ status: AmendmentStatus }>(409),
  /** `merged-into` and `accept-as-modified` point at another open amendment of the document (a chair's streamlined proposal for the latter). */
  'recommendation-target-invalid': spec<{ why: 'self' | 'other-document' | 'not-open' | 'not-streamlined' | 'not-found' }>(409),
  /** An amendment of the set has no recommendation. */
  'no-recommendation': spec<{ amendmentId: string }>(409),
  /** A recommendations ballot is already open on this document. */
  'recommendations-ballot-open': spec(409),
} as const;
