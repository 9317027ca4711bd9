/**
 * Accreditation by non-objection (issue #19, decision record 0039). Under the `non-objection` join
 * policy a request is circulated to the group's members for the group's `nonObjectionHours`. During
 * it a voting member (or a chair) may object, signed and reasoned; an objection is public and may be
 * withdrawn by its author. The chair decides once the circulation has ended, with every objection in
 * view: admitting over standing objections needs each of them acknowledged. Silence is not consent:
 * a request without objections is still decided by the chair.
 */

const HOUR_MS = 3_600_000;

/** When the circulation of a request made at `requestedAt` ends, under a period of `hours`. */
export function circulationEndsAt(requestedAt: Date, hours: number): Date {
  return new Date(requestedAt.getTime() + hours * HOUR_MS);
}

/** Whether the circulation is still running at `now` (objections may be raised until its end, exclusive). */
export function isCirculating(endsAt: Date, now: Date): boolean {
  return now.getTime() < endsAt.getTime();
}

/** What the objector is in the group, as the rule reads it. */
export interface ObjectorFacts {
  /** A current affiliation and a group that is not closed (checked before, by the shared standing rule). */
  kind: 'member' | 'observer' | null;
  isChair: boolean;
  /** The objector is the applicant themself. */
  isApplicant: boolean;
  /** The objector already has a standing (not withdrawn) objection on this request. */
  hasStandingObjection: boolean;
}

export type ObjectionBlock = 'not-a-voting-member' | 'own-request' | 'not-pending' | 'circulation-over' | 'already-objected';

/**
 * Who may object, when: a voting member or a chair of the group (observers take no part in the
 * group's decisions, so they do not weigh on its composition either), never on their own request,
 * only while the request is pending and its circulation runs, and once at a time.
 */
export function objectionBlock(who: ObjectorFacts, request: { pending: boolean; endsAt: Date }, now: Date): ObjectionBlock | null {
  if (who.kind !== 'member' && !who.isChair) return who.isApplicant ? 'own-request' : 'not-a-voting-member';
  if (who.isApplicant) return 'own-request';
  if (!request.pending) return 'not-pending';
  if (!isCirculating(request.endsAt, now)) return 'circulation-over';
  if (who.hasStandingObjection) return 'already-objected';
  return null;
}

/** The chair decides once the circulation has ended (admitting or refusing alike): the members had their full period. */
export function decisionBlock(endsAt: Date, now: Date): 'circulation-running' | null {
  return isCirculating(endsAt, now) ? 'circulation-running' : null;
}

/** The standing objections an admission has not acknowledged (each must be, by id). */
export function unacknowledgedObjections(standing: readonly string[], acknowledged: readonly string[] | undefined): string[] {
  const seen = new Set(acknowledged ?? []);
  return standing.filter((id) => !seen.has(id));
}

export type CirculationOutcome =
  | { kind: 'circulating'; standingObjections: number }
  | { kind: 'awaiting-chair'; standingObjections: number }
  | { kind: 'admitted-over-objections'; standingObjections: number }
  | { kind: 'admitted-without-objection' }
  | { kind: 'refused'; standingObjections: number }
  | { kind: 'withdrawn' };

/** Where a circulated request stands, in words a reader can follow: the chair decides with the objections in view. */
export function circulationOutcome(
  status: 'pending' | 'admitted' | 'refused' | 'withdrawn',
  endsAt: Date,
  standingObjections: number,
  now: Date,
): CirculationOutcome {
  if (status === 'withdrawn') return { kind: 'withdrawn' };
  if (status === 'refused') return { kind: 'refused', standingObjections };
  if (status === 'admitted') return standingObjections > 0 ? { kind: 'admitted-over-objections', standingObjections } : { kind: 'admitted-without-objection' };
  return isCirculating(endsAt, now) ? { kind: 'circulating', standingObjections } : { kind: 'awaiting-chair', standingObjections };
}

/** The outcome in one English sentence (the web says it in the reader's language from the same kinds). */
export function circulationOutcomeInWords(o: CirculationOutcome): string {
  const n = (k: number) => `${k} objection${k === 1 ? '' : 's'}`;
  switch (o.kind) {
    case 'circulating':
      return o.standingObjections === 0 ? 'Circulating to members: no objection raised so far' : `Circulating to members: ${n(o.standingObjections)} raised so far`;
    case 'awaiting-chair':
      return o.standingObjections === 0
        ? 'Circulation ended with no objection raised; the chair decides'
        : `Circulation ended with ${n(o.standingObjections)}; the chair decides with them in view`;
    case 'admitted-over-objections':
      return `Admitted by the chair over ${n(o.standingObjections)}, acknowledged`;
    case 'admitted-without-objection':
      return 'Admitted by the chair; no objection was raised during circulation';
    case 'refused':
      return o.standingObjections === 0 ? 'Refused by the chair; no objection was raised during circulation' : `Refused by the chair, with ${n(o.standingObjections)} in view`;
    case 'withdrawn':
      return 'Withdrawn by the applicant';
  }
}
