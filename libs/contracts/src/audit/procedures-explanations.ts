import { z } from 'zod';
import { EXPLANATION_KINDS, EXPLANATION_TIMINGS } from '@parley/domain';
import { event, id } from './define';

/**
 * Explanations of position (issue #19, decision record 0037), on the group's chain. A statement is
 * never edited or withdrawn: the record is what was said, when, by whom, for which delegation.
 */
export const EXPLANATION_EVENTS = {
  'explanation.placed': event(
    'explanation',
    z.strictObject({
      documentId: id,
      version: z.number(),
      kind: z.enum(EXPLANATION_KINDS),
      organisationId: id,
      organisationName: z.string(),
      /** The paragraphs named (clause ids of the version) and their labels then ("OP7"). */
      clauseIds: z.array(id),
      labels: z.array(z.string()),
      text: z.string(),
      timing: z.enum(EXPLANATION_TIMINGS),
    }),
  ),
} as const;
