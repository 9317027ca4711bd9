import type { RefusalTexts } from './texts';

const STATUS_NOW = { pending: 'still awaits confirmation', confirmed: 'is already confirmed', refused: 'was refused', ended: 'had its confirmation ended' } as const;
const WANTED = {
  confirm: 'Only an affiliation awaiting confirmation can be confirmed',
  refuse: 'Only an affiliation awaiting confirmation can be refused',
  end: 'Only a confirmed affiliation can have its confirmation ended',
} as const;

export const IDENTITY_TEXT = {
  'email-taken': () => 'An account with this e-mail address already exists',
  'already-steward': (p) => `${p.name} is already a steward`,
  'affiliation-already-ended': (p) => `This affiliation already ended on ${p.endDate}; history is never rewritten`,
  'ended-affiliation-not-primary': () => 'An ended affiliation cannot be primary',
  'own-affiliation': (p) => `Nobody decides on their own affiliation: a focal point of ${p.organisation} (or a steward) does`,
  'not-a-confirmer': (p) => `Only a focal point of ${p.organisation}, or a platform steward, can decide on affiliations to it`,
  'confirmation-state': (p) => `${WANTED[p.decision]}; this one ${STATUS_NOW[p.status]}`,
  'affiliation-ended': () => 'This affiliation has ended: there is nothing left to confirm',
  'holder-is-focal-point': (p) => `This person is a focal point of ${p.organisation}: end their appointment first`,
  'confirmation-queue-confirmers-only': () => 'Only a focal point of this organisation, or a platform steward, can see who awaits its confirmation',
  'self-appointment': () => 'Nobody appoints themself a focal point',
  'organisation-has-focal-points': (p) => `${p.organisation} has focal points: they appoint the others (a steward appoints only the first)`,
  'not-an-appointer': (p) => `Only a focal point of ${p.organisation} (or a steward, for its first) can appoint focal points`,
  'already-focal-point': (p) => `This person is already a focal point of ${p.organisation}`,
  'appointee-not-affiliated': (p) => `A focal point must hold a current affiliation to ${p.organisation}; this person has none`,
  'appointee-affiliation-closed': (p) => `This person's affiliation to ${p.organisation} was ${p.status}; they cannot be its focal point`,
  'appointment-ended': () => 'This appointment has already ended',
  'not-an-appointment-ender': (p) => `Only a focal point of ${p.organisation}, or a steward, can end a focal point's appointment`,
  'organisation-name-taken': (p) => `An organisation named “${p.name}” already exists`,
  'organisation-already-verified': (p) => `${p.name} is already verified`,
} satisfies Partial<RefusalTexts>;
