import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import type { AmendmentResponse, AmendmentStatus, ClauseResponse, CreateAmendmentRequest, UnLanguage } from '@parley/contracts';
import { CLAUSE_KINDS, type AmendmentKind, type ClauseKind } from '@parley/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n';
import { Link } from 'react-router-dom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { fieldErrorMessage, fieldErrorText, problemMessage } from '../../i18n/server-messages';
import { QueryError } from '../../ui/QueryError';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useFormatters } from '../../ui/useFormatters';
import type { Quote } from './ClauseList';
import { DiffText } from './DiffText';
import { amendmentStatusNote } from './status-notes';
import { groupsBehind } from './support-groups';
import { useClauseAmendments, useCosponsor, useOpenAmendmentBallot, useProposeAmendment, useWithdraw, useWithdrawCosponsorship } from './useDocuments';
import { ToneBadge, TONES, type Tone } from './ToneBadge';
import { AmendmentNegotiation } from '../negotiation/Streamlining';
import { TranslatableText } from '../written-language/TranslatableText';
import { useReaderLanguage } from '../written-language/useWrittenLanguage';
import { WrittenLanguageSelect } from '../written-language/WrittenLanguageSelect';
import { languageAttributes, WrittenInMark } from '../written-language/WrittenText';
import { isProblem, ProblemError } from '../../api/client';
import { citationErrorIndexes, citationInputs, type DraftCitation } from '../agreed-language/citations';
import { CitationChips } from '../agreed-language/CitationChips';
import { InsertAgreedLanguage } from '../agreed-language/InsertAgreedLanguage';
import { PedigreeLine } from '../agreed-language/PedigreeLine';
import { ReopensAgreedLanguage } from '../agreed-language/ReopensAgreedLanguage';
import { StrayCitationsAlert } from '../agreed-language/StrayCitationsAlert';
import { useCitingField } from '../agreed-language/useCitingField';

const STATUS_TONES: Record<AmendmentStatus, Tone> = {
  proposed: 'blue',
  withdrawn: 'gray',
  balloting: 'grape',
  accepted: 'green',
  rejected: 'red',
  outdated: 'gray',
  merged: 'gray',
};

export function AmendmentStatusBadge({ status }: { status: AmendmentStatus }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={STATUS_TONES[status]} data-status={status}>
      {t(`documents.amendmentStatus.${status}`)}
    </ToneBadge>
  );
}

/** How long a chair gives members to vote. */
const BALLOT_DURATIONS = [
  { value: '3600000', label: 'documents.ballot.oneHour' },
  { value: '86400000', label: 'documents.ballot.oneDay' },
  { value: '259200000', label: 'documents.ballot.threeDays' },
  { value: '604800000', label: 'documents.ballot.sevenDays' },
] as const;

