import { Text } from '@mantine/core';
import type { ProvenanceResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import './chairs-texts.css';

/** In the provenance totals: how many words chair's texts wrote (they are also counted under the pen holder's group and organisation). */
export function ChairsTextTotals({ p }: { p: ProvenanceResponse }) {
  const { t } = useTranslation();
  const words = p.totals.chairsText ?? 0;
  if (words === 0) return null;
  return (
    <Text size="sm" mb="xs" data-testid="provenance-chairs-text">
      {t('chairsTexts.provenance.totals', { count: words })}
    </Text>
  );
}
