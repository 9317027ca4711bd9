import { Alert, Checkbox, List, Text } from '@mantine/core';
import type { AdoptionWarningsView, BracketWarning } from '@parley/contracts';
import type { AdoptionWarningKind } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { AffiliationBadge } from '../../ui/AffiliationBadge';

/**
 * The adoption preflight's bracket warnings (decision 0031): passages still in square brackets, and
 * options chosen but not yet consolidated into the text. Each must be acknowledged, as the others are.
 */
export function BracketAdoptionWarnings({
  p,
  acks,
  setAck,
}: {
  p: AdoptionWarningsView;
  acks: Set<AdoptionWarningKind>;
  setAck: (k: AdoptionWarningKind, v: boolean) => void;
}) {
  const { t } = useTranslation();
  const item = (b: BracketWarning) => (
    <List.Item key={b.bracketId}>
      <Text size="sm" fw={600} span>
        {t('documents.clause.lead', { name: b.clauseLabel ? t('documents.clause.name', { label: b.clauseLabel }) : t('documents.amendments.unnumbered') })}
      </Text>
      <Text size="sm" span>
        {b.chosenText === null ? `[${b.passage}]` : t('negotiation.brackets.replaces', { passage: b.passage, text: b.chosenText })}
      </Text>{' '}
      <AffiliationBadge name={b.requestedBy.name ?? '?'} personId={b.requestedBy.id ?? undefined} affiliation={b.requestedBy.snapshot} size="xs" />
    </List.Item>
  );
  const warning = (kind: 'open-brackets' | 'unapplied-bracket-choices', list: BracketWarning[], title: string, acknowledge: string) =>
    list.length === 0 ? null : (
      <Alert color="yellow" variant="light" title={title} data-testid={`adoption-warning-${kind}`}>
        <List size="sm" spacing={4}>
          {list.map(item)}
        </List>
        <Checkbox mt="sm" label={acknowledge} checked={acks.has(kind)} onChange={(e) => setAck(kind, e.currentTarget.checked)} />
      </Alert>
    );
  return (
    <>
      {warning(
        'open-brackets',
        p.openBrackets ?? [],
        t('negotiation.adoption.openTitle', { count: p.openBrackets?.length ?? 0 }),
        t('negotiation.adoption.openConfirm'),
      )}
      {warning(
        'unapplied-bracket-choices',
        p.unappliedBracketChoices ?? [],
        t('negotiation.adoption.choicesTitle', { count: p.unappliedBracketChoices?.length ?? 0 }),
        t('negotiation.adoption.choicesConfirm'),
      )}
    </>
  );
}
