import { spec } from './define';

/** Accounts, affiliations, their confirmation by organisations, and focal points. */
export const IDENTITY_REFUSALS = {
  'email-taken': spec(409),
  'already-steward': spec<{ name: string }>(409),
  'affiliation-already-ended': spec<{ endDate: string }>(409),
  'ended-affiliation-not-primary': spec(409),
  // Confirmation of affiliations (libs/domain identity/affiliation-confirmation.ts).
  'own-affiliation': spec<{ organisation: string }>(403),
  'not-a-confirmer': spec<{ organisation: string }>(403),
  'confirmation-state': spec<{ decision: 'confirm' | 'refuse' | 'end'; status: 'pending' | 'confirmed' | 'refused' | 'ended' }>(409),
  'affiliation-ended': spec(409),
  'holder-is-focal-point': spec<{ organisation: string }>(409),
  'confirmation-queue-confirmers-only': spec(403),
  // Focal points.
  'self-appointment': spec(403),
  'organisation-has-focal-points': spec<{ organisation: string }>(403),
  'not-an-appointer': spec<{ organisation: string }>(403),
  'already-focal-point': spec<{ organisation: string }>(409),
  'appointee-not-affiliated': spec<{ organisation: string }>(409),
  'appointee-affiliation-closed': spec<{ organisation: string; status: 'refused' | 'ended' }>(409),
  'appointment-ended': spec(409),
  'not-an-appointment-ender': spec<{ organisation: string }>(403),
} as const;
