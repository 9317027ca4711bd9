import {
  AMENDMENT_STATUSES,
  CHAIR_NOMINATION_STATUSES,
  CHAIR_TERM_END_REASONS_RECORDED,
  DISPOSITIONS,
  type FieldErrorCode,
  type RefusalCode,
} from '@parley/contracts';
import { FLOOR_STATES, MEETING_STATUSES, ORGANISATION_SUBTYPES, STAKEHOLDER_GROUPS } from '@parley/domain';

/**
 * Params of a refusal that carry a value of one of Parley's lists (an amendment's status, a
 * comment's disposition, …): the API sends the value, the web says it in the reader's language with
 * the interface's own words for it (`<key>.<value>`), so a French refusal reads entirely French.
 * `list`: the param is several values joined by ', '. `lower`: the word sits inside a sentence.
 */
export interface ValueWords {
  values: readonly string[];
  key: string;
  lower?: boolean;
  list?: boolean;
}

type ParamWords = Record<string, ValueWords>;

const amendmentStatus: ValueWords = { values: AMENDMENT_STATUSES, key: 'documents.amendmentStatus', lower: true };
const meetingStatus: ValueWords = { values: MEETING_STATUSES, key: 'meetings.status', lower: true };
const nominationStatus: ValueWords = { values: CHAIR_NOMINATION_STATUSES, key: 'workingGroups.nominations.status', lower: true };

export const VALUE_PARAMS: Partial<Record<RefusalCode | FieldErrorCode, ParamWords>> = {
  'not-proposed': { status: amendmentStatus },
  'source-not-open': { status: amendmentStatus },
  'recommendation-not-open': { status: amendmentStatus },
  'comment-disposed': { disposition: { values: DISPOSITIONS, key: 'audit.dispositions' } },
  'nomination-answered': { status: nominationStatus },
  'nomination-not-withdrawable': { status: nominationStatus },
  // `needed` is a status, or 'not closed' (planned or open).
  'meeting-status': { status: meetingStatus, needed: { ...meetingStatus, values: [...MEETING_STATUSES, 'not closed'] } },
  'floor-request-state': { state: { values: FLOOR_STATES, key: 'meetings.floor.states', lower: true } },
  'term-ended': { reason: { values: CHAIR_TERM_END_REASONS_RECORDED, key: 'chairTerms.endReasons', lower: true } },
  'subtype-mismatch': {
    stakeholderGroup: { values: STAKEHOLDER_GROUPS, key: 'audit.groups' },
    allowed: { values: ORGANISATION_SUBTYPES, key: 'subtypes', list: true },
  },
};

type Translate = (key: string) => string;

/** One param's value in words: each value of the list through the interface's key; anything else as sent. */
export function valueInWords(t: Translate, words: ValueWords, value: string): string {
  const say = (v: string) => {
    if (!words.values.includes(v)) return v;
    const w = t(`${words.key}.${v}`);
    return words.lower ? w.charAt(0).toLowerCase() + w.slice(1) : w;
  };
  return words.list ? value.split(', ').map(say).join(', ') : say(value);
}
