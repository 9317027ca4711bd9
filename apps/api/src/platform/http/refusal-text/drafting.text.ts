import { day, type RefusalTexts } from './texts';

const ACT = { withdraw: 'withdrawn', change: 'changed', cosponsor: 'co-sponsored', ballot: 'put to a ballot' } as const;

export const DRAFTING_TEXT = {
  'sign-in': () => 'Sign in to take part',
  'not-in-group': () => 'Only members and observers of this working group can comment',
  'translators-in-group-only': () => 'Only members and observers of this working group can add a translation of what is said in it',
  'members-only-amend': () => 'Only members of this working group can propose amendments; observers comment',
  'members-only-cosponsor': () => 'Only members of this working group can co-sponsor amendments',
  'editors-only': () => 'Only a chair or rapporteur of this working group can do this',
  'chairs-only': () => 'Only a chair of this working group can open a ballot',
  'own-amendment': () => 'You cannot co-sponsor your own amendment',
  'author-only-withdraw': () => 'Only the author can withdraw an amendment',
  'under-ballot': (p) =>
    p.what === 'amendment' ? 'This amendment is under ballot and can no longer be withdrawn' : 'This amendment is under ballot; co-sponsorships can no longer be withdrawn',
  'not-proposed': (p) => `This amendment is ${p.status}; only a proposed amendment can be ${ACT[p.act]}`,
  'already-cosponsor': () => 'You already co-sponsor this amendment',
  'not-cosponsor': () => 'You do not co-sponsor this amendment',
  'version-frozen': (p) => `Version ${p.version} was adopted; its text is frozen`,
  'not-current-version': (p) => {
    if (p.act === 'adopt') return `Only the current version (${p.current}) can be put to adoption`;
    if (p.act === 'view') return `Version ${p.version} is not the current version; comments and amendments are made on version ${p.current}`;
    return `${p.act === 'amend' ? 'Amendments are made against' : 'Comments are made on'} the current version (${p.current}); version ${p.version} is no longer current`;
  },
  'version-not-found': (p) => `Version ${p.version} of the document was not found`,
  'nothing-to-consolidate': () => 'No accepted amendment is waiting to be applied; any change to the text must be an amendment',
  'adoption-ballot-open': (p) =>
    p.act === 'consolidate'
      ? `An adoption ballot is open on version ${p.version}; a new version can be made once it closes`
      : `An adoption ballot on version ${p.version} is already open`,
  'comment-disposed': (p) => `This comment was already ${p.disposition}; a disposition is final`,
  'adoption-warnings-unacknowledged': (p) =>
    `${p.count} warning${p.count === 1 ? '' : 's'} about this version ${p.count === 1 ? 'is' : 'are'} not acknowledged (${p.warnings}); read them (GET …/adoption-preflight) and acknowledge each to open the adoption ballot (the acknowledgement is recorded)`,
  'unanswered-clarifications': (p) =>
    `${p.count} clarification question${p.count === 1 ? ' has' : 's have'} no answer yet; confirm to open the adoption ballot anyway (the warning is recorded)`,
  'export-needs-adoption': (p) => `Version ${p.version} is not adopted: only an adopted text is exported with its vote record`,
  'sign-in-to-endorse': () => 'Sign in to endorse on behalf of your organisation',
  'needs-affiliation-to-endorse': () => 'You need a current affiliation to endorse on behalf of an organisation',
  'all-organisations-endorsed': () => 'Every organisation you are affiliated to has already endorsed this text',
  'endorse-needs-adoption': (p) => `Version ${p.version} is not adopted: only an adopted text can be endorsed`,
  'no-affiliation-to-endorse': (p) =>
    `You have no current affiliation to ${p.organisation}: only a person currently affiliated to an organisation can endorse on its behalf`,
  'unconfirmed-affiliation': (p) =>
    `${p.organisation} has not confirmed your affiliation: only a person whose affiliation the organisation confirmed can ${p.act === 'endorse' ? 'endorse' : 'withdraw its endorsement'} on its behalf (ask one of its focal points)`,
  'already-endorsed': (p) => `${p.organisation} already endorsed version ${p.version} (by ${p.endorser}, ${day(p.date)}); an organisation endorses a text once`,
  'endorsement-withdrawn': (p) => `This endorsement was already withdrawn on ${day(p.date)}`,
  'no-affiliation-to-withdraw': (p) => `You have no current affiliation to ${p.organisation}: only its current delegates can withdraw its endorsement`,
} satisfies Partial<RefusalTexts>;
