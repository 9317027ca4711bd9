import type { RefusalTexts } from './texts';

export const ACCREDITATION_TEXT = {
  'voting-members-object': () => 'Only a voting member or a chair of this working group can object to a join request',
  'own-request-objection': () => 'You cannot object to your own request to join',
  'request-not-circulated': () => 'This request was not circulated under non-objection: there is nothing to object to',
  'circulation-over': (p) => `The circulation of this request ended at ${p.endsAt} UTC: objections are closed`,
  'already-objected': () => 'You already object to this request; withdraw your objection first to raise another',
  'objector-only-withdraws': () => 'Only the member who raised an objection can withdraw it',
  'objection-withdrawn': () => 'This objection was already withdrawn',
  'circulation-running': (p) => `This request is circulated to members until ${p.endsAt} UTC: the chair decides once the circulation has ended`,
  'objections-unacknowledged': (p) => `${p.count} objection${p.count === 1 ? ' is' : 's are'} not acknowledged; read and acknowledge each to admit over ${p.count === 1 ? 'it' : 'them'} (the acknowledgement is recorded)`,
  'reason-for-admitting-over-objections': (p) => `Admitting over ${p.count} objection${p.count === 1 ? '' : 's'} needs a reason, shown to the applicant and the objectors`,
  'deciders-only-rules': () => 'Only a chair of this working group (or its convener, while no chair is confirmed) can change its rules of procedure',
} satisfies Partial<RefusalTexts>;
