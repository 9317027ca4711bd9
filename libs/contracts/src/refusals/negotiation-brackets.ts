import type { BracketResolution } from '../negotiation/brackets';
import { spec } from './define';

/** Brackets and options (negotiation/brackets: brackets.policy.ts and the brackets service). */
export const NEGOTIATION_BRACKET_REFUSALS = {
  /** Observers comment; delegations (voting members) and chairs ask for brackets and propose options. */
  'members-only-bracket': spec(403),
  'bracket-removed': spec<{ resolution: BracketResolution }>(409),
  'bracket-on-old-version': spec<{ version: number; current: number }>(409),
  /** Named with the field at fault (`passage`, `start`, `optionId`). */
  'passage-mismatch': spec(400),
  'brackets-overlap': spec<{ start: number; end: number }>(400),
  'option-not-in-bracket': spec(400),
  /** The option chosen was streamlined into another (`mergedInto`): the chair chooses that one, or agrees the text. */
  'option-merged': spec<{ optionId: string; mergedInto: string }>(409),
} as const;
