import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { BallotResponse } from '@parley/contracts';
import { choiceNeedsReason, VOTE_CHOICES, type VoteChoice } from '@parley/domain';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { mapServerErrors, FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { formatDateTime } from './TimeLeft';
import { verdictMessage } from '../../i18n/server-messages';
import { useCastVote } from './useBallot';
import { currentLanguage, intlLocale } from '../../i18n';

/** A vote the signed-in person holds by proxy on this ballot (decision record 0040). */
export type ProxyVote = NonNullable<NonNullable<BallotResponse['me']>['proxyVotes']>[number];

/** What the signed-in person has voted (or cast for the grantor of a proxy they hold), and how to change it. */
function MyVoteSummary({ ballot, proxy }: { ballot: BallotResponse; proxy?: ProxyVote }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const vote = proxy ? proxy.vote : ballot.me?.vote;
  const name = proxy?.grantor.name;
  if (proxy?.castByGrantor) return <Text data-testid="proxy-vote-summary">{t('proxies.ballot.grantorVoted', { name })}</Text>;
  if (!vote) return <Text data-testid={proxy ? 'proxy-vote-summary' : 'my-vote'}>{proxy ? t('proxies.ballot.notYet', { name }) : t('ballots.vote.notYet')}</Text>;
  const choice = vote.choice ? t(`ballots.choice.${vote.choice}`) : null;
  return (
    <Stack gap={2} data-testid={proxy ? 'proxy-vote-summary' : 'my-vote'}>
      <Text fw={600}>
        {proxy
          ? choice
            ? t('proxies.ballot.castForChoice', { name, choice })
            : t('proxies.ballot.castFor', { name })
          : choice
            ? t('ballots.vote.yours', { choice })
            : t('ballots.vote.yoursSecret')}
      </Text>
      {!proxy && vote.castBy ? <Text size="sm">{t('proxies.ballot.castForYou', { name: vote.castBy.name })}</Text> : null}
      {vote.reason ? <Text size="sm">{t('ballots.vote.yourReason', { reason: vote.reason })}</Text> : null}
      <Text size="sm" c="dimmed">
        {vote.changes > 0
          ? t('ballots.vote.changed', { date: formatDateTime(vote.changedAt, lng), count: vote.changes })
          : t('ballots.vote.cast', { date: formatDateTime(vote.castAt, lng) })}
      </Text>
    </Stack>
  );
}

/**
 * The vote: four choices (a radio group, so arrow keys move between them) and a reason, optional unless
 * the choice needs one. With `proxy`, the vote the signed-in person casts for its grantor (decision record 0040).
 */
export function VoteForm({ ballot, proxy }: { ballot: BallotResponse; proxy?: ProxyVote }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const cast = useCastVote(ballot.id);
  const current = proxy ? proxy.vote : ballot.me?.vote;
  const grantor = proxy?.grantor.name;
  const titleId = useId();
  const [choice, setChoice] = useState<VoteChoice | ''>(current?.choice ?? '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [fieldErrors, setFieldErrors] = useState<{ choice?: string; reason?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  const reasonId = useId();

  // Follow the vote the server holds (another tab, a change) when the form is untouched.
  useEffect(() => {
    if (current?.choice && !cast.isPending) setChoice(current.choice);
  }, [current?.choice]);

  if (ballot.status === 'closed') return null;
  if (!ballot.me)
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="vote-title">
        <Title order={2} size="h4" id="vote-title" mb="xs">
          {t('ballots.vote.title')}
        </Title>
        <Text>
          <Anchor component={Link} to="/login">
            {t('ballots.vote.logIn')}
          </Anchor>
        </Text>
      </Paper>
    );

  const needsReason = choice !== '' && choiceNeedsReason(choice, { requireReasonForNo: ballot.requireReasonForNo });
  const can = proxy ? proxy.can : ballot.can.vote;
  const refusal =
    can === true
      ? null
      : proxy
        ? proxy.castByGrantor
          ? null
          : verdictMessage(t, can)
        : !ballot.me.inElectorate
        ? t('ballots.vote.notInElectorate', { date: formatDateTime(ballot.openedAt, lng) })
        : verdictMessage(t, can);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    if (choice === '') return setFieldErrors({ choice: t('ballots.vote.pickOne') });
    if (needsReason && reason.trim() === '')
      return setFieldErrors({ reason: t(choice === 'recuse' ? 'ballots.vote.reasonForRecusal' : 'ballots.vote.reasonForNo') });
    setFieldErrors({});
    cast.mutate(
      { choice, reason: reason.trim() === '' ? null : reason.trim(), ...(proxy ? { forVoterId: proxy.grantor.id } : {}) },
      {
        onSuccess: (res) =>
          notifySuccess(t, proxy ? t('proxies.ballot.done', { name: grantor }) : res.action === 'vote.cast' ? t('ballots.vote.castDone') : t('ballots.vote.changeDone')),
        onError: (error) => {
          const mapped = mapServerErrors(error, ['choice', 'reason'] as const, t);
          setFieldErrors(mapped.fieldErrors);
          setGeneral(mapped.general);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={proxy ? titleId : 'vote-title'} data-testid={proxy ? 'proxy-vote' : undefined}>
      <Title order={2} size="h4" id={proxy ? titleId : 'vote-title'} mb="xs">
        {proxy ? t('proxies.ballot.alsoFor', { name: grantor }) : t('ballots.vote.title')}
      </Title>
      <Stack gap="md">
        <MyVoteSummary ballot={ballot} proxy={proxy} />
        {proxy?.castByGrantor ? null : refusal ? (
          <Alert color="yellow" variant="light" data-testid="vote-refusal">
            {refusal}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Radio.Group
                name={proxy ? `choice-${proxy.grantor.id}` : 'choice'}
                label={proxy ? t('proxies.ballot.choose', { name: grantor }) : current ? t('ballots.vote.changeLabel') : t('ballots.vote.chooseLabel')}
                value={choice}
                onChange={(v) => {
                  setChoice(v as VoteChoice);
                  setFieldErrors({});
                }}
                error={fieldErrors.choice}
              >
                <Group gap="lg" mt="xs">
                  {VOTE_CHOICES.map((c) => (
                    <Radio key={c} value={c} label={t(`ballots.choice.${c}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <Textarea
                id={reasonId}
                label={t(choice === 'recuse' ? 'ballots.vote.reasonLabelRecuse' : needsReason ? 'ballots.vote.reasonLabel' : 'ballots.vote.reasonLabelOptional')}
                description={
                  choice === 'recuse'
                    ? t('ballots.vote.reasonHintRecuse')
                    : choice === 'no' && ballot.requireReasonForNo
                      ? t('ballots.vote.reasonHintNo')
                      : ballot.visibility === 'roll-call'
                        ? t('ballots.vote.reasonHintOptional')
                        : undefined
                }
                required={needsReason}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={fieldErrors.reason}
                autosize
                minRows={2}
                maxLength={4000}
              />
              <FormAlert messages={general} />
              <Group>
                <Button type="submit" loading={cast.isPending}>
                  {proxy ? t(current ? 'proxies.ballot.change' : 'proxies.ballot.submit', { name: grantor }) : current ? t('ballots.vote.change') : t('ballots.vote.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
