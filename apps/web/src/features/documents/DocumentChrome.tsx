import { Anchor, Group, Select, Stack, Text } from '@mantine/core';
import type { DocumentResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageTitle } from '../../ui/PageTitle';
import { useFormatters } from '../../ui/useFormatters';
import { ToneBadge } from './ToneBadge';
import { versionName } from '../negotiation/chairs-text-name';
import { publicationTag } from '../procedures/publication-format';
import { currentLanguage, intlLocale } from '../../i18n';

export function DocumentStatusBadge({ status }: { status: DocumentResponse['status'] }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={status === 'adopted' ? 'green' : 'gray'} size="md">
      {t(`documents.status.${status}`)}
    </ToneBadge>
  );
}

/** The header's way between versions and the document's other views. */
export function DocumentNav({
  doc,
  version,
  current,
}: {
  doc: DocumentResponse;
  version: number;
  current: 'text' | 'compare' | 'provenance' | 'dispositions' | 'compilation';
}) {
  const { t } = useTranslation();
  const links = [
    { key: 'text', to: `/documents/${doc.id}${version === doc.currentVersion ? '' : `?v=${version}`}`, label: t('documents.nav.text') },
    { key: 'compare', to: `/documents/${doc.id}/compare?from=${Math.max(1, version - 1)}&to=${version}`, label: t('documents.nav.compare') },
    { key: 'provenance', to: `/documents/${doc.id}/versions/${version}/provenance`, label: t('documents.nav.provenance') },
    { key: 'dispositions', to: `/documents/${doc.id}/versions/${version}/dispositions`, label: t('documents.nav.dispositions') },
    { key: 'compilation', to: `/documents/${doc.id}/compilation${version === doc.currentVersion ? '' : `?v=${version}`}`, label: t('compilation.nav') },
  ];
  // From any version, a draft included, the way to who endorsed the text that was adopted.
  const adopted = doc.versions.filter((v) => v.frozen).at(-1);
  if (adopted)
    links.push({
      key: 'signatories',
      to: `/documents/${doc.id}/versions/${adopted.number}/signatories`,
      label: t('documents.nav.signatories', { number: adopted.number }),
    });
  return (
    <Group component="nav" aria-label={t('documents.nav.label')} gap="xs" wrap="wrap">
      {links.map((l) => (
        <Anchor key={l.key} component={Link} to={l.to} className="nav-link" aria-current={l.key === current ? 'page' : undefined}>
          {l.label}
        </Anchor>
      ))}
    </Group>
  );
}

/** The kicker, title, status and author line every document view starts with. */
export function DocumentHeader({ doc, title }: { doc: DocumentResponse; title?: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed" fw={600} tt="uppercase">
        <Anchor component={Link} to={`/working-groups/${doc.workingGroupId}`} c="dimmed">
          {doc.workingGroup.name}
        </Anchor>
      </Text>
      <Group gap="sm" align="center" wrap="wrap">
        <PageTitle documentTitle={title ? `${title} · ${doc.title}` : doc.title}>{title ?? doc.title}</PageTitle>
        {title ? null : <DocumentStatusBadge status={doc.status} />}
      </Group>
      {title ? (
        <Group gap="sm" align="center" wrap="wrap">
          <Text fw={600}>{doc.title}</Text>
          <DocumentStatusBadge status={doc.status} />
        </Group>
      ) : null}
      <Group gap={6} wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('documents.createdBy', { date: f.date(doc.createdAt) })}
        </Text>
        <AffiliationBadge name={doc.createdBy.name ?? '?'} personId={doc.createdBy.id ?? undefined} affiliation={doc.createdBy.snapshot} size="xs" />
      </Group>
    </Stack>
  );
}

/** Choose the version to read; the URL keeps it (`?v=`). */
export function VersionSelect({ doc, value, onChange }: { doc: DocumentResponse; value: number; onChange: (n: number) => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  return (
    <Select
      label={t('documents.version.label')}
      data={[...doc.versions].reverse().map((v) => ({
        value: String(v.number),
        label: `${versionName(t, v)} · ${f.date(v.createdAt)}${v.number === doc.currentVersion ? ` · ${t('documents.version.current')}` : ''}${v.frozen ? ` · ${t('documents.version.adopted')}` : ''}${publicationTag(t, intlLocale(currentLanguage(i18n)), v)}`,
      }))}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={{ base: '100%', sm: 440 }}
      maw="100%"
      size="sm"
    />
  );
}
