import { z } from 'zod';
import { ADOPTION_WARNING_KINDS, LAST_CALL_WARNING_KINDS } from '@parley/domain';
import { amendmentKindValue, decisionRuleValue, instant } from '../api/domain-shapes';
import { actorRef } from './actors';
import { unansweredClarification } from './comments';
import { compareResponse, consolidationReport } from './documents';
import { bracketWarning } from '../negotiation/brackets';
import { languageGapView } from './language-versions';

/** An amendment named in a chair's safeguard: which, on which clause (its label in the current version), by whom. */
const namedAmendment = /* @__PURE__ */ z.object({
  amendmentId: z.string(),
  kind: amendmentKindValue,
  clauseLabel: z.string().nullable(),
  author: actorRef,
  rationale: z.string(),
});

/**
 * Every warning that applies before a version is put to adoption, by ballot or by silence procedure
 * (decision records 0029, 0036), each listed: the chair acknowledges each kind to go ahead.
 */
export const adoptionWarningsView = /* @__PURE__ */ z.object({
  /** The kinds that apply; the chair acknowledges each (`acknowledgedWarnings`) to go ahead. */
  warnings: z.array(z.enum(ADOPTION_WARNING_KINDS)),
  unansweredClarifications: z.array(unansweredClarification),
  openAmendmentBallots: z.array(namedAmendment.extend({ ballotId: z.string(), closesAt: instant })),
  acceptedUnconsolidated: z.array(namedAmendment),
  /** Passages still in square brackets, and brackets removed with a chosen option not yet consolidated (decision 0031). */
  openBrackets: z.array(bracketWarning),
  unappliedBracketChoices: z.array(bracketWarning),
  /** Clauses a delegation agrees only ad referendum, not lifted, withdrawn or expired (decision record 0032). */
  openAdRefs: z.array(z.object({ adRefId: z.string(), clauseId: z.string(), clauseLabel: z.string().nullable(), organisationName: z.string(), expiresOn: z.string(), agreedBy: actorRef })),
  /** The group's circulation period, while it still runs for this version (decision 0036): since when the version is available, when the period ends. */
  circulationPeriod: z.object({ availableSince: instant, endsAt: instant, days: z.number() }).nullable(),
  /** The version's last call, when it is warned of (decision 0038): the group's rule, the last call held (if any), the comments raised in it without disposition. */
  lastCall: z
    .object({
      requiredDays: z.number(),
      held: z.object({ days: z.number(), opensAt: instant, closesAt: instant, open: z.boolean() }).nullable(),
      undisposed: z.array(z.object({ commentId: z.string(), clauseId: z.string(), clauseLabel: z.string().nullable(), kind: z.string(), body: z.string() })),
      kinds: z.array(z.enum(LAST_CALL_WARNING_KINDS)),
    })
    .nullable(),
  /** The group's authentic languages whose version of this text is outdated or incomplete (decision 0045): the chair confirms with `acknowledgeOutdatedTranslations`. */
  translationGaps: z.array(languageGapView),
});
export type AdoptionWarningsView = z.infer<typeof adoptionWarningsView>;

/**
 * What a chair reads before opening the adoption ballot of a version (decision record 0029): every
 * warning that applies, each listed, and the terms the ballot would take by default.
 */
export const adoptionPreflightResponse = /* @__PURE__ */ adoptionWarningsView
  .extend({
    documentId: z.string(),
    version: z.number(),
    /** The group's terms for adoption ballots, and the closing time a ballot opened now would take by default. */
    defaults: z.object({ rule: decisionRuleValue, quorum: z.number(), closesAt: instant }),
  })
  .meta({ id: 'AdoptionPreflight' });
export type AdoptionPreflightResponse = z.infer<typeof adoptionPreflightResponse>;

/** The version a consolidation would create now: its text compared with the current version, and the amendments it applies. */
export const consolidationPreviewResponse = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    /** What the consolidation would create: `comparison.from` is the current version, `comparison.to` the next. */
    comparison: compareResponse,
    applied: z.array(namedAmendment),
    report: consolidationReport,
  })
  .meta({ id: 'ConsolidationPreview' });
export type ConsolidationPreviewResponse = z.infer<typeof consolidationPreviewResponse>;
