import { CHAIRS_TEXT_OFFICE_NAMES, chairsTextName, type StakeholderGroup } from '@parley/domain';
import type { ChairsTextSummary } from '@parley/contracts';

const GROUP: Record<StakeholderGroup, string> = { government: 'government', 'private-sector': 'private sector', 'civil-society': 'civil society' };

/** "Rev.1 — Chair's text (draft), pen held by Ana Ruiz, Government of X (government)": a chair's text as the API's English exports name it. */
export function chairsTextInEnglish(c: ChairsTextSummary): string {
  const s = c.penHolder.snapshot;
  const pen = c.penHolder.name ? (s ? `${c.penHolder.name}, ${s.organisationName} (${GROUP[s.stakeholderGroup]})` : c.penHolder.name) : null;
  const name = chairsTextName({ label: c.label, office: CHAIRS_TEXT_OFFICE_NAMES[c.office], standing: c.standing, penHolder: pen });
  return c.symbol ? `${name}; symbol ${c.symbol}` : name;
}
