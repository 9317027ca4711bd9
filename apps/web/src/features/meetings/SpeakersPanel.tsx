import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { FloorRequestView, MeetingView } from '@parley/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { formatClock, formatDuration } from '../../ui/duration';
import { useNow } from '../../ui/useNow';
import { turnClock } from './meeting-time';
import { useFloorAct, useRequestFloor } from './useMeetings';
import { currentLanguage, intlLocale } from '../../i18n';

const who = (r: FloorRequestView, size: 'xs' | 'sm' = 'sm') => (
  <AffiliationBadge name={r.person.name ?? '?'} personId={r.person.id ?? undefined} affiliation={r.person.snapshot} size={size} />
);

/** The running clock of the turn under way: counts down against the limit, then says by how much it ran over. */
export function TurnTimer({ givenAt, limit }: { givenAt: string; limit: number | null }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const c = turnClock(givenAt, limit, now);
  return (
    <Group gap="xs" wrap="wrap">
      <Text fw={700} size="xl" role="timer" aria-label={t('meetings.floor.elapsedLabel')} data-testid="turn-elapsed" ff="monospace">
        {formatClock(c.elapsed)}
      </Text>
      {c.left != null && !c.over ? (
        <Text size="sm" data-testid="turn-left">
          {t('meetings.floor.left', { clock: formatClock(c.left) })}
        </Text>
      ) : null}
      {c.over ? (
        <Badge color="red.9" variant="filled" data-testid="turn-over">
          {t('meetings.floor.over', { clock: formatClock(c.overBy) })}
        </Badge>
      ) : null}
    </Group>
  );
}

