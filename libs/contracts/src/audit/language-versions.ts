import { z } from 'zod';
import { UN_LANGUAGES } from '../languages';
import { event, id } from './define';

const language = z.enum(UN_LANGUAGES);

/** Language versions of a text (issue #23, decision 0045), each group's chain. */
export const LANGUAGE_VERSION_EVENTS = {
  /**
   * A member saved the translation of a clause of a version into a language: the text, the original
   * text it was made from, and the translation it superseded (null for the first). The translator's
   * affiliation is the event's actor snapshot.
   */
  'translation.saved': event(
    'document',
    z.strictObject({
      documentId: id,
      version: z.number(),
      clauseId: id,
      language,
      text: z.string(),
      sourceText: z.string(),
      translationId: id,
      supersedes: id.nullable(),
    }),
  ),
  /** The chair set the document's original language while it had one version. */
  'document.original-language-changed': event('document', z.strictObject({ documentId: id, before: language, after: language })),
  /** The chair declared the group's authentic languages (besides each document's original). */
  'working-group.authentic-languages-changed': event(
    'working-group',
    z.strictObject({ before: z.array(language), after: z.array(language), note: z.string().nullable() }),
  ),
} as const;
