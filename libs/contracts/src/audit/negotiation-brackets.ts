import { z } from 'zod';
import { BRACKET_RESOLUTIONS } from '../negotiation/brackets';
import { event, id } from './define';

const onDocument = { documentId: id };
const option = z.strictObject({ optionId: id, text: z.string(), rationale: z.string().nullable() });

/** Brackets and options (decision record 0031), in the document's working-group chain. */
export const NEGOTIATION_BRACKET_EVENTS = {
  /** A delegation asked for a passage to be bracketed, with the options it proposed at once. */
  'bracket.opened': event(
    'bracket',
    z.strictObject({
      ...onDocument,
      version: z.number(),
      clauseId: id,
      passage: z.string(),
      start: z.number(),
      end: z.number(),
      reason: z.string(),
      options: z.array(option),
    }),
  ),
  /** An alternative wording proposed for a bracketed passage. */
  'bracket.option-proposed': event('bracket', z.strictObject({ ...onDocument, clauseId: id, ...option.shape })),
  /** A chair or rapporteur removed the bracket: an option chosen (its text replaces the passage at the next consolidation) or the text agreed as it reads. */
  'bracket.removed': event(
    'bracket',
    z.strictObject({
      ...onDocument,
      clauseId: id,
      passage: z.string(),
      resolution: z.enum(BRACKET_RESOLUTIONS),
      optionId: id.nullable(),
      optionText: z.string().nullable(),
      reason: z.string(),
    }),
  ),
  /** A consolidation dealt with a chosen option: applied it in the new version, or could not find the passage there. */
  'bracket.choice-consolidated': event(
    'bracket',
    z.strictObject({ ...onDocument, clauseId: id, version: z.number(), outcome: z.enum(['applied', 'not-applied']), note: z.string().nullable() }),
  ),
} as const;
