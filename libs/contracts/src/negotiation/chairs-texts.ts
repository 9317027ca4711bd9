import { z } from 'zod';
import { CHAIRS_TEXT_STANDINGS, CLAUSE_KINDS, MAX_CHAIRS_TEXT_LABEL, MAX_CHAIRS_TEXT_SYMBOL, OFFICES } from '@parley/domain';
import { lineText, text, uuid } from '../common';
import { actorRef } from '../drafting/actors';
import { MAX_CLAUSE_TEXT, MAX_CLAUSES } from '../drafting/vocabulary';
import { citationsInput } from '../drafting/agreed-language';
import { membersOnlyUntilInput } from '../procedures/publication';

/**
 * A chair's text: the chair (or rapporteur) writes the next version themselves. `clauses` is the
 * whole text in reading order; a clause that keeps an existing clause's `id` keeps its identity
 * (comments and amendments follow it), one without an id is new.
 */
export const issueChairsTextRequest = /* @__PURE__ */ z.strictObject({
  /** "Zero draft", "Rev.1"… (GET …/chairs-texts/suggestion suggests it), or the group's own label. */
  label: lineText(MAX_CHAIRS_TEXT_LABEL),
  /** The group's own document symbol, if it has one (e.g. "A/AC.292/2025/CRP.1"). */
  symbol: lineText(MAX_CHAIRS_TEXT_SYMBOL).nullable().optional(),
  standing: z.enum(CHAIRS_TEXT_STANDINGS),
  office: z.enum(OFFICES),
  note: text(2000).nullable().optional(),
  clauses: z
    .array(
      z.strictObject({
        id: uuid.nullable().optional(),
        kind: z.enum(CLAUSE_KINDS),
        text: text(MAX_CLAUSE_TEXT),
        /** Agreed language the clause quotes (decision 0054): its words are precedent, not the pen holder's. */
        citations: citationsInput.optional(),
      }),
    )
    .min(1)
    .max(MAX_CLAUSES, `At most ${MAX_CLAUSES} clauses`),
  /** Circulated to the group's members only until then (decision 0041); absent: public at once. */
  membersOnlyUntil: membersOnlyUntilInput.optional(),
});
export type IssueChairsTextRequest = z.infer<typeof issueChairsTextRequest>;

/** What a version issued as a chair's text says of itself; the pen holder as at the issue. */
export const chairsTextSummary = /* @__PURE__ */ z
  .object({
    label: z.string(),
    symbol: z.string().nullable(),
    standing: z.enum(CHAIRS_TEXT_STANDINGS),
    office: z.enum(OFFICES),
    penHolder: actorRef,
  })
  .meta({ id: 'ChairsTextSummary' });
export type ChairsTextSummary = z.infer<typeof chairsTextSummary>;

/** What the editor starts from: the suggested label, and whether the reader may issue a chair's text now. */
export const chairsTextSuggestionResponse = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    /** The version the chair's text would follow. */
    basedOn: z.number(),
    /** "Zero draft" for the first chair's text of the document, then "Rev.1", "Rev.2"… */
    label: z.string(),
    /** Accepted amendments waiting for a consolidation: a chair's text is refused until they are consolidated. */
    acceptedWaiting: z.number(),
    /** Options chosen when brackets were removed, waiting for a consolidation: refused likewise. */
    chosenWaiting: z.number(),
  })
  .meta({ id: 'ChairsTextSuggestionResponse' });
export type ChairsTextSuggestionResponse = z.infer<typeof chairsTextSuggestionResponse>;
