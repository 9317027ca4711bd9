import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { AuditEventLinks, AuditEventResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { actionLabel } from './action-names';
import { HashText } from './HashText';
import { auditSentence, subjectLink } from './sentences';
import { currentLanguage, intlLocale } from '../../i18n';

const time = (iso: string, lng: string) =>
  new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';

/**
 * One event of the log: its sentence, when, which chain and position (the chain is left out where
 * the page shows one chain only), its hash and a link to the event before it.
 */
export function AuditEventItem({
  event,
  links,
  chain,
  onActor,
}: {
  event: AuditEventResponse;
  links: AuditEventLinks;
  chain: string | null;
  onActor?: (id: string, name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const subject = subjectLink(event);
  return (
    <Paper withBorder p="sm" component="li" data-testid="audit-event" data-action={event.action} data-sequence={event.sequence} style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text fw={500} style={{ flex: '1 1 420px' }} data-testid="audit-sentence">
            {auditSentence(t, event, lng)}
          </Text>
          <Text size="xs" c="dimmed" component="time" dateTime={event.occurredAt}>
            {time(event.occurredAt, lng)}
          </Text>
        </Group>
        {event.withheld ? (
          <Text size="sm" c="orange.9" fs="italic">
            {t('audit.event.withheld', { reason: event.withheld })}
          </Text>
        ) : null}
        <Group gap="sm" wrap="wrap">
          <Badge variant="light" color="gray" radius="sm" tt="none" data-testid="audit-action">
            {actionLabel(t, event.action)}
          </Badge>
          {event.actorSnapshot ? <StakeholderGroupBadge group={event.actorSnapshot.stakeholderGroup} size="xs" /> : null}
          <Anchor component={Link} to={links.page} size="xs">
            {chain ? t('audit.event.sequence', { sequence: event.sequence, chain }) : t('audit.event.number', { sequence: event.sequence })}
          </Anchor>
          {subject ? (
            <Anchor component={Link} to={subject} size="xs" data-testid="audit-subject">
              {t('audit.event.subject')}
            </Anchor>
          ) : null}
          {onActor && event.actorId && event.actorName ? (
            <Anchor component="button" type="button" size="xs" onClick={() => onActor(event.actorId!, event.actorName!)}>
              {t('audit.filters.onlyActor')}
            </Anchor>
          ) : null}
        </Group>
        <Group gap="md" wrap="wrap">
          <HashText hash={event.hash} label={t('audit.event.hash')} />
          {links.previous ? (
            <Anchor component={Link} to={links.previous.page} size="xs" data-testid="previous-event">
              {t('audit.event.previous', { sequence: links.previous.sequence })}
            </Anchor>
          ) : (
            <Text size="xs" c="dimmed">
              {t('audit.event.first')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
