import { spec } from './define';

export const ORGANISATION_REFUSALS = {
  'organisation-name-taken': spec<{ name: string }>(409),
  'organisation-already-verified': spec<{ name: string }>(409),
} as const;
