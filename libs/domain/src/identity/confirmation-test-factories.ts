import type { ConfirmationMark } from './affiliation-confirmation';

/** The confirmation test snapshots carry by default: a focal point of the organisation vouched for them. */
export const CONFIRMED_BY_FOCAL_POINT: ConfirmationMark = { by: { id: 'focal-point-1', name: 'Focal Point' }, as: 'focal-point', at: '2026-01-01T08:00:00.000Z' };
