import { Alert, Badge, Button, Group, MultiSelect, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ClauseResponse, ExplanationView, ExplanationsResponse } from '@parley/contracts';
import { EXPLANATION_KINDS, paragraphLabels, paragraphList, type ExplanationKind } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { notifySuccess } from '../../ui/notify';
import { useFormatters } from '../../ui/useFormatters';
import { excerpt } from '../audit/sentences';
import { useExplanations, usePlaceExplanation } from './useExplanations';
import './explanations.css';

/** "OP2 and OP7" in the reader's language. */
export function useParagraphList(): (labels: (string | null)[]) => string {
  const { t } = useTranslation();
  return (labels) => paragraphList(labels.map((l) => l ?? '?'), t('explanations.and'));
}

/** "Japan disassociated from OP7", one line per delegation, for the document page and the signatories page. */
export function DisassociationLines({ read }: { read: Pick<ExplanationsResponse, 'disassociations'> }) {
  const { t } = useTranslation();
  const list = useParagraphList();
  const byOrganisation = new Map<string, (string | null)[]>();
  for (const d of read.disassociations) for (const o of d.organisations) byOrganisation.set(o.organisationName, [...(byOrganisation.get(o.organisationName) ?? []), d.label]);
  if (byOrganisation.size === 0) return null;
  return (
    <Stack component="ul" gap={2} m={0} p={0} className="explanations-disassociations" data-testid="disassociations">
      {[...byOrganisation].map(([organisation, labels]) => (
        <Text component="li" key={organisation} size="sm" fw={600}>
          {t('explanations.disassociated', { organisation, paragraphs: list(labels) })}
        </Text>
      ))}
    </Stack>
  );
}

function ExplanationItem({ e }: { e: ExplanationView }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const list = useParagraphList();
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="explanation" data-kind={e.kind} data-timing={e.timing}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700}>{e.organisationName}</Text>
          <Badge variant="light" color={e.kind === 'disassociation' ? 'red' : e.kind === 'reservation' ? 'orange' : 'blue'} tt="none">
            {t(`explanations.kinds.${e.kind}`)}
          </Badge>
          <Badge variant="outline" color="gray" tt="none">
            {t(`explanations.timing.${e.timing}`)}
          </Badge>
        </Group>
        <Text size="sm" fw={600}>
          {e.paragraphs.length ? t('explanations.on', { paragraphs: list(e.paragraphs.map((p) => p.label)) }) : t('explanations.onWhole')}
        </Text>
        <Text size="sm" className="explanation-text">
          {e.text}
        </Text>
        <Group gap={6} wrap="wrap">
          <AffiliationBadge name={e.by.name ?? '?'} personId={e.by.id ?? undefined} affiliation={e.by.snapshot} size="xs" withTitle />
          <Text size="xs" c="dimmed">
            {f.date(e.at)}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A member or observer delegate places their delegation's explanation: kind, paragraphs by label, text. */
