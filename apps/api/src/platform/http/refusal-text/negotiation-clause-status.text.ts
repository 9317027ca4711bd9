import type { RefusalTexts } from './texts';

export const CLAUSE_STATUS_TEXT = {
  'members-only-ad-ref': () => 'Only a member delegate of this working group can agree a clause ad referendum, for their own delegation',
  'ad-ref-other-delegation': (p) => `This ad ref is ${p.organisation}’s: only a current delegate of ${p.organisation} can lift or withdraw it`,
  'ad-ref-open': (p) => `${p.organisation} already agrees this clause ad referendum (until ${p.expiresOn}); lift or withdraw it first`,
  'ad-ref-ended': (p) => `This ad ref was already ${p.ended}`,
  'ad-ref-expired': (p) => `This ad ref expired after ${p.expiresOn}; it can be withdrawn, or agreed again`,
  'heading-no-status': () => 'A heading is not a paragraph: it has no negotiating status',
  'clause-bracketed': (p) => `This paragraph still has ${p.brackets} passage${p.brackets === 1 ? '' : 's'} in brackets: lift ${p.brackets === 1 ? 'it' : 'them'} before recording it as agreed`,
} satisfies Partial<RefusalTexts>;
