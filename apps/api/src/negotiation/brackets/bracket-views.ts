import { locatePassage } from '@parley/domain';
import type { BracketView } from '@parley/contracts';
import { actorRef } from '../../drafting/drafting.mapper';
import type { BracketRow } from './bracket.repository';

/** A stored bracket as read in a version whose clause reads `clauseText` (null: the clause is not in that version). */
export function toBracketView(b: BracketRow, clauseText: string | null): BracketView {
  const at = clauseText === null ? null : locatePassage(clauseText, b.passage, b.passageStart);
  return {
    id: b.id,
    documentId: b.documentId,
    clauseId: b.clauseId,
    passage: b.passage,
    start: at?.start ?? null,
    end: at?.end ?? null,
    openedInVersion: b.openedInVersion,
    openedStart: b.passageStart,
    openedEnd: b.passageEnd,
    reason: b.reason,
    requestedBy: actorRef(b.requestedBy, b.requesterName, b.requesterSnapshot),
    requestedAt: b.requestedAt.toISOString(),
    options: b.options.map((o) => ({
      id: o.id,
      text: o.text,
      rationale: o.rationale,
      proposedBy: actorRef(o.proposedBy, o.proposerName, o.proposerSnapshot),
      proposedAt: o.proposedAt.toISOString(),
      mergedInto: o.mergedInto,
    })),
    status: b.resolution === null ? 'open' : 'removed',
    removal:
      b.resolution === null || b.removalReason === null || b.removedAt === null
        ? null
        : {
            resolution: b.resolution,
            optionId: b.chosenOptionId,
            reason: b.removalReason,
            removedBy: actorRef(b.removedBy, b.removerName, b.removerSnapshot),
            removedAt: b.removedAt.toISOString(),
            consolidatedInVersion: b.consolidatedInVersion,
            consolidation: b.consolidation,
          },
  };
}