function PlaceExplanationForm({ documentId, read, clauses }: { documentId: string; read: ExplanationsResponse; clauses: ClauseResponse[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const place = usePlaceExplanation(documentId, read.version);
  const [kind, setKind] = useState<ExplanationKind>('position');
  const [clauseIds, setClauseIds] = useState<string[]>([]);
  const [text, setText] = useState('');
  const labels = paragraphLabels(clauses);
  const options = clauses.filter((c) => c.kind !== 'heading').map((c) => ({ value: c.id, label: `${labels.get(c.id) ?? ''} — ${excerpt(c.text, 60)}` }));
  const organisation = read.can.delegation?.organisationName ?? '';
  return (
    <Paper withBorder p="md" radius="md">
      <Stack
        gap="sm"
        component="form"
        aria-labelledby="explanation-form-title"
        onSubmit={(e) => {
          e.preventDefault();
          place.mutate(
            { kind, clauseIds, text },
            {
              onSuccess: () => {
                setText('');
                setClauseIds([]);
                notifySuccess(t, t('explanations.form.placed'));
              },
            },
          );
        }}
      >
        <Title order={3} size="h5" id="explanation-form-title">
          {t('explanations.form.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('explanations.form.for', { organisation })} ·{' '}
          {read.window.timing === 'after' && read.window.closesAt ? t('explanations.form.after', { date: f.date(read.window.closesAt) }) : t('explanations.form.before')}
        </Text>
        <Radio.Group label={t('explanations.form.kind')} value={kind} onChange={(v) => setKind(v as ExplanationKind)} name="explanation-kind">
          <Group gap="md" mt={4} wrap="wrap">
            {EXPLANATION_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`explanations.kinds.${k}`)} />
            ))}
          </Group>
        </Radio.Group>
        <MultiSelect
          label={t('explanations.form.paragraphs')}
          description={t('explanations.form.paragraphsHint')}
          data={options}
          value={clauseIds}
          onChange={setClauseIds}
          searchable
          clearable
          required={kind === 'disassociation'}
          data-testid="explanation-paragraphs"
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label={t('explanations.form.text')}
          description={t('explanations.form.textHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={4000}
          required
        />
        {place.isError ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(t, place.error)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={place.isPending}>
            {t('explanations.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * "Explanations of position" on the document page: the delegations' statements on the version read
 * (organisation, stakeholder badge, person, kind, paragraphs by label, text, before/after), who
 * disassociated from what, and the form for a member delegate while statements are taken. Public.
 */
export function ExplanationsSection({ documentId, version, clauses }: { documentId: string; version: number; clauses: ClauseResponse[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const query = useExplanations(documentId, version);
  const read = query.data;
  if (!read) return null;
  // Nothing to show on a draft nobody is deciding, where nobody has spoken.
  if (read.explanations.length === 0 && !read.window.open && !read.adoptedAt) return null;
  return (
    <Stack component="section" aria-labelledby="explanations-title" gap="sm" data-testid="explanations">
      <Title order={2} size="h4" id="explanations-title">
        {t('explanations.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('explanations.intro')}
      </Text>
      <DisassociationLines read={read} />
      {read.explanations.length ? (
        <Stack component="ol" gap="xs" m={0} p={0} className="explanations-list">
          {read.explanations.map((e) => (
            <ExplanationItem key={e.id} e={e} />
          ))}
        </Stack>
      ) : (
        <Text c="dimmed">{t('explanations.none')}</Text>
      )}
      {read.can.place === true ? (
        <PlaceExplanationForm documentId={documentId} read={read} clauses={clauses} />
      ) : !read.window.open && read.window.closesAt ? (
        <Text size="sm" c="dimmed">
          {t('explanations.closed', { date: f.date(read.window.closesAt) })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Beside the signatories' counts: who disassociated from which paragraph ("Japan disassociated from OP7"). Public. */
export function SignatoriesExplanations({ documentId, version }: { documentId: string; version: number }) {
  const { t } = useTranslation();
  const read = useExplanations(documentId, version).data;
  if (!read || read.explanations.length === 0) return null;
  const counts = EXPLANATION_KINDS.map((k) => [k, read.explanations.filter((e) => e.kind === k).length] as const).filter(([, n]) => n > 0);
  return (
    <Stack component="section" aria-labelledby="signatories-explanations" gap={6} data-testid="signatories-explanations">
      <Title order={2} size="h4" id="signatories-explanations">
        {t('explanations.title')}
      </Title>
      <Group gap="xs" wrap="wrap">
        {counts.map(([k, n]) => (
          <Badge key={k} variant="light" color="gray" tt="none">
            {t(`explanations.kinds.${k}`)} · {n}
          </Badge>
        ))}
      </Group>
      <DisassociationLines read={read} />
    </Stack>
  );
}

/** On the provenance page, under a paragraph a delegation disassociated from: "Japan disassociated from OP7". */
export function ProvenanceDisassociation({ disassociation }: { disassociation?: { label: string; organisations: string[] } }) {
  const { t } = useTranslation();
  if (!disassociation) return null;
  return (
    <Text size="xs" fw={600} c="red.8" data-testid="provenance-disassociation">
      {disassociation.organisations.map((organisation) => t('explanations.disassociated', { organisation, paragraphs: disassociation.label })).join(' · ')}
    </Text>
  );
}