/** Once the session closed: who spoke, in order, on which item and for how long. */
function PastTurns({ m }: { m: MeetingView }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const turns = m.floor.past.filter((r) => r.state === 'done');
  const titles = new Map(m.agenda.map((i) => [i.id, i.title]));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-speakers" data-testid="speakers-panel">
      <Stack gap="sm">
        <Title order={2} size="h3" id="meeting-speakers">
          {t('meetings.floor.spoke')}
        </Title>
        {turns.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('meetings.floor.nobodySpoke')}
          </Text>
        ) : (
          <Stack component="ol" gap={6} pl="md" m={0} data-testid="floor-past">
            {turns.map((r) => (
              <li key={r.id}>
                <Group gap="xs" wrap="wrap">
                  {who(r, 'xs')}
                  {r.kind === 'point-of-order' ? (
                    <Badge color="orange" variant="light" c="gray.9" size="sm">
                      {t('meetings.floor.pointOfOrder')}
                    </Badge>
                  ) : null}
                  <Text size="sm" c="dimmed">
                    {titles.get(r.itemId) ?? ''} · {formatDuration(r.seconds ?? 0, lng)}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The list of speakers of the current item: who holds the floor, the queue in the order the floor is given, and the acts. */
export function SpeakersPanel({ m, meId }: { m: MeetingView; meId: string | null }) {
  const { t } = useTranslation();
  const ask = useRequestFloor(m.id);
  const give = useFloorAct(m.id, 'give');
  const end = useFloorAct(m.id, 'end');
  const withdraw = useFloorAct(m.id, 'withdraw');
  const [adding, setAdding] = useState<string | null>(null);
  const item = m.agenda.find((i) => i.id === m.currentItemId) ?? null;
  const speaking = m.floor.speaking;
  const queue = m.floor.queue.filter((r) => !item || r.itemId === item.id);
  const open = m.status === 'open';
  const runs = m.viewer.runs;
  const attending = m.viewer.attendance != null;
  const mine = queue.filter((r) => r.person.id === meId);
  const [announce, setAnnounce] = useState('');
  const speakerId = speaking?.id ?? null;
  const speakerName = speaking?.person.name ?? null;
  useEffect(() => {
    setAnnounce(speakerId ? t('meetings.floor.announce', { name: speakerName ?? '?' }) : '');
  }, [speakerId, speakerName, t]);
  const acts = [ask, give, end, withdraw];
  const failed = acts.find((a) => a.isError);
  if (m.status === 'closed') return <PastTurns m={m} />;
  const attendees = m.attendance.filter((a) => a.person.id && !queue.some((r) => r.person.id === a.person.id));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-speakers" data-testid="speakers-panel">
      <Stack gap="sm">
        <Title order={2} size="h3" id="meeting-speakers">
          {t('meetings.floor.title')}
        </Title>
        <VisuallyHidden aria-live="polite" data-testid="speaker-announce">
          {announce}
        </VisuallyHidden>
        {item ? (
          <Text size="sm">{t('meetings.floor.onItem', { title: item.title })}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('meetings.floor.noItem')}
          </Text>
        )}
        <Stack gap={4} data-testid="floor-speaking">
          <Title order={3} size="h5">
            {t('meetings.floor.speaking')}
          </Title>
          {speaking ? (
            <>
              <Group gap="xs" wrap="wrap">
                {who(speaking)}
                {speaking.kind === 'point-of-order' ? (
                  <Badge color="orange" variant="light" c="gray.9">
                    {t('meetings.floor.pointOfOrder')}
                  </Badge>
                ) : null}
              </Group>
              {speaking.givenAt ? <TurnTimer givenAt={speaking.givenAt} limit={m.turnLimitSeconds} /> : null}
              {runs || speaking.person.id === meId ? (
                <div>
                  <Button size="xs" variant="outline" onClick={() => end.mutate(speaking.id)} loading={end.isPending} data-testid="floor-end">
                    {t('meetings.floor.end')}
                  </Button>
                </div>
              ) : null}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('meetings.floor.nobody')}
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h5" id="meeting-queue">
            {t('meetings.floor.queue')}
          </Title>
          {queue.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('meetings.floor.emptyQueue')}
            </Text>
          ) : (
            <Stack component="ol" gap={6} pl="md" m={0} aria-labelledby="meeting-queue" data-testid="floor-queue">
              {queue.map((r, i) => (
                <li key={r.id} data-testid="floor-queue-item" data-kind={r.kind}>
                  <Group gap="xs" wrap="wrap">
                    {who(r, 'xs')}
                    {r.kind === 'point-of-order' ? (
                      <Badge color="orange" variant="light" c="gray.9" size="sm">
                        {t('meetings.floor.pointOfOrder')}
                      </Badge>
                    ) : null}
                    {runs && open && item ? (
                      <Button
                        size="compact-xs"
                        onClick={() => give.mutate(r.id)}
                        loading={give.isPending}
                        aria-label={
                          i === 0 ? t('meetings.floor.giveNextTo', { name: r.person.name ?? '?' }) : t('meetings.floor.giveTo', { name: r.person.name ?? '?' })
                        }
                      >
                        {i === 0 ? t('meetings.floor.giveNext') : t('meetings.floor.give')}
                      </Button>
                    ) : null}
                    {runs || r.person.id === meId ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => withdraw.mutate(r.id)}
                        loading={withdraw.isPending}
                        aria-label={t('meetings.floor.withdrawOf', { name: r.person.name ?? '?' })}
                      >
                        {t('meetings.floor.withdraw')}
                      </Button>
                    ) : null}
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </Stack>
        {open && item && attending ? (
          <Group gap="xs" wrap="wrap">
            {!mine.some((r) => r.kind === 'speech') ? (
              <Button onClick={() => ask.mutate({ itemId: item.id, kind: 'speech' })} loading={ask.isPending} data-testid="floor-ask">
                {t('meetings.floor.ask')}
              </Button>
            ) : null}
            {!mine.some((r) => r.kind === 'point-of-order') ? (
              <Button
                variant="outline"
                color="orange"
                onClick={() => ask.mutate({ itemId: item.id, kind: 'point-of-order' })}
                loading={ask.isPending}
                data-testid="floor-point-of-order"
              >
                {t('meetings.floor.askPointOfOrder')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {open && item && runs && attendees.length > 0 ? (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t('meetings.floor.addSpeaker')}
              data={attendees.map((a) => ({ value: a.person.id as string, label: a.person.name ?? '?' }))}
              value={adding}
              onChange={setAdding}
              searchable
              miw={220}
              data-testid="floor-add-select"
            />
            <Button
              variant="light"
              disabled={!adding}
              loading={ask.isPending}
              onClick={() => adding && ask.mutate({ itemId: item.id, kind: 'speech', personId: adding }, { onSuccess: () => setAdding(null) })}
              data-testid="floor-add"
            >
              {t('meetings.floor.add')}
            </Button>
          </Group>
        ) : null}
        {failed ? (
          <Alert color="red" variant="light" role="alert" data-testid="floor-error">
            {problemMessage(t, failed.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
