import { signatoryHeadlineParts, type SignatoryCounts } from '@parley/contracts';
import type { TFunction } from 'i18next';

/** "A, B and C": British English (no serial comma, as the rest of the app writes) or French. */
function listOf(items: string[], lng: string): string {
  try {
    return new Intl.ListFormat(lng.startsWith('en') ? 'en-GB' : lng, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** "12 states, 3 local governments, 40 companies and 25 civil-society organisations", in the reader's language. */
export function signatoryHeadline(t: TFunction, counts: SignatoryCounts, lng: string): string {
  const parts = signatoryHeadlineParts(counts).map(({ category, count }) => t(`endorsements.categories.${category}`, { count }));
  return parts.length === 0 ? t('endorsements.headline.none') : listOf(parts, lng);
}
