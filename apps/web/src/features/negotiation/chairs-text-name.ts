import type { ChairsTextSummary, VersionSummary } from '@parley/contracts';
import type { TFunction } from 'i18next';

/** "Rev.1 — Chair's text (draft)": the label, the office and the standing, in the reader's language. */
export function chairsTextTitle(t: TFunction, c: Pick<ChairsTextSummary, 'label' | 'office' | 'standing'>): string {
  return t('chairsTexts.title', { label: c.label, office: t(`chairsTexts.office.${c.office}`), standing: t(`chairsTexts.standing.${c.standing}`) });
}

/** "Ana Ruiz, Government of X (Government)": the pen holder and their affiliation as at the issue. */
export function penHolderName(t: TFunction, pen: ChairsTextSummary['penHolder']): string {
  const name = pen.name ?? '?';
  const s = pen.snapshot;
  return s ? t('chairsTexts.pen', { name, organisation: s.organisationName, group: t(`groups.${s.stakeholderGroup}`) }) : name;
}

/** "Rev.1 — Chair's text (draft), pen held by Ana Ruiz, Government of X (Government)". */
export function chairsTextName(t: TFunction, c: ChairsTextSummary): string {
  return t('chairsTexts.penHeldBy', { title: chairsTextTitle(t, c), pen: penHolderName(t, c.penHolder) });
}

/** How a version is named wherever versions are listed: "Version 2", or "Version 3 — Rev.1 — Chair's text (draft)". */
export function versionName(t: TFunction, v: Pick<VersionSummary, 'number' | 'chairsText'>): string {
  return v.chairsText ? t('chairsTexts.versionName', { number: v.number, title: chairsTextTitle(t, v.chairsText) }) : t('documents.version.number', { number: v.number });
}

/** Where a version is named once, in full: "Version 3 — Rev.1 — Chair's text (draft), pen held by Ana Ruiz, Government of X (Government)". */
export function versionFullName(t: TFunction, v: Pick<VersionSummary, 'number' | 'chairsText'>): string {
  return v.chairsText ? t('chairsTexts.versionName', { number: v.number, title: chairsTextName(t, v.chairsText) }) : t('documents.version.number', { number: v.number });
}
