import { z } from 'zod';
import { adoptionLanguageVersions } from '../decisions';
import { adoptionWarningsRecord } from './decisions';
import { event, id, isoTime } from './define';

const onVersion = { documentId: id, version: z.number() };

/** The silence procedure (issue #19, decision 0036), each group's chain. */
export const SILENCE_EVENTS = {
  'silence.started': event(
    'silence',
    z.strictObject({ ...onVersion, documentTitle: z.string(), deadline: isoTime, minimumHours: z.number(), /** The adoption warnings the chair acknowledged. */ warnings: adoptionWarningsRecord.optional(), /** What was put to adoption in each language (decision 0045). */ languageVersions: adoptionLanguageVersions.optional() }),
  ),
  /** An objection: silence is broken, the procedure ends at once and the text is not adopted. */
  'silence.objection-raised': event('silence', z.strictObject({ ...onVersion, objectionId: id, reason: z.string(), deadline: isoTime, explanation: z.string() })),
  'silence.withdrawn': event('silence', z.strictObject({ ...onVersion, reason: z.string(), deadline: isoTime })),
  /** No objection by the deadline: the scheduler ends it and the version is adopted (`version.adopted` follows). */
  'silence.passed': event('silence', z.strictObject({ ...onVersion, deadline: isoTime, explanation: z.string() })),
} as const;
