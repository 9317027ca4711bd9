/** The lists of a working group's life (no schemas here: pages name them without bundling zod). */
export const WORKING_GROUP_STATUSES = ['forming', 'active', 'closed'] as const;
export type WorkingGroupStatus = (typeof WORKING_GROUP_STATUSES)[number];

/** `non-objection` (decision 0039): a request is circulated to members for the group's non-objection period, objections are signed and public, the chair decides. */
export const JOIN_POLICIES = ['open', 'approval', 'non-objection'] as const;
export type JoinPolicy = (typeof JOIN_POLICIES)[number];

export const JOIN_REQUEST_STATUSES = ['pending', 'admitted', 'refused', 'withdrawn'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

/** Why a chair term ended (the database's vocabulary; `term-ended` is a term that reached its end date). */
export const CHAIR_TERM_END_REASONS_RECORDED = ['resigned', 'removed-by-ballot', 'term-ended', 'left-group'] as const;
export type RecordedChairTermEndReason = (typeof CHAIR_TERM_END_REASONS_RECORDED)[number];

export const CHAIR_NOMINATION_STATUSES = ['nominated', 'declined', 'balloting', 'confirmed', 'rejected', 'lapsed', 'withdrawn'] as const;
export type ChairNominationStatus = (typeof CHAIR_NOMINATION_STATUSES)[number];
