import type { RefusalTexts } from './texts';

export const SILENCE_TEXT = {
  'silence-too-short': (p) => `A silence procedure lasts at least ${p.minimumHours} hours in this working group: choose a deadline on or after ${p.earliest}`,
  'silence-under-way': (p) => `Version ${p.version} is under silence until ${p.deadline}: wait for it to end, or withdraw it first`,
  'silence-ended': (p) => `This silence procedure has already ended (${p.state})`,
  'silence-deadline-passed': (p) => `The deadline (${p.deadline}) has come: silence held and the text is being adopted`,
  'silence-objection-members-only': () => 'Only a voting member of this working group, with a current affiliation, can break silence',
} satisfies Partial<RefusalTexts>;
