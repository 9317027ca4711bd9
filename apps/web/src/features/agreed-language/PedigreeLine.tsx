import { Anchor, Text } from '@mantine/core';
import type { AgreedLanguagePedigree } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../ui/useFormatters';
import { pedigreeLink } from './pedigree';

/**
 * Where agreed language was agreed: the document and adopted version (a link to the clause there),
 * the working group, the clause's label, the adoption date and, when there was one, the adoption ballot.
 */
export function PedigreeLine({ pedigree: p, size = 'sm' }: { pedigree: AgreedLanguagePedigree; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const sep = <span aria-hidden="true"> · </span>;
  return (
    <Text size={size} component="span" className="pedigree" data-testid="pedigree" style={{ overflowWrap: 'anywhere' }}>
      <Anchor component={Link} to={pedigreeLink(p)} size={size} fw={600}>
        <bdi>{t('agreedLanguage.pedigree.where', { document: p.document.title, version: p.version })}</bdi>
      </Anchor>
      {p.label ? (
        <>
          {sep}
          {t('agreedLanguage.pedigree.clause', { label: p.label })}
        </>
      ) : null}
      {sep}
      <bdi>{p.workingGroup.name}</bdi>
      {sep}
      {t('agreedLanguage.pedigree.adopted', { date: f.date(p.adoptedAt) })}
      {p.ballotId ? (
        <>
          {sep}
          <Anchor component={Link} to={`/ballots/${p.ballotId}`} size={size}>
            {t('agreedLanguage.pedigree.ballot')}
          </Anchor>
        </>
      ) : null}
    </Text>
  );
}
