import { Badge, type MantineSize } from '@mantine/core';
import { STAKEHOLDER_COLOURS, type OrganisationSubtype, type StakeholderGroup } from '@parley/domain';
import { useTranslation } from 'react-i18next';

/** The group colour at 14% on white: dark text on it stays above 14:1 for all three groups. */
const TINTS: Record<StakeholderGroup, string> = {
  government: '#dbebf4',
  'private-sector': '#fcf2db',
  'civil-society': '#dbf1eb',
};

/**
 * A stakeholder group in its Okabe–Ito colour, always with its name (colour is never the only
 * signal), optionally followed by the sub-type.
 */
export function StakeholderGroupBadge({ group, subtype, size = 'sm' }: { group: StakeholderGroup; subtype?: OrganisationSubtype | null; size?: MantineSize }) {
  const { t } = useTranslation();
  const colour = STAKEHOLDER_COLOURS[group];
  return (
    <Badge
      size={size}
      radius="sm"
      variant="outline"
      data-group={group}
      leftSection={<span className="stakeholder-swatch" style={{ background: colour }} aria-hidden="true" />}
      styles={{ root: { borderColor: colour, background: TINTS[group], color: 'var(--mantine-color-gray-9)', textTransform: 'none', fontWeight: 600 } }}
    >
      {t(`groups.${group}`)}
      {subtype ? ` · ${t(`subtypes.${subtype}`)}` : null}
    </Badge>
  );
}
