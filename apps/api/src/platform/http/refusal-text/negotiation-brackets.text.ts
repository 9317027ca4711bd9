import type { RefusalTexts } from './texts';

export const NEGOTIATION_BRACKET_TEXT = {
  'members-only-bracket': () => 'Only members and chairs of this working group can ask for brackets or propose options; observers comment',
  'bracket-removed': (p) =>
    `This bracket was already removed (${p.resolution === 'option-chosen' ? 'an option was chosen' : 'the text was agreed'}); a removal is final`,
  'bracket-on-old-version': (p) => `Brackets are opened on the current version (${p.current}), not on version ${p.version}`,
  'passage-mismatch': () => 'The passage does not match the clause text at these offsets',
  'brackets-overlap': (p) => `The passage overlaps an open bracket in this clause (characters ${p.start}–${p.end})`,
  'option-not-in-bracket': () => 'This option is not one of the bracket’s options',
  'option-merged': (p) => `Option ${p.optionId} was streamlined into option ${p.mergedInto}: choose that option, or agree the text as it reads`,
} satisfies Partial<RefusalTexts>;
