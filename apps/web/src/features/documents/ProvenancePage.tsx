import { Anchor, Box, Grid, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { ProvenanceDisassociation } from '../procedures/ExplanationsSection';
import type { ClauseProvenanceResponse, ProvenanceOriginResponse, ProvenanceResponse } from '@parley/contracts';
import { STAKEHOLDER_COLOURS } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { AmendmentStatusBadge } from './Amendments';
import { DocumentHeader, DocumentNav, VersionSelect } from './DocumentChrome';
import { provenanceHeadline } from './provenance-headline';
import { useDocument, useProvenance } from './useDocuments';
import './documents.css';
import { DocumentNotFound } from './DocumentNotFound';
import { chairsTextOriginLine, chairsTextSegmentTitle } from '../negotiation/chairs-text-provenance';
import { ChairsTextTotals } from '../negotiation/ChairsTextTotals';
import { ChairsTextHeading } from '../negotiation/ChairsTextHeading';
import { currentLanguage, intlLocale } from '../../i18n';
import { useFormatters } from '../../ui/useFormatters';
import { PedigreeLine } from '../agreed-language/PedigreeLine';
import { precedentSegmentTitle } from '../agreed-language/precedent';

/** A share as a percentage in the reader's language ("5%", "5 %"); a share below half a percent reads "<1%". */
function usePercent(): (share: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(intlLocale(currentLanguage(i18n)), { style: 'percent', maximumFractionDigits: 0 });
  return (share) => (share > 0 && share < 0.005 ? `<${format.format(0.01)}` : format.format(share));
}

function originKey(o: ProvenanceOriginResponse): string {
  if (o.kind === 'precedent') return `precedent-${o.pedigree.document.id}-${o.pedigree.version}-${o.pedigree.clauseId}-${o.amendmentId ?? `v${o.version}`}`;
  return o.kind === 'original' ? 'original' : o.kind === 'amendment' ? o.amendmentId : `chairs-text-${o.version}`;
}

/** The legend: each group's tint and underline pattern, its name, and its share of the words. */
function Legend({ p }: { p: ProvenanceResponse }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const precedent = p.totals.precedent ?? 0;
  const precedentShare = p.totals.words > 0 ? precedent / p.totals.words : 0;
  const bar = [...p.totals.byGroup.map((g) => `${t(`groups.${g.key}`)} ${percent(g.share)}`), ...(precedent > 0 ? [`${t('agreedLanguage.precedent.legend')} ${percent(precedentShare)}`] : [])];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prov-legend">
      <Title order={2} size="h4" id="prov-legend" mb="xs">
        {t('documents.provenance.legend')}
      </Title>
      <Box className="share-bar" role="img" aria-label={bar.join(', ')} mb="sm">
        {p.totals.byGroup
          .filter((g) => g.words > 0)
          .map((g) => (
            <span key={g.key} style={{ width: `${g.share * 100}%`, background: STAKEHOLDER_COLOURS[g.key] }} />
          ))}
        {precedent > 0 ? <span data-origin="precedent" style={{ width: `${precedentShare * 100}%` }} /> : null}
      </Box>
      <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} data-testid="legend">
        {p.totals.byGroup.map((g) => (
          <Group component="li" key={g.key} gap="sm" wrap="nowrap" data-group={g.key}>
            <span className="prov-segment prov-swatch" data-group={g.key} aria-hidden="true">
              &nbsp;
            </span>
            <StakeholderGroupBadge group={g.key} />
            <Text size="sm" fw={700} data-testid={`share-${g.key}`}>
              {percent(g.share)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('documents.provenance.words', { count: g.words })}
            </Text>
          </Group>
        ))}
        {precedent > 0 ? (
          // Agreed language: precedent from adopted texts, in no stakeholder group's colour.
          <Group component="li" gap="sm" wrap="nowrap" data-origin="precedent" data-testid="legend-precedent">
            <span className="prov-segment prov-swatch" data-origin="precedent" aria-hidden="true">
              &nbsp;
            </span>
            <Text size="sm" fw={600}>
              {t('agreedLanguage.precedent.legend')}
            </Text>
            <Text size="sm" fw={700}>
              {percent(precedentShare)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('documents.provenance.words', { count: precedent })}
            </Text>
          </Group>
        ) : null}
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">
        {t('documents.provenance.legendHint')}
      </Text>
    </Paper>
  );
}

