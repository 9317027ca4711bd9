import { z } from 'zod';

/**
 * Members-only versions (decision 0041): the optional input an issuing form sends, and what every
 * reader is told of a version's publication terms.
 */

/** When issuing a version (a new document, a consolidation, a chair's text): kept to members until this instant, then published by the scheduler. */
export const membersOnlyUntilInput = /* @__PURE__ */ z.iso.datetime({ offset: true });

/** A version's publication terms as everyone reads them (the text itself only as the reader may). */
export const versionPublicationView = /* @__PURE__ */ z
  .object({
    /** Until when the version is circulated to the group's members only (ISO instant). */
    membersOnlyUntil: z.string(),
    /** When the scheduler published it; null while it is members-only. */
    publishedAt: z.string().nullable(),
    /** When it was issued members-only (the audit log's commitment is dated then). */
    issuedAt: z.string(),
    /** SHA-256 (hex) of the canonical JSON of its ordered clauses (id, kind, text), committed to in the issuing audit event. */
    fingerprint: z.string(),
    /** Whether this reader is refused its text now (not a current member, and not yet published). */
    withheld: z.boolean(),
  })
  .meta({ id: 'VersionPublication' });
export type VersionPublicationView = z.infer<typeof versionPublicationView>;
