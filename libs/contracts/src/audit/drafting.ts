import { z } from 'zod';
import { AMENDMENT_KINDS, BALLOT_OUTCOMES, CLAUSE_KINDS } from '@parley/domain';
import { AMENDMENT_STATUSES, COMMENT_KINDS, DISPOSITIONS } from '../drafting';
import { affiliationSnapshot, event, id, isoTime } from './define';
import { MEMBERS_ONLY_ISSUE } from './procedures-publication';
import { UN_LANGUAGES } from '../languages';
import { AMENDMENT_CITATIONS } from './agreed-language';

const onDocument = { documentId: id };
const decided = { ...onDocument, ballotId: id, outcome: z.enum(BALLOT_OUTCOMES), explanation: z.string() };
const cosponsorship = z.strictObject({ ...onDocument, authorStakeholderGroup: z.string(), cosponsorStakeholderGroup: z.string(), crossGroup: z.boolean() });
const setAside = z.strictObject({ amendmentId: id, reason: z.string(), note: z.string() });

const versionCreated = z.strictObject({
  ...onDocument,
  number: z.number(),
  previous: z.number(),
  applied: z.array(z.strictObject({ amendmentId: id, kind: z.enum(AMENDMENT_KINDS), clauseId: id })),
  notApplied: z.array(setAside),
  outdated: z.array(setAside),
  carriedForward: z.array(id),
  clauses: z.number(),
  textDigest: z.string(),
  /** What its maker wrote about the version (null when they wrote nothing; absent on rows written before decision 0029). */
  note: z.string().nullable().optional(),
  /** Options chosen when brackets were removed, applied or not (decision 0031); absent when none was waiting. */
  bracketChoices: z
    .strictObject({
      applied: z.array(z.strictObject({ bracketId: id, clauseId: id, optionId: id })),
      notApplied: z.array(z.strictObject({ bracketId: id, clauseId: id, optionId: id, reason: z.enum(['clause-not-found', 'passage-not-found']), note: z.string() })),
    })
    .optional(),
  /** Paragraphs deleted because their separate vote failed (decision 0038); absent when none was waiting. */
  divisionDeletions: z.array(z.strictObject({ divisionId: id, ballotId: id, clauseIds: z.array(id) })).optional(),
  ...MEMBERS_ONLY_ISSUE,
});

/** Documents, versions, comments and amendments (each group's chain). */
export const DRAFTING_EVENTS = {
  'document.created': event(
    'document',
    z.strictObject({
      ...onDocument,
      title: z.string(),
      version: z.number(),
      from: z.enum(['clauses', 'pasted-text']),
      clauses: z.number(),
      textDigest: z.string(),
      ...MEMBERS_ONLY_ISSUE,
      /** The text's original language (decision 0045); absent on rows written before it (English). */
      originalLanguage: z.enum(UN_LANGUAGES).optional(),
    }),
  ),
  'version.created': event(
    'version',
    versionCreated,
  ),
  'version.adopted': event(
    'version',
    z.union([
      z.strictObject({ ...decided, number: z.number() }),
      /** Adopted by a silence procedure that held (decision 0036): no ballot. */
      z.strictObject({ ...onDocument, silenceProcedureId: id, deadline: isoTime, outcome: z.literal('passed'), explanation: z.string(), number: z.number() }),
    ]),
  ),
  'comment.posted': event(
    'comment',
    z.strictObject({
      ...onDocument,
      version: z.number(),
      clauseId: id,
      /** The comment a reply answers; null for a comment that starts a thread. */
      parentId: id.nullable(),
      kind: z.enum(COMMENT_KINDS),
      body: z.string(),
      quote: z.strictObject({ text: z.string(), start: z.number(), end: z.number() }).nullable(),
      /** Members mentioned (`@[Name](id)` in the body, issue #20), each with their affiliation when mentioned; absent on comments without mentions and before #20. */
      mentions: z.array(z.strictObject({ personId: id, name: z.string(), snapshot: affiliationSnapshot.nullable() })).optional(),
      /** The language the body was written in (decision 0047); absent when not said and before. */
      writtenLanguage: z.enum(UN_LANGUAGES).optional(),
    }),
  ),
  /** A participant added a translation of a comment or reply (decision 0047): theirs, never official. */
  'comment.translated': event(
    'comment',
    z.strictObject({ ...onDocument, clauseId: id, translationId: id, language: z.enum(UN_LANGUAGES), writtenLanguage: z.enum(UN_LANGUAGES).nullable(), text: z.string() }),
  ),
  'comment.disposed': event(
    'comment',
    z.strictObject({ ...onDocument, version: z.number(), clauseId: id, kind: z.enum(COMMENT_KINDS), disposition: z.enum(DISPOSITIONS), reason: z.string() }),
  ),
  'amendment.proposed': event(
    'amendment',
    z.strictObject({
      ...onDocument,
      kind: z.enum(AMENDMENT_KINDS),
      baseVersion: z.number(),
      targetClauseId: id.nullable(),
      targetText: z.string().nullable(),
      text: z.string().nullable(),
      newClauseKind: z.enum(CLAUSE_KINDS).nullable(),
      rationale: z.string(),
      /** The language it was written in (decision 0047); absent when not said and before. */
      writtenLanguage: z.enum(UN_LANGUAGES).optional(),
      /** Agreed language the text quotes (decision 0054). */
      ...AMENDMENT_CITATIONS,
    }),
  ),
  /** A participant added a translation of an amendment's rationale (decision 0047): theirs, never official. */
  'amendment.rationale-translated': event(
    'amendment',
    z.strictObject({ ...onDocument, translationId: id, language: z.enum(UN_LANGUAGES), writtenLanguage: z.enum(UN_LANGUAGES).nullable(), text: z.string() }),
  ),
  'amendment.cosponsored': event('amendment', cosponsorship),
  'amendment.cosponsorship-withdrawn': event('amendment', cosponsorship),
  'amendment.withdrawn': event('amendment', z.strictObject({ ...onDocument, previousStatus: z.enum(AMENDMENT_STATUSES) })),
  'amendment.accepted': event('amendment', z.strictObject(decided)),
  'amendment.rejected': event('amendment', z.strictObject(decided)),
  'amendment.outdated': event(
    'amendment',
    z.union([
      // Left out of a new version (not applied, or its clause changed), or frozen by an adoption.
      z.strictObject({ ...onDocument, reason: z.string(), note: z.string(), version: z.number() }),
      // A competing amendment to the same clause was accepted.
      z.strictObject({ ...onDocument, reason: z.string(), acceptedAmendmentId: id, note: z.string() }),
    ]),
  ),
} as const;
