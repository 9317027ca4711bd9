/**
 * The silence procedure (decision 0036, after the practice of UN General Assembly decision 74/544):
 * a chair circulates the current version of a document and states a deadline; if no voting member
 * objects by then, the text is adopted at the deadline. One objection, with its reason, breaks
 * silence: the procedure ends at once and the text is not adopted. A chair may withdraw it before
 * its deadline.
 */
export const SILENCE_STATES = ['under-way', 'passed', 'broken', 'withdrawn'] as const;
export type SilenceState = (typeof SILENCE_STATES)[number];

const HOUR = 3_600_000;

/** The earliest deadline a silence procedure started at `now` may have, in a group whose minimum is `minimumHours`. */
export function earliestSilenceDeadline(now: Date, minimumHours: number): Date {
  return new Date(now.getTime() + minimumHours * HOUR);
}

/** Whether `deadline` leaves the members at least the group's minimum to object. */
export function silenceDeadlineLongEnough(deadline: Date, now: Date, minimumHours: number): boolean {
  return deadline.getTime() >= earliestSilenceDeadline(now, minimumHours).getTime();
}

/** The facts about one procedure the rules read. */
export interface SilenceFacts {
  state: SilenceState;
  deadline: Date;
}

/**
 * Why an objection cannot be raised now, or null when it can: the procedure ended (passed, broken or
 * withdrawn), or its deadline has come (silence held: only the scheduler's adoption is left).
 */
export function objectionRefusal(s: SilenceFacts, now: Date): 'silence-ended' | 'silence-deadline-passed' | null {
  if (s.state !== 'under-way') return 'silence-ended';
  if (now.getTime() >= s.deadline.getTime()) return 'silence-deadline-passed';
  return null;
}

/** A chair withdraws a procedure only while it is under way and before its deadline. */
export const withdrawalRefusal = objectionRefusal;

/** Whether the scheduler adopts the text now: still under way and the deadline has come. */
export function silenceHeld(s: SilenceFacts, now: Date): boolean {
  return s.state === 'under-way' && now.getTime() >= s.deadline.getTime();
}

/** How a procedure ended, in words, as the audit log and the adopted text's record state it. */
export function silenceExplanation(
  s: { state: SilenceState; deadline: Date },
  objection?: { name: string; organisationName: string; reason: string } | null,
): string {
  const by = s.deadline.toISOString();
  switch (s.state) {
    case 'passed':
      return `No objection was raised by the deadline (${by}): silence held and the text is adopted.`;
    case 'broken':
      return objection
        ? `Silence was broken by ${objection.name} (${objection.organisationName}), who objected: “${objection.reason}”. The text is not adopted.`
        : 'Silence was broken by an objection. The text is not adopted.';
    case 'withdrawn':
      return 'The chair withdrew the silence procedure before its deadline. The text is not adopted.';
    case 'under-way':
      return `Under silence until ${by}: adopted then unless a member objects.`;
  }
}
