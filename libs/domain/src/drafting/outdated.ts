import type { Amendment, Clause } from './types';

export type AmendmentStanding =
  /** Written against the current version. */
  | { status: 'current' }
  /** Written against an older version, but its target is unchanged, so it still applies. */
  | { status: 'carried-forward'; fromVersion: number; toVersion: number }
  | { status: 'outdated'; reason: 'target-deleted' | 'target-changed'; note: string };

export interface CurrentVersion {
  number: number;
  clauses: readonly Clause[];
}

/**
 * Whether an amendment written against version `amendment.baseVersion` still applies to the current
 * version. A `replace` or `delete` is outdated when its target clause is gone or its text differs from
 * `targetTextAtBase` (the target's text in the base version). An `insert` only depends on its place:
 * it is outdated when the clause it goes after is gone (an insertion at the start never is), and
 * `targetTextAtBase` is not used.
 *
 * Throws when the base version is newer than the current one, or when a replace or delete comes
 * without its target's base text: both are caller errors, not states of an amendment.
 */
export function amendmentStanding(amendment: Amendment, current: CurrentVersion, targetTextAtBase: string | null): AmendmentStanding {
  if (amendment.baseVersion > current.number) {
    throw new RangeError(
      `Amendment "${amendment.id}" is based on version ${amendment.baseVersion}, after the current version ${current.number}`,
    );
  }
  if (amendment.kind !== 'insert' && targetTextAtBase === null) {
    throw new TypeError(`Amendment "${amendment.id}" needs the text of its target clause in version ${amendment.baseVersion}`);
  }
  if (amendment.baseVersion === current.number) return { status: 'current' };

  const targetId = amendment.targetClauseId;
  if (targetId !== null) {
    const target = current.clauses.find((c) => c.id === targetId);
    if (!target) {
      return {
        status: 'outdated',
        reason: 'target-deleted',
        note: `The clause it ${amendment.kind === 'insert' ? 'follows' : 'amends'} was deleted after version ${amendment.baseVersion}.`,
      };
    }
    if (amendment.kind !== 'insert' && target.text !== targetTextAtBase) {
      return {
        status: 'outdated',
        reason: 'target-changed',
        note: `The clause it amends changed after version ${amendment.baseVersion}.`,
      };
    }
  }
  return { status: 'carried-forward', fromVersion: amendment.baseVersion, toVersion: current.number };
}

/**
 * Two amendments compete when both rewrite one clause (replace or delete) of one version. Insertions
 * never compete: several can be accepted after one clause.
 */
export function competes(a: Amendment, b: Amendment): boolean {
  return (
    a.id !== b.id && a.kind !== 'insert' && b.kind !== 'insert' && a.targetClauseId === b.targetClauseId && a.baseVersion === b.baseVersion
  );
}

/** Groups of two or more competing amendments, to be shown together; each group and the list ordered by id. */
export function competingGroups(amendments: readonly Amendment[]): Amendment[][] {
  const groups = new Map<string, Amendment[]>();
  for (const a of amendments) {
    if (a.kind === 'insert') continue;
    const key = JSON.stringify([a.targetClauseId, a.baseVersion]);
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  const byId = (x: Amendment, y: Amendment): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => [...g].sort(byId))
    .sort((x, y) => byId(x[0], y[0]));
}

export interface OutdatedByAcceptance {
  amendmentId: string;
  reason: 'competing-amendment-accepted';
  acceptedAmendmentId: string;
  note: string;
}

/** The open amendments that become outdated because a competing one was accepted. */
export function outdatedByAcceptance(accepted: Amendment, open: readonly Amendment[]): OutdatedByAcceptance[] {
  return open
    .filter((a) => competes(accepted, a))
    .map((a) => ({
      amendmentId: a.id,
      reason: 'competing-amendment-accepted',
      acceptedAmendmentId: accepted.id,
      note: `Amendment "${accepted.id}" to the same clause of version ${accepted.baseVersion} was accepted.`,
    }));
}