function OpenBallot({ documentId, amendment }: { documentId: string; amendment: AmendmentResponse }) {
  const { t } = useTranslation();
  const open = useOpenAmendmentBallot(documentId);
  const [asking, setAsking] = useState(false);
  const [duration, setDuration] = useState<string>('604800000');
  if (!asking)
    return (
      <Button size="xs" variant="light" onClick={() => setAsking(true)}>
        {t('documents.ballot.open')}
      </Button>
    );
  return (
    <Stack gap="xs">
      <Select
        label={t('documents.ballot.closesIn')}
        data={BALLOT_DURATIONS.map((d) => ({ value: d.value, label: t(d.label) }))}
        value={duration}
        onChange={(v) => setDuration(v ?? '604800000')}
        allowDeselect={false}
        size="xs"
      />
      {open.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, open.error)}
        </Alert>
      ) : null}
      <Group gap="xs">
        <Button
          size="xs"
          loading={open.isPending}
          onClick={() =>
            open.mutate(
              { amendmentId: amendment.id, closesAt: new Date(Date.now() + Number(duration)).toISOString() },
              { onSuccess: () => notifySuccess(t, t('documents.ballot.opened')) },
            )
          }
        >
          {t('documents.ballot.confirm')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** An amendment wherever it appears: what it does, its word diff, who proposed and backs it, and where it stands. */
export function AmendmentCard({ documentId, amendment: a, labelOf }: { documentId: string; amendment: AmendmentResponse; labelOf: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const cosponsor = useCosponsor(documentId);
  const uncosponsor = useWithdrawCosponsorship(documentId);
  const withdraw = useWithdraw(documentId);
  const note = amendmentStatusNote(t, intlLocale(i18n.language), a);
  const backing = groupsBehind(a);
  const where = a.targetClauseId
    ? t('documents.amendments.clause', { label: a.targetLabel ?? t('documents.amendments.unnumbered') })
    : t('documents.amendments.atStart');
  const action =
    a.kind === 'replace'
      ? t('documents.amendments.replaces', { where })
      : a.kind === 'delete'
        ? t('documents.amendments.deletes', { where })
        : t('documents.amendments.insertsAfter', { where });
  const error = cosponsor.error ?? uncosponsor.error ?? withdraw.error;
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="amendment" data-amendment-id={a.id} data-status={a.status}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text fw={700} size="sm">
            {action}
            {a.kind === 'insert' && a.newClauseKind ? ` (${t(`documents.kinds.${a.newClauseKind}`)})` : ''}
          </Text>
          <AmendmentStatusBadge status={a.status} />
        </Group>
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('documents.amendments.proposedBy', { date: f.date(a.createdAt), version: a.baseVersion })}
          </Text>
          <AffiliationBadge name={a.author.name ?? '?'} personId={a.author.id ?? undefined} affiliation={a.author.snapshot} size="xs" />
        </Group>
        {a.appliesToVersion !== a.baseVersion ? (
          <Text size="xs" c="dimmed">
            {t('documents.amendments.carriedForward', { from: a.baseVersion, to: a.appliesToVersion })}
          </Text>
        ) : null}
        <WrittenInMark language={a.writtenLanguage} />
        <ReopensAgreedLanguage pedigrees={a.reopensAgreedLanguage} compact />
        <Paper p={6} radius="sm" bg="gray.0" fz="sm" {...languageAttributes(a.writtenLanguage)}>
          <DiffText parts={a.diff} />
        </Paper>
        {a.citations.length > 0 ? (
          <Stack gap={2} data-testid="amendment-citations">
            <Text size="xs" fw={600}>
              {t('agreedLanguage.citations.quotes')}
            </Text>
            <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
              {a.citations.map((c) => (
                <li key={`${c.pedigree.clauseId}:${c.pedigree.version}:${c.passage}`}>
                  <Text size="xs" component="span">
                    <q dir="auto">{c.passage.length > 140 ? `${c.passage.slice(0, 137)}…` : c.passage}</q>{' '}
                  </Text>
                  <PedigreeLine pedigree={c.pedigree} size="xs" />
                </li>
              ))}
            </Stack>
          </Stack>
        ) : null}
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('documents.amendments.rationaleLead')}
          </Text>
          <TranslatableText
            documentId={documentId}
            subject={{ kind: 'rationale', id: a.id }}
            language={a.writtenLanguage}
            translations={a.rationaleTranslations}
            canTranslate={a.can.translate}
            showMark={false}
          >
            {a.rationale}
          </TranslatableText>
        </Stack>
        {a.cosponsors.length > 0 ? (
          <Stack gap={2}>
            <Text size="xs" fw={600}>
              {t('documents.amendments.cosponsors', { count: a.cosponsors.length })}
            </Text>
            <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
              {a.cosponsors.map((c) => (
                <li key={c.person.id}>
                  <AffiliationBadge name={c.person.name ?? '?'} personId={c.person.id ?? undefined} affiliation={c.person.snapshot} size="xs" />
                </li>
              ))}
            </Stack>
          </Stack>
        ) : null}
        {backing.length > 0 ? (
          <Group gap={6} wrap="wrap" data-testid="cross-group">
            <Text size="xs" fw={600}>
              {t('documents.amendments.crossGroup')}
            </Text>
            {backing.map((g) => (
              <StakeholderGroupBadge key={g} group={g} size="xs" />
            ))}
          </Group>
        ) : null}
        {a.competingWith.length > 0 ? (
          <Text size="xs" c={TONES.orange.fg} fw={600}>
            {t('documents.amendments.competing', { count: a.competingWith.length })}
          </Text>
        ) : null}
        {note ? (
          <Text size="xs" c="dimmed" fs="italic" data-testid="status-note">
            {note}
          </Text>
        ) : null}
        <AmendmentNegotiation documentId={documentId} amendment={a} />
        {a.appliedInVersion ? (
          <Text size="xs" c={TONES.green.fg} fw={600}>
            {t('documents.amendments.applied', { version: a.appliedInVersion })}
          </Text>
        ) : null}
        {a.ballotId ? (
          <Anchor component={Link} to={`/ballots/${a.ballotId}`} size="sm" fw={600}>
            {a.status === 'balloting' ? t('documents.amendments.voteOnBallot') : t('documents.amendments.seeBallot')}
          </Anchor>
        ) : null}
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(t, error)}
          </Alert>
        ) : null}
        <Group gap="xs">
          {a.can.cosponsor ? (
            <Button
              size="xs"
              variant="light"
              loading={cosponsor.isPending}
              onClick={() => cosponsor.mutate(a.id, { onSuccess: () => notifySuccess(t, t('documents.amendments.cosponsored')) })}
            >
              {t('documents.amendments.cosponsor')}
            </Button>
          ) : null}
          {a.can.withdrawCosponsorship ? (
            <Button
              size="xs"
              variant="default"
              loading={uncosponsor.isPending}
              onClick={() => uncosponsor.mutate(a.id, { onSuccess: () => notifySuccess(t, t('documents.amendments.cosponsorshipWithdrawn')) })}
            >
              {t('documents.amendments.withdrawCosponsorship')}
            </Button>
          ) : null}
          {a.can.withdraw ? (
            <Button
              size="xs"
              variant="default"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate(a.id, { onSuccess: () => notifySuccess(t, t('documents.amendments.withdrawn')) })}
            >
              {t('documents.amendments.withdraw')}
            </Button>
          ) : null}
          {a.can.openBallot ? <OpenBallot documentId={documentId} amendment={a} /> : null}
        </Group>
        {a.competingWith.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t('documents.amendments.competingWith', { ids: a.competingWith.map(labelOf).join(', ') })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Propose a change to the open clause: replace its text (starting from it), insert a clause after it, or delete it. */
export function AmendmentForm({ documentId, clause, version, quote }: { documentId: string; clause: ClauseResponse; version: number; quote: Quote | null }) {
  const { t } = useTranslation();
  const propose = useProposeAmendment(documentId);
  const reader = useReaderLanguage();
  const [writtenLanguage, setWrittenLanguage] = useState<UnLanguage>(reader);
  const [kind, setKind] = useState<AmendmentKind>('replace');
  const [text, setText] = useState(clause.text);
  const [clauseKind, setClauseKind] = useState<ClauseKind>('operative');
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<{ text?: string; rationale?: string; clauseKind?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [open, setOpen] = useState(quote !== null);
  const [citations, setCitations] = useState<DraftCitation[]>([]);
  const [citationErrors, setCitationErrors] = useState<Map<number, string>>(new Map());
  const [warnStray, setWarnStray] = useState(false);
  const citing = useCitingField(text, citations, (nextText, nextCitations) => {
    setText(nextText);
    setCitations(nextCitations);
    setCitationErrors(new Map());
  });
  const stray = kind === 'delete' ? [] : citing.stray;

  if (!open)
    return (
      <Button variant="light" size="sm" onClick={() => setOpen(true)}>
        {t('documents.amendments.start')}
      </Button>
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    const missing = {
      ...(kind !== 'delete' && text.trim() === '' ? { text: fieldErrorText(t, 'required') } : {}),
      ...(rationale.trim() === '' ? { rationale: fieldErrorText(t, 'required') } : {}),
    };
    if (Object.keys(missing).length > 0) return setErrors(missing);
    // Cited words edited since they were inserted are no longer agreed language: the drafter decides first.
    if (stray.length > 0) return setWarnStray(true);
    const cited = citationInputs(citations);
    const body: CreateAmendmentRequest =
      kind === 'replace'
        ? { kind, baseVersion: version, targetClauseId: clause.id, text: text.trim(), rationale: rationale.trim(), writtenLanguage, ...cited }
        : kind === 'insert'
          ? { kind, baseVersion: version, afterClauseId: clause.id, clauseKind, text: text.trim(), rationale: rationale.trim(), writtenLanguage, ...cited }
          : { kind, baseVersion: version, targetClauseId: clause.id, rationale: rationale.trim(), writtenLanguage };
    propose.mutate(body, {
      onSuccess: () => {
        setRationale('');
        setText(clause.text);
        setKind('replace');
        setCitations([]);
        setOpen(false);
        notifySuccess(t, t('documents.amendments.proposed'));
      },
      onError: (error) => {
        // A refused citation is shown on its chip; the rest where the form shows it.
        const problems = isProblem(error) ? error.errors : [];
        const byCitation = citationErrorIndexes(problems.map((x) => x.field));
        const chips = new Map([...byCitation].map(([i, field]) => [i, fieldErrorMessage(t, problems.find((x) => x.field === field)!)]));
        const rest = isProblem(error)
          ? new ProblemError({ type: error.type, title: error.title, status: error.status, detail: error.detail, code: error.code ?? undefined, params: error.params, errors: problems.filter((x) => !x.field.startsWith('citations.')) })
          : error;
        const mapped = chips.size > 0 && isProblem(rest) && rest.errors.length === 0 ? { fieldErrors: {}, general: [t('agreedLanguage.citations.refused')] } : mapServerErrors(rest, ['text', 'rationale', 'clauseKind'] as const, t);
        setCitationErrors(chips);
        setErrors(mapped.fieldErrors);
        setGeneral(mapped.general);
      },
    });
  };

  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} noValidate aria-label={t('documents.amendments.formTitle')}>
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t('documents.amendments.kindLabel')}
          value={kind}
          onChange={(v) => {
            setKind(v as AmendmentKind);
            setText(v === 'replace' ? clause.text : '');
            setCitations([]);
            setWarnStray(false);
            setErrors({});
          }}
          data={[
            { value: 'replace', label: t('documents.amendments.kinds.replace') },
            { value: 'insert', label: t('documents.amendments.kinds.insert') },
            { value: 'delete', label: t('documents.amendments.kinds.delete') },
          ]}
          size="xs"
          fullWidth
        />
        {quote && kind === 'replace' ? (
          <Text size="xs" c="dimmed">
            {t('documents.amendments.quoteHint', { quote: quote.text })}
          </Text>
        ) : null}
        {kind === 'insert' ? (
          <Select
            label={t('documents.amendments.newClauseKind')}
            data={CLAUSE_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
            value={clauseKind}
            onChange={(v) => setClauseKind((v as ClauseKind) ?? 'operative')}
            allowDeselect={false}
            size="sm"
          />
        ) : null}
        {kind !== 'delete' ? (
          <Stack gap={6}>
            <Textarea
              {...citing.fieldProps}
              label={kind === 'replace' ? t('documents.amendments.newText') : t('documents.amendments.insertedText')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.text}
              required
              autosize
              minRows={3}
              size="sm"
            />
            <Group gap="xs">
              <InsertAgreedLanguage onInsert={citing.insert} onInserted={citing.refocus} />
            </Group>
            <CitationChips
              citations={citations}
              stray={stray}
              errors={citationErrors}
              onRemove={citing.remove}
            />
            {warnStray ? (
              <StrayCitationsAlert
                count={stray.length}
                onRemove={() => setCitations((cs) => cs.filter((_, i) => !stray.includes(i)))}
              />
            ) : null}
          </Stack>
        ) : (
          <Text size="sm">{t('documents.amendments.deleteHint')}</Text>
        )}
        <Textarea
          label={t('documents.amendments.rationale')}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          error={errors.rationale}
          required
          autosize
          minRows={2}
          size="sm"
          lang={writtenLanguage}
          dir="auto"
        />
        <WrittenLanguageSelect value={writtenLanguage} onChange={setWrittenLanguage} />
        <FormAlert messages={general} />
        <Group>
          <Button type="submit" size="sm" loading={propose.isPending}>
            {t('documents.amendments.submit')}
          </Button>
          <Button variant="default" size="sm" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Every amendment touching the open clause, open ones first, competing ones shown as such. */
export function ClauseAmendments({ documentId, clauseId }: { documentId: string; clauseId: string }) {
  const { t } = useTranslation();
  const list = useClauseAmendments(documentId, clauseId);
  if (list.isPending) return <Text size="sm">{t('common.loading')}</Text>;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const order: AmendmentStatus[] = ['balloting', 'proposed', 'accepted', 'rejected', 'merged', 'outdated', 'withdrawn'];
  const items = [...list.data.items].sort((x, y) => order.indexOf(x.status) - order.indexOf(y.status));
  const names = new Map(list.data.items.map((a) => [a.id, a.author.name ?? '?']));
  const labelOf = (id: string) => t('documents.amendments.byName', { name: names.get(id) ?? '?' });
  if (items.length === 0)
    return (
      <Alert variant="light" color="gray">
        {t('documents.amendments.none')}
      </Alert>
    );
  return (
    <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('documents.amendments.listLabel')}>
      {items.map((a) => (
        <AmendmentCard key={a.id} documentId={documentId} amendment={a} labelOf={labelOf} />
      ))}
    </Stack>
  );
}
