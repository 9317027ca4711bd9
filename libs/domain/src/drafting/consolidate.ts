import { indexClauses } from './clause-index';
import type { AcceptedAmendment, AmendmentKind, Clause } from './types';

export type NotAppliedReason =
  'duplicate-amendment-id' | 'target-not-found' | 'target-deleted' | 'target-already-amended' | 'new-clause-id-taken';

export interface AppliedAmendment {
  amendmentId: string;
  kind: AmendmentKind;
  /** The clause replaced or deleted, or the clause the insertion created. */
  clauseId: string;
}

export interface NotAppliedAmendment {
  amendmentId: string;
  reason: NotAppliedReason;
  /** An English explanation; the reason code is what a translated interface keys on. */
  note: string;
}

export interface ConsolidationResult {
  /** The next version's clauses. */
  clauses: Clause[];
  /** In the order they were applied. */
  applied: AppliedAmendment[];
  notApplied: NotAppliedAmendment[];
}

function acceptedTime(amendment: AcceptedAmendment): number {
  const time = Date.parse(amendment.acceptedAt);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/**
 * The order consolidation applies accepted amendments in: by acceptance instant (`acceptedAt`, parsed,
 * so any ISO-8601 form compares correctly; an unparseable one sorts last), then by amendment id
 * (compared by code units, not locale). Ids are unique, so this is a total order.
 */
export function compareAcceptance(a: AcceptedAmendment, b: AcceptedAmendment): number {
  const byTime = acceptedTime(a) - acceptedTime(b);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Slot {
  clause: Clause;
  deleted: boolean;
  /** Created by an insertion in this consolidation. */
  inserted: boolean;
  /** Id of the amendment that already replaced, deleted or created this clause in this consolidation. */
  amendedBy: string | null;
}

/**
 * Applies every accepted amendment to a version and returns the next one. The result does not depend
 * on the order amendments are given in: they are applied in `compareAcceptance` order.
 *
 * - `replace` and `delete` need their target to exist, not to have been deleted, and not to have been
 *   replaced, deleted or created already in this consolidation (two accepted amendments rewriting one
 *   clause conflict; the later one is reported, never silently overwrites the earlier).
 * - `insert` goes after its target (or at the start when the target is null), after any clauses
 *   already inserted at that place in this consolidation, so insertions at one place read in
 *   acceptance order. Its target may have been deleted by an earlier amendment: the new clause then
 *   takes the deleted clause's place.
 * - The new clause's id is `newClauseId(amendment)`; it must not be an id the version already uses.
 * - Two amendments with one id are both refused, whatever their order.
 */
export function consolidate(
  clauses: readonly Clause[],
  acceptedAmendments: readonly AcceptedAmendment[],
  newClauseId: (amendment: AcceptedAmendment) => string,
): ConsolidationResult {
  indexClauses(clauses);
  const slots: Slot[] = clauses.map((clause) => ({ clause, deleted: false, inserted: false, amendedBy: null }));
  const applied: AppliedAmendment[] = [];
  const notApplied: NotAppliedAmendment[] = [];

  const idCounts = new Map<string, number>();
  for (const a of acceptedAmendments) idCounts.set(a.id, (idCounts.get(a.id) ?? 0) + 1);

  const ordered = [...acceptedAmendments].sort(compareAcceptance);
  const refuse = (amendment: AcceptedAmendment, reason: NotAppliedReason, note: string): void => {
    notApplied.push({ amendmentId: amendment.id, reason, note });
  };
  const slotIndex = (clauseId: string): number => slots.findIndex((s) => s.clause.id === clauseId);

  for (const amendment of ordered) {
    if ((idCounts.get(amendment.id) ?? 0) > 1) {
      refuse(amendment, 'duplicate-amendment-id', `More than one accepted amendment has the id "${amendment.id}".`);
      continue;
    }
    if (amendment.kind === 'insert') {
      let at = 0;
      if (amendment.targetClauseId !== null) {
        const anchor = slotIndex(amendment.targetClauseId);
        if (anchor === -1) {
          refuse(amendment, 'target-not-found', `Clause "${amendment.targetClauseId}" to insert after is not in this version.`);
          continue;
        }
        at = anchor + 1;
      }
      while (at < slots.length && slots[at].inserted) at++;
      const id = newClauseId(amendment);
      if (slotIndex(id) !== -1) {
        refuse(amendment, 'new-clause-id-taken', `The new clause id "${id}" is already used in this version.`);
        continue;
      }
      const clause: Clause = { id, kind: amendment.newClauseKind, text: amendment.text };
      slots.splice(at, 0, { clause, deleted: false, inserted: true, amendedBy: amendment.id });
      applied.push({ amendmentId: amendment.id, kind: 'insert', clauseId: id });
      continue;
    }

    const index = slotIndex(amendment.targetClauseId);
    const slot = index === -1 ? undefined : slots[index];
    if (!slot) {
      refuse(amendment, 'target-not-found', `Clause "${amendment.targetClauseId}" is not in this version.`);
    } else if (slot.deleted) {
      refuse(amendment, 'target-deleted', `Clause "${amendment.targetClauseId}" was deleted by amendment "${slot.amendedBy}".`);
    } else if (slot.amendedBy !== null) {
      refuse(
        amendment,
        'target-already-amended',
        `Clause "${amendment.targetClauseId}" was already ${slot.inserted ? 'created' : 'replaced'} by amendment "${slot.amendedBy}" in this consolidation.`,
      );
    } else {
      if (amendment.kind === 'replace') slot.clause = { ...slot.clause, text: amendment.text };
      else slot.deleted = true;
      slot.amendedBy = amendment.id;
      applied.push({ amendmentId: amendment.id, kind: amendment.kind, clauseId: amendment.targetClauseId });
    }
  }

  return { clauses: slots.filter((s) => !s.deleted).map((s) => s.clause), applied, notApplied };
}
