import { STAKEHOLDER_GROUPS, SUBTYPES_BY_GROUP, type StakeholderGroup } from '@parley/domain';
import type { TFunction } from 'i18next';

export const groupOptions = (t: TFunction) => STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`groups.${g}`) }));

/** Sub-types of one group, or all of them grouped under their group's name. */
export function subtypeOptions(t: TFunction, group: StakeholderGroup | null | undefined) {
  if (group) return SUBTYPES_BY_GROUP[group].map((s) => ({ value: s, label: t(`subtypes.${s}`) }));
  return STAKEHOLDER_GROUPS.map((g) => ({ group: t(`groups.${g}`), items: SUBTYPES_BY_GROUP[g].map((s) => ({ value: s, label: t(`subtypes.${s}`) })) }));
}
