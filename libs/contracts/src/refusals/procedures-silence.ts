import { spec } from './define';

/** The silence procedure (apps/api/src/procedures/silence). */
export const SILENCE_REFUSALS = {
  /** A deadline sooner than the group's minimum silence. */
  'silence-too-short': spec<{ minimumHours: number; earliest: string }>(409),
  /** Another silence procedure is under way on the document. */
  'silence-under-way': spec<{ version: number; deadline: string }>(409),
  /** The procedure already ended (passed, broken or withdrawn). */
  'silence-ended': spec<{ state: string }>(409),
  /** The deadline has come: silence held, the text is being adopted. */
  'silence-deadline-passed': spec<{ deadline: string }>(409),
  /** Only a voting member of the group, with a current affiliation, breaks silence. */
  'silence-objection-members-only': spec(403),
} as const;
