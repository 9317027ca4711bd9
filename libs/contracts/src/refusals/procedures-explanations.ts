import { spec } from './define';

/** Explanations of position (apps/api/src/procedures/explanations, decision record 0037). */
export const EXPLANATION_REFUSALS = {
  /** Only a member or observer delegation of the group explains its position. */
  'explanations-members-only': spec(403),
  /** A person speaks only for the organisation of their current affiliation. */
  'explanation-other-delegation': spec<{ organisation: string }>(403),
  /** Nobody is deciding on this version: no adoption under way, not adopted. */
  'explanation-not-under-decision': spec<{ version: number }>(409),
  /** The days after adoption during which explanations are taken have passed. */
  'explanation-window-closed': spec<{ version: number; closedAt: string }>(409),
  /** The delegation already disassociated from this paragraph of this version. */
  'already-disassociated': spec<{ organisation: string; paragraph: string }>(409),
} as const;
