import type { BracketView } from '@parley/contracts';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useBrackets } from './useBrackets';

interface BracketsOnPage {
  /** Open brackets located in the version read, by clause id (start order). */
  byClause: Map<string, BracketView[]>;
}

const BracketsContext = createContext<BracketsOnPage>({ byClause: new Map() });

/** Loads a document's brackets for the version read and gives each clause row its open ones. */
export function BracketsProvider({ documentId, version, children }: { documentId: string; version: number; children: ReactNode }) {
  const query = useBrackets(documentId, version);
  const value = useMemo(() => {
    const byClause = new Map<string, BracketView[]>();
    for (const b of query.data?.brackets ?? []) {
      if (b.status !== 'open' || b.start === null) continue;
      byClause.set(b.clauseId, [...(byClause.get(b.clauseId) ?? []), b]);
    }
    for (const list of byClause.values()) list.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    return { byClause };
  }, [query.data]);
  return <BracketsContext.Provider value={value}>{children}</BracketsContext.Provider>;
}

/** The open brackets of one clause in the version read (none outside a BracketsProvider). */
export function useClauseBrackets(clauseId: string): BracketView[] {
  return useContext(BracketsContext).byClause.get(clauseId) ?? NONE;
}
const NONE: BracketView[] = [];
