import { z } from 'zod';
import { ADOPTION_WARNING_KINDS, SILENCE_STATES } from '@parley/domain';
import { text } from '../common';
import { instant, affiliationSnapshotSchema } from '../api/domain-shapes';
import { actorRef } from '../drafting/actors';
import { adoptionWarningsView } from '../drafting/safeguards';

/**
 * The silence procedure (issue #19, decision 0036): a chair puts the current version of a document
 * under silence until a deadline; one voting member's reasoned objection breaks it; if none comes, the
 * scheduler adopts the version at the deadline.
 */
export const silenceStateValue = /* @__PURE__ */ z.enum(SILENCE_STATES);

export const startSilenceRequest = /* @__PURE__ */ z.strictObject({
  /** When silence ends: at least the group's `silenceMinimumHours` from now. */
  deadline: z.iso.datetime({ offset: true }),
  /** The adoption warnings (GET …/silence-preflight) the chair has read and goes ahead past; each one that applies must be listed. */
  acknowledgedWarnings: z.array(z.enum(ADOPTION_WARNING_KINDS)).max(ADOPTION_WARNING_KINDS.length).optional(),
  /** The chair confirms the warning that an authentic language version is outdated or incomplete (decision 0045); recorded in the event. */
  acknowledgeOutdatedTranslations: z.boolean().optional(),
});
export type StartSilenceRequest = z.infer<typeof startSilenceRequest>;

export const objectSilenceRequest = /* @__PURE__ */ z.strictObject({
  /** Why the member objects: public, recorded with their name and affiliation. */
  reason: text(2000),
});
export type ObjectSilenceRequest = z.infer<typeof objectSilenceRequest>;

export const withdrawSilenceRequest = /* @__PURE__ */ z.strictObject({ reason: text(2000) });
export type WithdrawSilenceRequest = z.infer<typeof withdrawSilenceRequest>;

/** A voting member who may object while silence is under way, with their affiliation now. */
export const silenceObjector = /* @__PURE__ */ z.object({ personId: z.string(), name: z.string(), snapshot: affiliationSnapshotSchema });

export const silenceView = /* @__PURE__ */ z
  .object({
    id: z.string(),
    documentId: z.string(),
    documentTitle: z.string(),
    workingGroupId: z.string(),
    version: z.number(),
    state: silenceStateValue,
    startedBy: actorRef,
    startedAt: instant,
    deadline: instant,
    /** The deadline has come with no objection: the scheduler adopts the text on its next pass. */
    due: z.boolean(),
    /** What the chair was warned of and acknowledged when starting it (null: nothing applied). */
    warnings: z.record(z.string(), z.unknown()).nullable(),
    /** The objection that broke silence. */
    objection: z.object({ id: z.string(), by: actorRef, reason: z.string(), at: instant }).nullable(),
    withdrawal: z.object({ by: actorRef, reason: z.string(), at: instant }).nullable(),
    endedAt: instant.nullable(),
    /** How it ended (or stands), in words. */
    explanation: z.string(),
    /** While under way: the voting members who may object (each with a current affiliation); empty once it ended. */
    mayObject: z.array(silenceObjector),
  })
  .meta({ id: 'SilenceProcedure' });
export type SilenceView = z.infer<typeof silenceView>;

export const silenceList = /* @__PURE__ */ z.object({ items: z.array(silenceView) }).meta({ id: 'SilenceProcedures' });
export type SilenceList = z.infer<typeof silenceList>;

/** What a chair reads before putting a version under silence: the adoption warnings, and the group's minimum. */
export const silencePreflightResponse = /* @__PURE__ */ adoptionWarningsView
  .extend({
    documentId: z.string(),
    version: z.number(),
    /** The group's shortest silence, and the earliest deadline a procedure started now may take. */
    defaults: z.object({ minimumHours: z.number(), earliestDeadline: instant }),
  })
  .meta({ id: 'SilencePreflight' });
export type SilencePreflightResponse = z.infer<typeof silencePreflightResponse>;
