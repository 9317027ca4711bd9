import { z } from 'zod';
import { instant } from '../api/domain-shapes';
import { text } from '../common';
import { UN_LANGUAGES } from '../languages';
import { actorRef } from './actors';

/**
 * The language a comment, a reply or an amendment (its text and rationale) was written in, one of
 * the six UN languages (decision 0047). The web client sends the writer's interface language unless
 * they choose another; rows written before are null (unknown) and shown without a mark.
 */
export const writtenLanguage = /* @__PURE__ */ z.enum(UN_LANGUAGES);

/**
 * A translation a participant added of a comment or of an amendment's rationale: never official,
 * always shown as theirs, with their affiliation when they added it.
 */
export const personTranslation = /* @__PURE__ */ z
  .object({
    id: z.string(),
    language: writtenLanguage,
    text: z.string(),
    translator: actorRef,
    createdAt: instant,
  })
  .meta({ id: 'PersonTranslation' });
export type PersonTranslation = z.infer<typeof personTranslation>;

/** POST /api/comments/:id/translations and /api/amendments/:id/rationale-translations. */
export const addTranslationRequest = /* @__PURE__ */ z.strictObject({
  /** The language of the translation: not the one the original was written in. */
  language: writtenLanguage,
  text: text(10_000),
});
export type AddTranslationRequest = z.infer<typeof addTranslationRequest>;
