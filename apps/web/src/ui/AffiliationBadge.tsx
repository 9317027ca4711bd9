import { Anchor, Group, Text } from '@mantine/core';
import type { AffiliationSnapshot } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConfirmationMark } from './ConfirmationMark';
import { isolatedSentence } from './Isolated';
import { StakeholderGroupBadge } from './StakeholderGroupBadge';
import { VerifiedMark } from './VerifiedMark';

export type AffiliationShown = Pick<AffiliationSnapshot, 'organisationName' | 'stakeholderGroup' | 'organisationVerified'> &
  Partial<Pick<AffiliationSnapshot, 'title' | 'subtype' | 'confirmation'>>;

export interface AffiliationBadgeProps {
  name: string;
  /** Links the name to the person's public profile. */
  personId?: string;
  /** The affiliation as it was when the person acted (or is now); null when they have none. */
  affiliation: AffiliationShown | null;
  /** Show the person's title before the organisation. */
  withTitle?: boolean;
  size?: 'xs' | 'sm' | 'md';
}

/**
 * The one compact form in which a person appears anywhere in Parley: name, organisation,
 * stakeholder group (colour and name), whether the organisation is verified, and whether it
 * confirmed the person's affiliation (not shown for acts recorded before confirmations existed).
 * The name, the title and the organisation are each isolated (`<bdi>`): a Latin name keeps its
 * direction in an Arabic page, an Arabic one in an English page.
 */
export function AffiliationBadge({ name, personId, affiliation, withTitle = false, size = 'sm' }: AffiliationBadgeProps) {
  const { t } = useTranslation();
  const badgeSize = size === 'md' ? 'md' : 'sm';
  return (
    <Group component="span" gap={6} wrap="wrap" align="center" style={{ display: 'inline-flex', rowGap: 2 }} data-testid="affiliation-badge">
      {personId ? (
        <Anchor component={Link} to={`/people/${personId}`} size={size} fw={600}>
          <bdi>{name}</bdi>
        </Anchor>
      ) : (
        <Text span size={size} fw={600}>
          <bdi>{name}</bdi>
        </Text>
      )}
      {affiliation ? (
        <>
          <Text span size={size} c="dimmed">
            {withTitle && affiliation.title
              ? isolatedSentence(t, 'affiliation.atOrganisation', { title: affiliation.title, organisation: affiliation.organisationName }, ['title', 'organisation'])
              : <bdi data-testid="organisation-name">{affiliation.organisationName}</bdi>}
          </Text>
          <StakeholderGroupBadge group={affiliation.stakeholderGroup} size={badgeSize} />
          <VerifiedMark verified={affiliation.organisationVerified} size={size === 'md' ? 'sm' : 'xs'} />
          {affiliation.confirmation !== undefined ? <ConfirmationMark confirmation={affiliation.confirmation} size={size === 'md' ? 'sm' : 'xs'} /> : null}
        </>
      ) : (
        <Text span size={size} c="dimmed" fs="italic">
          {t('affiliation.none')}
        </Text>
      )}
    </Group>
  );
}
