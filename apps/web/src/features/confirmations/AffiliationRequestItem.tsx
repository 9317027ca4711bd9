import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { AffiliationRequestResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemMessage } from '../../i18n/server-messages';
import { notifySuccess } from '../../ui/notify';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useFormatters } from '../../ui/useFormatters';
import { VerifiedMark } from '../../ui/VerifiedMark';
import { ReasonAction } from '../working-groups/ReasonAction';
import { useDecideAffiliation } from './useConfirmations';

/**
 * One affiliation awaiting the organisation's word: who, for which organisation, as what, since
 * when. A focal point confirms in one click; a steward confirms with a reason (they vouch from
 * outside); either refuses with a reason, shown to the person.
 */
export function AffiliationRequestItem({ r }: { r: AffiliationRequestResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const confirm = useDecideAffiliation();
  const refuse = useDecideAffiliation();
  const who = { name: r.person.name, organisation: r.organisation.name };
  return (
    <Paper component="li" withBorder p="sm" data-affiliation-request={r.affiliationId}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/people/${r.person.id}`} fw={600}>
            {r.person.name}
          </Anchor>
          <Text span size="sm">
            {t('affiliation.atOrganisation', { title: r.title, organisation: r.organisation.name })}
          </Text>
          <StakeholderGroupBadge group={r.organisation.stakeholderGroup} subtype={r.organisation.subtype} />
          <VerifiedMark verified={r.organisation.verified} size="xs" />
        </Group>
        <Text size="xs" c="dimmed">
          {t('affiliation.since', { date: f.date(r.startDate) })} · {t('confirmation.declaredOn', { date: f.date(r.declaredAt) })}
        </Text>
        <Group gap="xs">
          {r.decideAs === 'focal-point' ? (
            <Button
              size="compact-sm"
              color="#1e6b35"
              loading={confirm.isPending}
              aria-label={t('confirmation.confirmAria', who)}
              onClick={() => confirm.mutateAsync({ affiliationId: r.affiliationId, decision: 'confirm' }).then(() => notifySuccess(t, t('confirmation.confirmed')), () => undefined)}
            >
              {t('confirmation.confirm')}
            </Button>
          ) : (
            <ReasonAction
              label={t('confirmation.confirmAsSteward')}
              ariaLabel={t('confirmation.confirmAria', who)}
              title={t('confirmation.confirmTitle')}
              explain={t('confirmation.confirmExplain', who)}
              reasonLabel={t('confirmation.stewardReason')}
              reasonHint={t('confirmation.stewardHint')}
              reasonRequired
              confirmLabel={t('confirmation.confirm')}
              act={confirm}
              doneMessage={t('confirmation.confirmed')}
              onConfirm={(reason) => confirm.mutateAsync({ affiliationId: r.affiliationId, decision: 'confirm', reason })}
            />
          )}
          <ReasonAction
            label={t('confirmation.refuse')}
            ariaLabel={t('confirmation.refuseAria', who)}
            title={t('confirmation.refuseTitle')}
            explain={t('confirmation.refuseExplain', who)}
            reasonLabel={t('confirmation.reason')}
            reasonRequired
            confirmLabel={t('confirmation.refuseConfirm')}
            act={refuse}
            doneMessage={t('confirmation.refused')}
            onConfirm={(reason) => refuse.mutateAsync({ affiliationId: r.affiliationId, decision: 'refuse', reason })}
          />
        </Group>
        {r.decideAs === 'focal-point' && confirm.error ? (
          <Alert color="red" role="alert">
            {problemMessage(t, confirm.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
