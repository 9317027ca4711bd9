import { Alert, Anchor, Button, Checkbox, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { AmendmentLink, AmendmentResponse, RecommendationRecordEntry, RecommendationView, RecommendationsSubjectView } from '@parley/contracts';
import { RECOMMENDATIONS, recommendationNeedsTarget, type Recommendation } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { fieldErrorText } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useFormatters } from '../../ui/useFormatters';
import { AmendmentStatusBadge } from '../documents/Amendments';
import { DiffText } from '../documents/DiffText';
import { ToneBadge, TONES } from '../documents/ToneBadge';
import { useClauseAmendments } from '../documents/useDocuments';
import { useOpenRecommendationsBallot, useProposedAmendments, useRecommend, useStreamline } from './useStreamlining';
import { ForwardArrowIcon } from '../../ui/icons';

/** A short, stable name for an amendment in sentences: "A-1a2b3c". */
export const amendmentRef = (id: string) => `A-${id.slice(0, 6)}`;

const snippet = (s: string | null, n = 80) => (s === null ? '' : s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** The chair's recommendation, shown apart from the decision: what, why, by whom; and once decided, whether the outcome followed it. */
export function RecommendationNote({ recommendation: r, followed }: { recommendation: RecommendationView; followed?: boolean | null }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Paper withBorder p={6} radius="sm" data-testid="recommendation" data-recommendation={r.recommendation} style={{ borderStyle: 'dashed' }}>
      <Stack gap={2}>
        <Text size="xs" fw={700}>
          {t('negotiation.recommendation.lead')} {t(`negotiation.recommendation.kinds.${r.recommendation}`)}
          {r.targetAmendmentId ? ` ${t('negotiation.recommendation.target', { ref: amendmentRef(r.targetAmendmentId) })}` : ''}
        </Text>
        <Text size="xs">{r.reason}</Text>
        <Text size="xs" c="dimmed" component="div">
          {t('negotiation.recommendation.givenBy', { date: f.date(r.givenAt) })}{' '}
          <AffiliationBadge name={r.givenBy.name ?? '?'} personId={r.givenBy.id ?? undefined} affiliation={r.givenBy.snapshot} size="xs" />
        </Text>
        <Text size="xs" c="dimmed" fs="italic">
          {t('negotiation.recommendation.notTheDecision')}
        </Text>
        {followed === true || followed === false ? (
          <Text size="xs" fw={600} c={followed ? TONES.green.fg : TONES.orange.fg} data-testid="followed">
            {t(followed ? 'negotiation.recommendation.followed' : 'negotiation.recommendation.notFollowed')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function SourceList({ sources }: { sources: AmendmentLink[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} data-testid="streamlined-sources">
      <Text size="xs" fw={600}>
        {t('negotiation.streamline.merges', { count: sources.length })}
      </Text>
      <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
        {sources.map((s) => (
          <li key={s.id}>
            <Text size="xs" component="div">
              <strong>{amendmentRef(s.id)}</strong> <AffiliationBadge name={s.author.name ?? '?'} personId={s.author.id ?? undefined} affiliation={s.author.snapshot} size="xs" />
            </Text>
            {s.text ? (
              <Text size="xs" c="dimmed">
                “{snippet(s.text)}”
              </Text>
            ) : null}
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function RecommendForm({ documentId, amendment: a }: { documentId: string; amendment: AmendmentResponse }) {
  const { t } = useTranslation();
  const recommend = useRecommend(documentId);
  const siblings = useClauseAmendments(documentId, a.targetClauseId);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Recommendation>('accept');
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; targetAmendmentId?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  if (!open)
    return (
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {a.negotiation.recommendation ? t('negotiation.recommendation.change') : t('negotiation.recommendation.give')}
      </Button>
    );
  const candidates = (siblings.data?.items ?? []).filter((o) => o.id !== a.id && (o.status === 'proposed' || o.status === 'balloting') && (kind !== 'accept-as-modified' || o.negotiation.streamlined));
  const submit = () => {
    setGeneral([]);
    const missing = {
      ...(reason.trim() === '' ? { reason: fieldErrorText(t, 'required') } : {}),
      ...(recommendationNeedsTarget(kind) && !target ? { targetAmendmentId: fieldErrorText(t, 'required') } : {}),
    };
    if (Object.keys(missing).length > 0) return setErrors(missing);
    recommend.mutate(
      { amendmentId: a.id, recommendation: kind, reason: reason.trim(), ...(recommendationNeedsTarget(kind) && target ? { targetAmendmentId: target } : {}) },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
          notifySuccess(t, t('negotiation.recommendation.recorded'));
        },
        onError: (error) => {
          const mapped = mapServerErrors(error, ['reason', 'targetAmendmentId'] as const, t);
          setErrors(mapped.fieldErrors);
          setGeneral(mapped.general);
        },
      },
    );
  };
  return (
    <Stack gap="xs" component="section" aria-label={t('negotiation.recommendation.formTitle')}>
      <Select
        label={t('negotiation.recommendation.kindLabel')}
        data={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`negotiation.recommendation.kinds.${r}`) }))}
        value={kind}
        onChange={(v) => {
          setKind((v as Recommendation) ?? 'accept');
          setTarget(null);
        }}
        allowDeselect={false}
        size="xs"
      />
      {recommendationNeedsTarget(kind) ? (
        <Select
          label={kind === 'merged-into' ? t('negotiation.recommendation.mergedIntoLabel') : t('negotiation.recommendation.modifiedLabel')}
          data={candidates.map((o) => ({ value: o.id, label: `${amendmentRef(o.id)} · ${o.author.name ?? '?'} · ${snippet(o.text, 40)}` }))}
          value={target}
          onChange={setTarget}
          error={errors.targetAmendmentId}
          nothingFoundMessage={t('negotiation.recommendation.noTarget')}
          required
          size="xs"
        />
      ) : null}
      <Textarea label={t('negotiation.recommendation.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} required autosize minRows={2} size="xs" />
      <FormAlert messages={general} />
      <ConfirmActions confirm={t('negotiation.recommendation.confirm')} onConfirm={submit} onCancel={() => setOpen(false)} loading={recommend.isPending} />
    </Stack>
  );
}

/** What streamlining and the chair's recommendation add to an amendment's card (mounted by AmendmentCard). */
export function AmendmentNegotiation({ documentId, amendment: a }: { documentId: string; amendment: AmendmentResponse }) {
  const { t } = useTranslation();
  const n = a.negotiation;
  return (
    <>
      {n.streamlined ? (
        <Stack gap={4}>
          <ToneBadge tone="blue" data-testid="streamlined-badge">
            {t('negotiation.streamline.badge', { ref: amendmentRef(a.id) })}
          </ToneBadge>
          <SourceList sources={n.sources} />
        </Stack>
      ) : null}
      {n.mergedInto ? (
        <Text size="xs" fw={600} data-testid="merged-into">
          {n.mergedInto.streamlined
            ? t('negotiation.streamline.mergedIntoChairs', { ref: amendmentRef(n.mergedInto.id) })
            : t('negotiation.streamline.mergedInto', { ref: amendmentRef(n.mergedInto.id), name: n.mergedInto.author.name ?? '?' })}
        </Text>
      ) : null}
      {n.recommendation ? <RecommendationNote recommendation={n.recommendation} followed={n.followedRecommendation} /> : null}
      {n.recommendationsBallotId && !a.ballotId ? (
        <Anchor component={Link} to={`/ballots/${n.recommendationsBallotId}`} size="sm" fw={600}>
          {a.status === 'balloting' ? t('negotiation.recommendationsBallot.voteOn') : t('negotiation.recommendationsBallot.seeBallot')}
        </Anchor>
      ) : null}
      {a.can.recommend ? <RecommendForm documentId={documentId} amendment={a} /> : null}
    </>
  );
}

/** A chair or rapporteur merges two or more proposed amendments of the open clause into one proposal (mounted in the clause's amendments tab). */
export function StreamlineProposals({ documentId, clauseId }: { documentId: string; clauseId: string }) {
  const { t } = useTranslation();
  const list = useClauseAmendments(documentId, clauseId);
  const streamline = useStreamline(documentId);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<{ sourceAmendmentIds?: string; text?: string; rationale?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  const proposed = (list.data?.items ?? []).filter((a) => a.status === 'proposed');
  if (proposed.length < 2) return null;
  if (!open)
    return (
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {t('negotiation.streamline.start')}
      </Button>
    );
  const submit = () => {
    setGeneral([]);
    const missing = {
      ...(picked.length < 2 ? { sourceAmendmentIds: t('negotiation.streamline.pickTwo') } : {}),
      ...(text.trim() === '' ? { text: fieldErrorText(t, 'required') } : {}),
      ...(rationale.trim() === '' ? { rationale: fieldErrorText(t, 'required') } : {}),
    };
    if (Object.keys(missing).length > 0) return setErrors(missing);
    streamline.mutate(
      { sourceAmendmentIds: picked, text: text.trim(), rationale: rationale.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          setPicked([]);
          setText('');
          setRationale('');
          notifySuccess(t, t('negotiation.streamline.done'));
        },
        onError: (error) => {
          const mapped = mapServerErrors(error, ['sourceAmendmentIds', 'text', 'rationale'] as const, t);
          setErrors(mapped.fieldErrors);
          setGeneral(mapped.general);
        },
      },
    );
  };
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="streamline-title">
      <Stack gap="xs">
        <Title order={3} size="h6" id="streamline-title">
          {t('negotiation.streamline.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('negotiation.streamline.hint')}
        </Text>
        <Checkbox.Group label={t('negotiation.streamline.sources')} value={picked} onChange={setPicked} error={errors.sourceAmendmentIds}>
          <Stack gap={4} mt={4}>
            {proposed.map((a) => (
              <Checkbox
                key={a.id}
                value={a.id}
                data-testid="streamline-source"
                label={`${amendmentRef(a.id)} · ${a.author.name ?? '?'} (${a.author.snapshot?.organisationName ?? ''}) · ${a.kind === 'delete' ? t('documents.amendments.kinds.delete') : `“${snippet(a.text, 60)}”`}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea label={t('negotiation.streamline.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} required autosize minRows={3} size="sm" />
        <Textarea label={t('negotiation.streamline.rationale')} value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} error={errors.rationale} required autosize minRows={2} size="sm" />
        <FormAlert messages={general} />
        <ConfirmActions confirm={t('negotiation.streamline.confirm')} onConfirm={submit} onCancel={() => setOpen(false)} loading={streamline.isPending} />
      </Stack>
    </Paper>
  );
}

/** A chair opens one ballot adopting the recommendations on a chosen set of proposed amendments (mounted with the document's chair actions). */
export function RecommendationsBallotLauncher({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useProposedAmendments(documentId, open);
  const openBallot = useOpenRecommendationsBallot(documentId);
  const [picked, setPicked] = useState<string[]>([]);
  const [general, setGeneral] = useState<string[]>([]);
  if (!open)
    return (
      <Button size="sm" variant="light" onClick={() => setOpen(true)}>
        {t('negotiation.recommendationsBallot.start')}
      </Button>
    );
  const recommended = (list.data?.items ?? []).filter((a) => a.negotiation.recommendation !== null);
  const submit = () => {
    setGeneral([]);
    if (picked.length === 0) return setGeneral([t('negotiation.recommendationsBallot.pickOne')]);
    openBallot.mutate(
      { amendmentIds: picked, closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      {
        onSuccess: (r) => {
          notifySuccess(t, t('negotiation.recommendationsBallot.opened'));
          void navigate(`/ballots/${r.ballotId}`);
        },
        onError: (error) => setGeneral(mapServerErrors(error, [] as const, t).general),
      },
    );
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="recommendations-ballot-title" style={{ flex: '1 1 18rem' }}>
      <Title order={3} size="h6" id="recommendations-ballot-title">
        {t('negotiation.recommendationsBallot.title')}
      </Title>
      {list.isPending ? <Text size="sm">{t('common.loading')}</Text> : null}
      {list.isSuccess && recommended.length === 0 ? (
        <Alert variant="light" color="gray">
          {t('negotiation.recommendationsBallot.none')}
        </Alert>
      ) : null}
      {recommended.length > 0 ? (
        <Checkbox.Group label={t('negotiation.recommendationsBallot.pick')} value={picked} onChange={setPicked}>
          <Stack gap={4} mt={4}>
            {recommended.map((a) => (
              <Checkbox
                key={a.id}
                value={a.id}
                data-testid="recommendations-ballot-item"
                label={
                  <>
                    {a.targetLabel ?? ''} {amendmentRef(a.id)} · <bdi>{a.author.name ?? '?'}</bdi> <ForwardArrowIcon /> {t(`negotiation.recommendation.kinds.${a.negotiation.recommendation!.recommendation}`)}
                  </>
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('negotiation.recommendationsBallot.hint')}
      </Text>
      <FormAlert messages={general} />
      <ConfirmActions confirm={t('negotiation.recommendationsBallot.confirm', { count: picked.length })} onConfirm={submit} onCancel={() => setOpen(false)} loading={openBallot.isPending} disabled={recommended.length === 0} />
    </Stack>
  );
}

/** The ballot page of a recommendations ballot: each amendment with the recommendation voted on, apart from the decision; once closed, what followed. */
export function RecommendationsSubject({ view }: { view: RecommendationsSubjectView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('negotiation.recommendationsBallot.lead', { count: view.items.length, document: view.documentTitle, version: view.version })}</Text>
      <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="recommendations-set">
        {view.items.map((i) => (
          <Paper component="li" key={i.amendmentId} withBorder p="sm" radius="sm" data-testid="recommendations-item" data-amendment-id={i.amendmentId}>
            <Stack gap={6}>
              <Text size="sm" fw={700}>
                {amendmentRef(i.amendmentId)} · {i.clauseLabel ? t('documents.amendments.clause', { label: i.clauseLabel }) : t('documents.amendments.unnumbered')}{' '}
                <AmendmentStatusBadge status={i.status} />
              </Text>
              <Text size="xs" component="div">
                {t('ballots.subjectView.amendment.proposedBy')} <AffiliationBadge name={i.author.name ?? '?'} personId={i.author.id ?? undefined} affiliation={i.author.snapshot} size="xs" />
              </Text>
              <Paper p={6} radius="sm" bg="gray.0" fz="sm">
                <DiffText parts={i.diff} />
              </Paper>
              <RecommendationNote recommendation={i.recommendation} followed={i.followedRecommendation} />
              {i.clauseId ? (
                <Anchor component={Link} to={`/documents/${view.documentId}?v=${view.version}&clause=${i.clauseId}&panel=amendments`} size="xs" fw={600}>
                  {t('negotiation.recommendationsBallot.seeAmendment')}
                </Anchor>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** The disposition report's record of the chair's recommendations on a version: each amendment, what was recommended, its outcome, followed or not. */
export function RecommendationsRecord({ entries }: { entries: RecommendationRecordEntry[] }) {
  const { t } = useTranslation();
  const followed = entries.filter((e) => e.followedRecommendation === true).length;
  const decided = entries.filter((e) => e.followedRecommendation !== null).length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="recommendations-record-title" data-testid="recommendations-record">
      <Title order={2} size="h4" id="recommendations-record-title" mb="xs">
        {t('negotiation.record.title', { count: entries.length })}
      </Title>
      <Text size="sm" mb="xs">
        {t('negotiation.record.followed', { followed, count: decided })}
      </Text>
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {entries.map((e) => (
          <li key={e.amendmentId}>
            <Stack gap={4}>
              <Text size="sm" fw={700} component="div">
                {amendmentRef(e.amendmentId)} · {e.clauseLabel ? t('documents.amendments.clause', { label: e.clauseLabel }) : t('documents.amendments.unnumbered')} <AmendmentStatusBadge status={e.status} />
              </Text>
              <Text size="xs" component="div">
                {t('ballots.subjectView.amendment.proposedBy')} <AffiliationBadge name={e.author.name ?? '?'} personId={e.author.id ?? undefined} affiliation={e.author.snapshot} size="xs" />
              </Text>
              {e.text ? <Text size="xs">“{snippet(e.text, 200)}”</Text> : null}
              <RecommendationNote recommendation={e.recommendation} followed={e.followedRecommendation} />
            </Stack>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
