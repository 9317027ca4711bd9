import { z } from 'zod';
import { CLAUSE_STATUSES } from '@parley/domain';
import { event, id } from './define';

const onClause = { documentId: id, clauseId: id, version: z.number() };
const adRef = { ...onClause, organisationId: id, organisationName: z.string(), expiresOn: z.string() };

/** Clause status and agreed ad ref (issue #18, decision record 0032), each group's chain. */
export const CLAUSE_STATUS_EVENTS = {
  'clause.status-changed': event(
    'clause-status',
    z.strictObject({ ...onClause, status: z.enum(CLAUSE_STATUSES), previous: z.enum(CLAUSE_STATUSES), note: z.string().nullable() }),
  ),
  'clause.ad-ref-agreed': event(
    'ad-ref',
    z.strictObject({ ...adRef, note: z.string().nullable(), /** An earlier ad ref of the same delegation, past its date, that this one replaces (marked lapsed). */ lapsed: id.nullable() }),
  ),
  'clause.ad-ref-lifted': event('ad-ref', z.strictObject({ ...adRef, note: z.string().nullable() })),
  'clause.ad-ref-withdrawn': event('ad-ref', z.strictObject({ ...adRef, note: z.string().nullable() })),
} as const;
