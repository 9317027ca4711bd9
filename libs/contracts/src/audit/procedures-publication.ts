import { z } from 'zod';
import { CLAUSE_KINDS } from '@parley/domain';
import { event, id } from './define';

/**
 * Members-only drafts (decision 0041). The issuing events (`document.created`, `version.created`,
 * `version.chairs-text-issued`) take one optional key: the version is circulated to members only
 * until that instant. Their `textDigest` commits to the text; rows written before carry no key
 * and read unchanged.
 */
export const MEMBERS_ONLY_ISSUE = {
  /** ISO instant until which the version is read by the group's members only; absent: public at once. */
  membersOnlyUntil: z.string().optional(),
};

/** Members-only versions, each group's chain. */
export const PUBLICATION_EVENTS = {
  /**
   * The scheduler published a members-only version at its date: the text as published, in
   * reading order, so a verifier checks its digest against the one the issuing event committed to.
   */
  'version.published': event(
    'version',
    z.strictObject({
      documentId: id,
      number: z.number(),
      membersOnlyUntil: z.string(),
      textDigest: z.string(),
      clauses: z.array(z.strictObject({ id, kind: z.enum(CLAUSE_KINDS), text: z.string() })),
    }),
  ),
} as const;
