import { z } from 'zod';
import { BALLOT_OUTCOMES, DECISION_RULES } from '@parley/domain';
import { affiliationSnapshot, choiceCounts, event, id, isoTime } from './define';

const person = { personId: id, name: z.string() };
const nominee = { nomineeId: id };
const decided = { ballotId: id, outcome: z.enum(BALLOT_OUTCOMES), totals: choiceCounts };
/** Present when the act made a forming group active. */
const groupStatus = { groupStatus: z.literal('active').optional() };

/** Chairs: nominations, confirmations by ballot, resignations and removals (each group's chain). */
export const CHAIR_EVENTS = {
  'chair.nominated': event(
    'chair-nomination',
    z.strictObject({
      ...nominee,
      nomineeName: z.string(),
      nomineeSnapshot: affiliationSnapshot,
      selfNomination: z.boolean(),
      statement: z.string().nullable(),
      termEndsOn: z.string().nullable(),
    }),
  ),
  'chair.nomination-accepted': event(
    'chair-nomination',
    z.strictObject({ ...nominee, snapshot: affiliationSnapshot, ballotId: id, rule: z.enum(DECISION_RULES), closesAt: isoTime }),
  ),
  'chair.nomination-declined': event('chair-nomination', z.strictObject({ ...nominee, snapshot: affiliationSnapshot.nullable(), note: z.string().nullable() })),
  'chair.nomination-withdrawn': event(
    'chair-nomination',
    z.strictObject({
      ...nominee,
      nomineeName: z.string(),
      nomineeSnapshot: affiliationSnapshot,
      by: z.enum(['nominee', 'nominator']),
      snapshot: affiliationSnapshot.nullable(),
      note: z.string().nullable(),
    }),
  ),
  'chair.confirmed': event(
    'chair-term',
    z.strictObject({
      ...person,
      snapshot: affiliationSnapshot.nullable(),
      nominationId: id,
      ...decided,
      startedAt: isoTime,
      endsAt: isoTime.nullable(),
      ...groupStatus,
    }),
  ),
  'chair.rejected': event(
    'chair-nomination',
    z.union([
      z.strictObject({ status: z.literal('rejected'), ...nominee, name: z.string(), ...decided, explanation: z.string() }),
      // The ballot passed, but the nominee could no longer take office (left, lost their affiliation…).
      z.strictObject({ status: z.literal('lapsed'), ...nominee, name: z.string(), ...decided, note: z.string() }),
    ]),
  ),
  'chair.resigned': event(
    'chair-term',
    z.strictObject({ ...person, termSnapshot: affiliationSnapshot, snapshot: affiliationSnapshot.nullable(), startedAt: isoTime, note: z.string().nullable() }),
  ),
  'chair.removal-proposed': event(
    'chair-term',
    z.strictObject({ motionId: id, ...person, termSnapshot: affiliationSnapshot, reason: z.string(), ballotId: id, rule: z.enum(DECISION_RULES) }),
  ),
  'chair.removed': event('chair-term', z.strictObject({ ...person, termSnapshot: affiliationSnapshot, motionId: id, reason: z.string(), ...decided })),
  'chair.removal-failed': event(
    'chair-term',
    z.union([
      z.strictObject({ status: z.literal('failed'), ...person, motionId: id, ...decided, explanation: z.string() }),
      // The motion passed after the term had already ended.
      z.strictObject({ status: z.literal('moot'), ...person, motionId: id, ...decided, note: z.string() }),
    ]),
  ),
  'chair.imported': event(
    'chair-term',
    z.strictObject({ ...person, snapshot: affiliationSnapshot, confirmingBallotId: z.null(), startedAt: isoTime, source: z.string(), ...groupStatus }),
  ),
} as const;
