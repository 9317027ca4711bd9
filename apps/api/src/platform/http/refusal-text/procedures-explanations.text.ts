import type { RefusalTexts } from './texts';

export const EXPLANATION_TEXT = {
  'explanations-members-only': () => 'Only a member or observer delegation of this working group can place an explanation of position',
  'explanation-other-delegation': (p) => `You speak for ${p.organisation}, the organisation of your current affiliation: an explanation cannot be placed for another organisation`,
  'explanation-not-under-decision': (p) => `Version ${p.version} is neither under adoption nor adopted: explanations of position are placed on a text being decided, or just decided`,
  'explanation-window-closed': (p) => `Explanations of position on version ${p.version} were taken until ${p.closedAt.slice(0, 10)}`,
  'already-disassociated': (p) => `${p.organisation} already disassociated from ${p.paragraph} of this version`,
} satisfies Partial<RefusalTexts>;
