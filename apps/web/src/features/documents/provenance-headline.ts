import type { ProvenanceResponse } from '@parley/contracts';
import type { TFunction } from 'i18next';
import { chairsTextHeadline } from '../negotiation/chairs-text-provenance';

/** The largest share of the text and who held it: the original draft's organisation, or one group's amendments. */
export function provenanceHeadline(t: TFunction, h: ProvenanceResponse['headline'], percent: (share: number) => string): string {
  if (!h) return t('documents.provenance.noAmendments');
  const values = { percent: percent(h.share), organisation: h.organisationName };
  if (h.source === 'amendments') return t(`documents.provenance.headlineBy.${h.group}`, values);
  if (h.source === 'chairs-text') return chairsTextHeadline(t, h, values);
  return t(h.organisationName ? `documents.provenance.headlineOriginalOf.${h.group}` : `documents.provenance.headlineOriginalBy.${h.group}`, values);
}