function Totals({ p }: { p: ProvenanceResponse }) {
  const { t } = useTranslation();
  const percent = usePercent();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prov-totals">
      <Title order={2} size="h4" id="prov-totals" mb="xs">
        {t('documents.provenance.totals')}
      </Title>
      <Text size="sm" mb="xs">
        {t('documents.provenance.originalAndAmended', { original: p.totals.original, amended: p.totals.amended, words: p.totals.words })}
      </Text>
      <ChairsTextTotals p={p} />
      {p.totals.precedent ? (
        <Text size="sm" mb="xs" data-testid="provenance-precedent">
          {t('agreedLanguage.precedent.totals', { n: p.totals.precedent })}
        </Text>
      ) : null}
      <Table fz="sm" verticalSpacing={4} captionSide="top">
        <Table.Caption>{t('documents.provenance.bySubtype')}</Table.Caption>
        <Table.Tbody>
          {p.totals.bySubtype.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Td>{t(`subtypes.${s.key}`)}</Table.Td>
              <Table.Td ta="end">{percent(s.share)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table fz="sm" verticalSpacing={4} captionSide="top" mt="sm">
        <Table.Caption>{t('documents.provenance.byOrganisation')}</Table.Caption>
        <Table.Tbody>
          {p.totals.byOrganisation.map((o) => (
            <Table.Tr key={o.key}>
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  <Text size="sm">{o.organisationName}</Text>
                  <StakeholderGroupBadge group={o.stakeholderGroup} size="xs" />
                </Group>
              </Table.Td>
              <Table.Td ta="end">{percent(o.share)}</Table.Td>
            </Table.Tr>
          ))}
          {p.totals.unconfirmed.words > 0 ? (
            // Words of authors no organisation had confirmed: counted apart, under no organisation.
            <Table.Tr data-testid="provenance-unconfirmed">
              <Table.Td>
                <Text size="sm" fs="italic">
                  {t('affiliation.unconfirmed')}
                </Text>
              </Table.Td>
              <Table.Td ta="end">{percent(p.totals.unconfirmed.share)}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** One clause, each passage tinted by the group of whoever put it there, then who that was and how. */
function ProvenanceClause({ clause, version }: { clause: ClauseProvenanceResponse; version: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const origins = new Map<string, ProvenanceOriginResponse>();
  for (const s of clause.segments) if (s.words > 0) origins.set(originKey(s.origin), s.origin);
  // A clause still all from the original draft says nothing more than the document's header does.
  const amended = [...origins.values()].some((o) => o.kind !== 'original');
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-clause-id={clause.clauseId} data-label={clause.label ?? ''}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Text component="span" fw={700} w="2.2rem" ta="end" style={{ flex: 'none' }}>
          {clause.label ?? ''}
        </Text>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text component="p" m={0} className="clause-text" dir="auto" data-kind={clause.kind}>
            {clause.segments.map((s, i) => {
              const group = s.origin.author.snapshot?.stakeholderGroup ?? 'civil-society';
              const who = `${s.origin.author.name ?? '?'} (${s.origin.author.snapshot?.organisationName ?? '?'}, ${t(`groups.${group}`)})`;
              const title =
                s.origin.kind === 'original'
                  ? t('documents.provenance.originalBy', { who })
                  : s.origin.kind === 'chairs-text'
                    ? chairsTextSegmentTitle(t, s.origin, who)
                    : s.origin.kind === 'precedent'
                      ? precedentSegmentTitle(t, s.origin, who, f.date)
                      : t('documents.provenance.amendmentBy', { who, version: s.origin.version });
              // Precedent is no group's writing: it takes no group's colour.
              return (
                <span key={i} className="prov-segment" data-group={s.origin.kind === 'precedent' ? undefined : group} data-origin={s.origin.kind} title={title}>
                  {s.origin.kind !== 'original' && s.words > 0 ? <VisuallyHidden component="span">{`[${title}] `}</VisuallyHidden> : null}
                  {s.text}
                </span>
              );
            })}
          </Text>
          {amended ? (
            <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('documents.provenance.whoWroteClause')}>
              {[...origins.values()].map((o) => (
                <Group component="li" key={originKey(o)} gap={6} wrap="wrap" data-origin={o.kind}>
                  {o.kind === 'precedent' ? (
                    <>
                      <Text size="xs" fw={600}>
                        {t('agreedLanguage.precedent.agreedIn')}
                      </Text>
                      <PedigreeLine pedigree={o.pedigree} size="xs" />
                      <Text size="xs" c="dimmed">
                        {t('agreedLanguage.precedent.insertedBy')}
                      </Text>
                    </>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {o.kind === 'original'
                        ? t('documents.provenance.original')
                        : o.kind === 'chairs-text'
                          ? chairsTextOriginLine(t, o)
                          : t('documents.provenance.amendment', { version: o.version })}
                    </Text>
                  )}
                  <AffiliationBadge name={o.author.name ?? '?'} personId={o.author.id ?? undefined} affiliation={o.author.snapshot} size="xs" />
                </Group>
              ))}
            </Stack>
          ) : null}
          <ProvenanceDisassociation disassociation={clause.disassociation} />
          {clause.history.length > 0 ? (
            <Stack gap={2}>
              <Text size="xs" fw={600}>
                {t('documents.provenance.history')}
              </Text>
              <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
                {clause.history.map((h) => (
                  <Group component="li" key={h.amendmentId} gap={6} wrap="wrap">
                    <Text size="xs">{t(`documents.amendments.kinds.${h.kind}`)}</Text>
                    <AmendmentStatusBadge status={h.status} />
                    <AffiliationBadge name={h.author.name ?? '?'} personId={h.author.id ?? undefined} affiliation={h.author.snapshot} size="xs" />
                    {h.appliedInVersion && h.appliedInVersion <= version ? (
                      <Text size="xs" c="dimmed">
                        {t('documents.amendments.applied', { version: h.appliedInVersion })}
                      </Text>
                    ) : null}
                    {h.ballotId ? (
                      <Anchor component={Link} to={`/ballots/${h.ballotId}`} size="xs">
                        {t('documents.amendments.seeBallot')}
                      </Anchor>
                    ) : null}
                  </Group>
                ))}
              </Stack>
            </Stack>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}

/** "Who wrote this": a version tinted by the stakeholder group that wrote each passage, with a legend, totals and each clause's history. */
export function ProvenancePage() {
  const { t } = useTranslation();
  const formatPercent = usePercent();
  const navigate = useNavigate();
  const { id, n } = useParams();
  const version = Number(n);
  const doc = useDocument(id, undefined);
  const prov = useProvenance(id, Number.isInteger(version) ? version : 0);

  if (doc.isPending || prov.isPending) return <PageLoader />;
  const error = doc.error ?? prov.error;
  if (error) {
    if (isProblem(error) && (error.status === 404 || error.status === 400))
      return <DocumentNotFound title={t('documents.provenance.title')} message={t('documents.notFound')} />;
    return <QueryError error={error} onRetry={() => void prov.refetch()} />;
  }
  const d = doc.data!;
  const p = prov.data!;
  const percent = formatPercent;
  const headline = provenanceHeadline(t, p.headline, percent);
  return (
    <Stack gap="lg">
      <DocumentHeader doc={d} title={t('documents.provenance.title')} />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <VersionSelect doc={d} value={version} onChange={(v) => navigate(`/documents/${d.id}/versions/${v}/provenance`)} />
        <DocumentNav doc={d} version={version} current="provenance" />
      </Group>
      <ChairsTextHeading version={d.versions.find((v) => v.number === version) ?? { number: version, chairsText: null }} />
      <Text size="lg" fw={700} data-testid="provenance-headline">
        {headline}
      </Text>
      {p.totals.precedent && p.totals.words > 0 ? (
        <Text fw={600} mt={-12} data-testid="provenance-precedent-headline">
          {t('agreedLanguage.precedent.headline', { percent: percent(p.totals.precedent / p.totals.words) })}
        </Text>
      ) : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('documents.textLabel', { number: version })}>
            {p.clauses.map((c) => (
              <ProvenanceClause key={c.clauseId} clause={c} version={version} />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" className="side-panel">
            <Legend p={p} />
            <Totals p={p} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export default ProvenancePage;
