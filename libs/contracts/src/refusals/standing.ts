import { spec } from './define';

/** The first condition of every act in a working group, shared by working groups, drafting and ballots. */
export const STANDING_REFUSALS = {
  'needs-affiliation': spec(403),
  'group-closed': spec(403),
} as const;
