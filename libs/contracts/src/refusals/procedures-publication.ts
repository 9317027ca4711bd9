import { spec } from './define';

/** Members-only versions (apps/api/src/procedures/publication, decision 0041). */
export const PUBLICATION_REFUSALS = {
  /**
   * The version is circulated to the group's members only until `until` (an ISO instant), when it
   * is published: anyone else reads nothing of its text before then. A 404, as for a version that
   * is not there yet for this reader; `fingerprint` is the digest its issue committed to.
   */
  'version-members-only': spec<{ version: number; until: string; fingerprint: string }>(404),
  /** A ballot is public: none opens on a version (or an amendment proposed on one) still circulated to members only; it may open once the version is published at `until`. */
  'ballot-needs-publication': spec<{ version: number; until: string }>(409),
} as const;
