import type { RefusalTexts } from './texts';

const CLAUSE_WHY = {
  duplicate: 'a clause is named twice',
  'not-in-version': 'a clause named is not in this version',
  heading: 'a heading is not a paragraph and is not voted on separately',
  'whole-text': 'dividing every paragraph is the vote on the whole',
} as const;
const ORDER_WHY = {
  'too-few': 'an order needs at least two competing amendments',
  duplicate: 'an amendment is named twice',
  'not-competing': 'an amendment named is not an undecided amendment to this clause',
  missing: 'an undecided amendment to this clause is missing from the order',
} as const;

export const PROCEDURES_DIVISION_TEXT = {
  'division-members-only': () => 'Only a voting member of this working group (or a chair) can ask for a separate vote',
  'division-clause-invalid': (p) => `This separate vote cannot be asked for: ${CLAUSE_WHY[p.why] ?? p.why}`,
  'division-too-late': (p) => `The vote on the whole of version ${p.version} has begun: a separate vote is asked for before it`,
  'division-not-pending': (p) => `This request for a separate vote was already dealt with (${p.status})`,
  'division-version-superseded': (p) => `This request was made on version ${p.version}; the current version is ${p.current}`,
  'division-pending': (p) => `${p.count} separate vote${p.count === 1 ? ' is' : 's are'} still pending (to be decided, under ballot, or a deletion waiting for consolidation): the text cannot go to adoption yet`,
  'voting-order-invalid': (p) => `This order of voting cannot be set: ${ORDER_WHY[p.why] ?? p.why}`,
  'voting-order-ahead': (p) => `The amendment voted no. ${p.position} of ${p.of} in the order of voting, ahead of this one, is still undecided: its ballot comes first`,
  'last-call-exists': (p) => `Version ${p.version} already had its last call`,
  'last-call-too-short': (p) => `A last call lasts at least ${p.minimum} day${p.minimum === 1 ? '' : 's'} in this working group`,
} satisfies Partial<RefusalTexts>;
