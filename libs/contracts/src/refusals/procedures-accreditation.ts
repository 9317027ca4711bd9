import { spec } from './define';

/** Accreditation by non-objection and the rules of procedure (apps/api/src/procedures/accreditation, decision 0039). */
export const ACCREDITATION_REFUSALS = {
  /** Only a voting member (or a chair) of the group objects to a join request. */
  'voting-members-object': spec(403),
  /** The applicant does not object to their own request. */
  'own-request-objection': spec(403),
  /** The request was not circulated under non-objection: there is nothing to object to. */
  'request-not-circulated': spec(409),
  /** The circulation ended: objections are closed. */
  'circulation-over': spec<{ endsAt: string }>(409),
  /** The member already has a standing objection on this request. */
  'already-objected': spec(409),
  /** Only the member who raised an objection withdraws it. */
  'objector-only-withdraws': spec(403),
  /** The objection was already withdrawn. */
  'objection-withdrawn': spec(409),
  /** The chair decides once the circulation has ended. */
  'circulation-running': spec<{ endsAt: string }>(409),
  /** Admitting over standing objections needs each one acknowledged. */
  'objections-unacknowledged': spec<{ count: number }>(409),
  /** Admitting over standing objections needs a reason. */
  'reason-for-admitting-over-objections': spec<{ count: number }>(400),
  /** Only a chair (or the convener before any chair) changes the group's rules of procedure. */
  'deciders-only-rules': spec(403),
} as const;
