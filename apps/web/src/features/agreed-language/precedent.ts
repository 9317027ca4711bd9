import type { ProvenanceOriginResponse } from '@parley/contracts';
import type { TFunction } from 'i18next';
import { pedigreeSentence } from './pedigree';

/**
 * The hover title of words quoted from agreed language: "Precedent — agreed in Paris Call v1 (Working
 * group on norms), adopted 3 March 2026; inserted by Ana Ruiz (Microsoft, Private sector)".
 */
export function precedentSegmentTitle(t: TFunction, o: Extract<ProvenanceOriginResponse, { kind: 'precedent' }>, who: string, date: (iso: string) => string): string {
  return t('agreedLanguage.precedent.segment', { pedigree: pedigreeSentence(t, o.pedigree, date), who });
}
