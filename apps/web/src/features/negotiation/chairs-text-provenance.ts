import type { ProvenanceOriginResponse, ProvenanceResponse } from '@parley/contracts';
import type { TFunction } from 'i18next';

type Headline = NonNullable<ProvenanceResponse['headline']>;

/**
 * "38% of this text was written in the Chair's text Rev.1 (pen: Microsoft, private sector)": a chair's
 * text is named with its office AND the organisation and stakeholder group of whoever held the pen.
 */
export function chairsTextHeadline(t: TFunction, h: Headline, values: { percent: string; organisation: string | null }): string {
  const c = h.chairsText;
  const office = c ? t(`chairsTexts.officeInline.${c.office}`) : '';
  const label = c?.label ?? '';
  return t(h.organisationName ? `chairsTexts.provenance.headlineOf.${h.group}` : `chairsTexts.provenance.headlineBy.${h.group}`, { ...values, office, label });
}

/** The hover title of a passage a chair's text wrote: "Written in the Chair's text Rev.1 (pen: Ana Ruiz (Microsoft, Private sector))". */
export function chairsTextSegmentTitle(t: TFunction, o: Extract<ProvenanceOriginResponse, { kind: 'chairs-text' }>, who: string): string {
  return t('chairsTexts.provenance.segment', { office: t(`chairsTexts.officeInline.${o.office}`), label: o.label, who });
}

/** The line naming who wrote a chair's text's words in a clause: "Rev.1, Chair's text, pen held by". */
export function chairsTextOriginLine(t: TFunction, o: Extract<ProvenanceOriginResponse, { kind: 'chairs-text' }>): string {
  return t('chairsTexts.provenance.origin', { label: o.label, office: t(`chairsTexts.office.${o.office}`) });
}
