import type { RefusalTexts } from './texts';

const TARGET = {
  self: 'an amendment cannot be merged into itself',
  'other-document': 'the amendment pointed at belongs to another document',
  'not-open': 'the amendment pointed at is no longer open',
  'not-streamlined': 'accepting as modified points at a chair’s streamlined proposal',
  'not-found': 'the amendment pointed at was not found',
} as const;

/** Streamlining and recommendations (decision 0034). */
export const NEGOTIATION_STREAMLINING_TEXT = {
  'not-of-document': (p) => `Amendment ${p.amendmentId} is not an amendment of this document`,
  'source-under-ballot': (p) => `Amendment ${p.amendmentId} is under ballot; it runs its course and cannot be merged`,
  'source-not-open': (p) => `Amendment ${p.amendmentId} is ${p.status}; only proposed amendments can be merged`,
  'sources-not-same-place': () => 'Only proposals for the same clause (or insertions at the same place) of the same version can be merged',
  'amendment-named-twice': (p) => `Amendment ${p.amendmentId} is named twice`,
  'option-not-of-bracket': (p) => `Option ${p.optionId} is not an option of this bracket`,
  'option-already-merged': (p) => `Option ${p.optionId} was already merged into another option`,
  'recommendation-not-open': (p) => `This amendment is ${p.status}; a recommendation is given on a proposed amendment`,
  'recommendation-target-invalid': (p) => `This recommendation cannot point there: ${TARGET[p.why] ?? p.why}`,
  'no-recommendation': (p) => `Amendment ${p.amendmentId} has no recommendation from the chair yet`,
  'recommendations-ballot-open': () => 'A ballot on recommendations is already open on this document',
} satisfies Partial<RefusalTexts>;
