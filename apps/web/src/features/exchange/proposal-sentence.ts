import type { ClauseKind } from '@parley/domain';
import type { TFunction } from 'i18next';

/** What an amendment read from a Word file does, by the names of the clauses it touches (PP2, OP3). */
export type ProposalShape = { kind: 'replace' | 'delete'; clause: string } | { kind: 'insert'; after: string | null; clauseKind: ClauseKind };

/** "Replace OP3", "Delete PP2", "Insert an operative clause after OP3", in the reader's language. */
export function proposalSentence(t: TFunction, p: ProposalShape): string {
  if (p.kind !== 'insert') return t(`exchange.proposal.${p.kind}`, { clause: p.clause });
  const kind = t(`documents.kinds.${p.clauseKind}`).toLowerCase();
  return p.after === null ? t('exchange.proposal.insertFirst', { kind }) : t('exchange.proposal.insertAfter', { clause: p.after, kind });
}
