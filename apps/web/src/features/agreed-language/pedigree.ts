import type { AgreedLanguagePedigree } from '@parley/contracts';
import type { TFunction } from 'i18next';

/** Where the adopted clause is read: its document at the adopted version, the clause open. */
export function pedigreeLink(p: AgreedLanguagePedigree): string {
  const q = new URLSearchParams({ v: String(p.version), clause: p.clauseId });
  return `/documents/${p.document.id}?${q.toString()}`;
}

/** "agreed in Paris Call v1 (Working group on norms), adopted 3 March 2026": the pedigree as one phrase. */
export function pedigreeSentence(t: TFunction, p: AgreedLanguagePedigree, date: (iso: string) => string): string {
  return t('agreedLanguage.pedigree.sentence', { document: p.document.title, version: p.version, group: p.workingGroup.name, date: date(p.adoptedAt) });
}

/** Each adopted clause once, in the order first met. */
export function uniquePedigrees(list: readonly AgreedLanguagePedigree[]): AgreedLanguagePedigree[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = `${p.document.id}:${p.version}:${p.clauseId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
