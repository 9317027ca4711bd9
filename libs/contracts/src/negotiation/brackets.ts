import { z } from 'zod';
import { instant } from '../api/domain-shapes';
import { text, uuid } from '../common';
import { actorRef } from '../drafting/actors';
import { MAX_CLAUSE_TEXT } from '../drafting/vocabulary';
import { fieldCode } from '../refusals/field-errors';

/** How a chair or rapporteur removes a bracket: by choosing one of its options, or by agreeing the passage as it reads. */
export const BRACKET_RESOLUTIONS = ['option-chosen', 'text-agreed'] as const;
export type BracketResolution = (typeof BRACKET_RESOLUTIONS)[number];
export const BRACKET_STATUSES = ['open', 'removed'] as const;
export type BracketStatus = (typeof BRACKET_STATUSES)[number];
/** At most this many options come with a bracket when it is opened. */
export const MAX_OPTIONS_AT_OPENING = 10;

/** An alternative wording for a bracketed passage, attributed. */
export const bracketOptionView = /* @__PURE__ */ z
  .object({
    id: z.string(),
    text: z.string(),
    rationale: z.string().nullable(),
    proposedBy: actorRef,
    proposedAt: instant,
    /** What streamlining merged this option into; null while it stands on its own. */
    mergedInto: z.string().nullable(),
  })
  .meta({ id: 'BracketOption' });
export type BracketOptionView = z.infer<typeof bracketOptionView>;

export const bracketRemovalView = /* @__PURE__ */ z.object({
  resolution: z.enum(BRACKET_RESOLUTIONS),
  /** The option chosen (`option-chosen`); null when the text was agreed as it reads. */
  optionId: z.string().nullable(),
  reason: z.string(),
  removedBy: actorRef,
  removedAt: instant,
  /** The version whose consolidation dealt with the chosen option, and whether it could apply it; null until then (and for `text-agreed`). */
  consolidatedInVersion: z.number().nullable(),
  consolidation: z.enum(['applied', 'not-applied']).nullable(),
});
export type BracketRemovalView = z.infer<typeof bracketRemovalView>;

/**
 * A bracket: a passage of one clause marked as not agreed, who asked for it (with their affiliation
 * then), when and why; its options; and, once removed, how, why and by whom. `start`/`end` locate the
 * passage in the clause text of the version read (null when it is no longer there, or the clause is
 * gone); `openedStart`/`openedEnd` are its offsets in the version it was opened on.
 */
export const bracketView = /* @__PURE__ */ z
  .object({
    id: z.string(),
    documentId: z.string(),
    clauseId: z.string(),
    passage: z.string(),
    start: z.number().nullable(),
    end: z.number().nullable(),
    openedInVersion: z.number(),
    openedStart: z.number(),
    openedEnd: z.number(),
    reason: z.string(),
    requestedBy: actorRef,
    requestedAt: instant,
    options: z.array(bracketOptionView),
    status: z.enum(BRACKET_STATUSES),
    removal: bracketRemovalView.nullable(),
  })
  .meta({ id: 'Bracket' });
export type BracketView = z.infer<typeof bracketView>;

export const bracketListResponse = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    /** The version the brackets are located in. */
    version: z.number(),
    /** Every bracket opened on this version or an earlier one, in clause order then oldest first. */
    brackets: z.array(bracketView),
    /** What the reader may do (on the current version of a document still drafted). */
    can: z.object({ open: z.boolean(), proposeOption: z.boolean(), remove: z.boolean() }),
  })
  .meta({ id: 'BracketList' });
export type BracketListResponse = z.infer<typeof bracketListResponse>;

const optionText = /* @__PURE__ */ text(MAX_CLAUSE_TEXT);
const rationale = /* @__PURE__ */ text(5000);

export const proposeOptionRequest = /* @__PURE__ */ z.strictObject({
  text: optionText,
  rationale: rationale.optional(),
});
export type ProposeOptionRequest = z.infer<typeof proposeOptionRequest>;

export const openBracketRequest = /* @__PURE__ */ z
  .strictObject({
    /** The version the passage is read in: the current one. */
    version: z.number().int().min(1).max(100_000),
    clauseId: uuid,
    /** The passage's offsets in the clause text (UTF-16 code units, end exclusive). */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    passage: z.string().min(1).max(MAX_CLAUSE_TEXT),
    reason: text(5000),
    options: z.array(proposeOptionRequest).max(MAX_OPTIONS_AT_OPENING).optional(),
  })
  .refine((b) => b.end > b.start, { path: ['end'], ...fieldCode('quote-end-after-start') });
export type OpenBracketRequest = z.infer<typeof openBracketRequest>;

export const removeBracketRequest = /* @__PURE__ */ z
  .strictObject({
    resolution: z.enum(BRACKET_RESOLUTIONS),
    /** The option chosen; required with `option-chosen`, refused with `text-agreed`. */
    optionId: uuid.optional(),
    reason: text(5000),
  })
  .superRefine((b, ctx) => {
    if (b.resolution === 'option-chosen' && !b.optionId) ctx.addIssue({ code: 'custom', path: ['optionId'], ...fieldCode('required') });
    if (b.resolution === 'text-agreed' && b.optionId) ctx.addIssue({ code: 'custom', path: ['optionId'], ...fieldCode('unknown-field') });
  });
export type RemoveBracketRequest = z.infer<typeof removeBracketRequest>;

/** What a consolidation did with the options chosen when brackets were removed (absent when none was waiting). */
export const bracketChoicesReport = /* @__PURE__ */ z.object({
  applied: z.array(z.object({ bracketId: z.string(), clauseId: z.string(), optionId: z.string() })),
  /** `reason`: `clause-not-found` or `passage-not-found`; `note` says it in English. */
  notApplied: z.array(
    z.object({
      bracketId: z.string(),
      clauseId: z.string(),
      optionId: z.string(),
      reason: z.enum(['clause-not-found', 'passage-not-found']),
      note: z.string(),
    }),
  ),
});
export type BracketChoicesReport = z.infer<typeof bracketChoicesReport>;

/** A bracket named in the adoption preflight: which passage, in which clause (its label in the version), asked for by whom, with how many options. */
export const bracketWarning = /* @__PURE__ */ z.object({
  bracketId: z.string(),
  clauseId: z.string(),
  clauseLabel: z.string().nullable(),
  passage: z.string(),
  requestedBy: actorRef,
  options: z.number(),
  /** The chosen option's text (`unapplied-bracket-choices`); null for an open bracket. */
  chosenText: z.string().nullable(),
});
export type BracketWarning = z.infer<typeof bracketWarning>;
