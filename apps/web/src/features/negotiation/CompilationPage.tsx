import { Alert, Box, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { roomName, type CompilationActor, type CompilationAmendment, type CompilationBracket, type CompilationClause } from '@parley/contracts';
import { STAKEHOLDER_COLOURS, STAKEHOLDER_GROUPS, type StakeholderGroup } from '@parley/domain';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { apiCall } from '../../api/typed-client';
import { useLiveRoom } from '../../realtime/useLiveRoom';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { DocumentHeader, DocumentNav, VersionSelect } from '../documents/DocumentChrome';
import { DocumentNotFound } from '../documents/DocumentNotFound';
import { documentKey, useDocument } from '../documents/useDocuments';
import { clauseStatusBadges } from './ClauseStatusBadges';
import '../documents/documents.css';
import './negotiation.css';
import { currentLanguage, intlLocale } from '../../i18n';

function useCompilation(documentId: string | undefined, version: number, group: StakeholderGroup | undefined) {
  return useQuery({
    queryKey: [...documentKey(documentId ?? ''), 'compilation', version, group ?? 'all'],
    queryFn: ({ signal }) => apiCall('GET /api/documents/:id/versions/:n/compilation', { params: { id: documentId ?? '', n: version }, query: { group }, signal }),
    enabled: !!documentId && version > 0,
    placeholderData: keepPreviousData,
  });
}

/** "Ana Ruiz · Access Now · Civil society": who, for which organisation, of which stakeholder group (as at the act). Plain markup: there are thousands. */
function By({ who }: { who: CompilationActor }) {
  const { t } = useTranslation();
  const g = who.stakeholderGroup;
  return (
    <span className="compilation-by" data-group={g ?? undefined}>
      {g ? <span className="compilation-swatch" style={{ background: STAKEHOLDER_COLOURS[g] }} aria-hidden="true" /> : null}
      {[who.name, who.organisationName, g ? t(`groups.${g}`) : null].filter(Boolean).join(' · ')}
    </span>
  );
}

/** A clause's text with its open brackets' passages in square brackets (where they are still found). */
function BracketedText({ text, brackets }: { text: string; brackets: CompilationBracket[] }) {
  const spans = brackets.filter((b) => b.start !== null && b.end !== null).sort((a, b) => a.start! - b.start!);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const b of spans) {
    if (b.start! < at) continue; // overlapping: the first one shown is enough to mark it
    parts.push(text.slice(at, b.start!));
    parts.push(
      <mark key={b.id} className="compilation-bracket">
        [{text.slice(b.start!, b.end!)}]
      </mark>,
    );
    at = b.end!;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function Bracket({ b }: { b: CompilationBracket }) {
  const { t } = useTranslation();
  return (
    <li className="compilation-item" data-testid="compilation-bracket">
      <p className="compilation-line">
        <span className="compilation-alt">[{b.passage}]</span>
        {/* Inline, only the live alternatives: an option streamlined into another lives on in it (listed below, marked). */}
        {b.options
          .filter((o) => o.mergedInto === null)
          .map((o) => (
            <span key={o.id} className="compilation-alt">
              [{o.text}]
            </span>
          ))}
      </p>
      <p className="compilation-meta">
        {t('compilation.bracketBy')} <By who={b.requestedBy} />
        {b.start === null ? ` · ${t('compilation.passageGone')}` : ''}
      </p>
      {b.options.length > 0 ? (
        <ul className="compilation-options">
          {b.options.map((o, i) => {
            const into = o.mergedInto === null ? -1 : b.options.findIndex((x) => x.id === o.mergedInto);
            return (
              <li key={o.id} className="compilation-meta" data-merged={o.mergedInto ? 'true' : undefined}>
                {t('compilation.alt', { n: i + 2 })} “{o.text}” · <By who={o.proposedBy} />
                {o.mergedInto ? ` · ${into >= 0 ? t('compilation.mergedInto', { n: into + 2 }) : t('compilation.merged')}` : ''}
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}

function Amendment({ a }: { a: CompilationAmendment }) {
  const { t } = useTranslation();
  return (
    <li className="compilation-item" data-testid="compilation-amendment" data-kind={a.kind}>
      <p className="compilation-line">
        <strong>{t(`compilation.kinds.${a.kind}`)}</strong>
        {a.status === 'balloting' ? ` (${t('compilation.balloting')})` : ''}
        {a.text ? ` “${a.text}”` : null}
      </p>
      <p className="compilation-meta">
        <By who={a.author} />
        {a.cosponsorGroups.length > 0 ? ` · ${t('compilation.cosponsoredBy', { groups: a.cosponsorGroups.map((g) => t(`groups.${g}`)).join(', ') })}` : ''}
      </p>
    </li>
  );
}

const ClauseBlock = memo(function ClauseBlock({ c }: { c: CompilationClause }) {
  const { t, i18n } = useTranslation();
  const name = c.label ? t('documents.clause.name', { label: c.label }) : t(`documents.kinds.${c.kind}`);
  const proposals = c.amendments.length + c.brackets.length;
  return (
    <li className="compilation-clause" data-clause-id={c.id} data-testid="compilation-clause">
      <span className="compilation-label" aria-hidden={c.label === null}>
        {c.label ?? ''}
      </span>
      <div className="compilation-body">
        <p className="clause-text compilation-text" dir="auto" data-kind={c.kind}>
          <BracketedText text={c.text} brackets={c.brackets} />
        </p>
        <div className="compilation-badges">
          {clauseStatusBadges(t, intlLocale(currentLanguage(i18n)), c.kind, c.negotiation)}
        </div>
        {proposals > 0 ? (
          <section aria-label={t('compilation.proposalsOn', { name })}>
            <ul className="compilation-list">
              {c.brackets.map((b) => (
                <Bracket key={b.id} b={b} />
              ))}
              {c.amendments.map((a) => (
                <Amendment key={a.id} a={a} />
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </li>
  );
});

/**
 * The compilation text of a version: every open amendment and every bracket with its options
 * inline, under the clause it is about, attributed by person, organisation and stakeholder group;
 * one group's proposals on request (`?group=`). Reads on a phone: one column, wrapping.
 */
export function CompilationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const doc = useDocument(id, undefined);
  const requested = Number(params.get('v'));
  const version = Number.isInteger(requested) && requested > 0 ? requested : (doc.data?.currentVersion ?? 0);
  const groupParam = params.get('group');
  const group = (STAKEHOLDER_GROUPS as readonly string[]).includes(groupParam ?? '') ? (groupParam as StakeholderGroup) : undefined;
  const compilation = useCompilation(id, version, group);
  useLiveRoom(id ? roomName.document(id) : null);

  if (doc.isPending || (version > 0 && compilation.isPending)) return <PageLoader />;
  const error = doc.error ?? compilation.error;
  if (error) {
    if (isProblem(error) && (error.status === 404 || error.status === 400)) return <DocumentNotFound title={t('compilation.title')} message={t('documents.notFound')} />;
    return <QueryError error={error} onRetry={() => void compilation.refetch()} />;
  }
  const d = doc.data!;
  const c = compilation.data!;
  const setGroup = (g: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (g && g !== 'all') next.set('group', g);
      else next.delete('group');
      return next;
    });
  return (
    <Stack gap="lg">
      <DocumentHeader doc={d} title={t('compilation.title')} />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <VersionSelect doc={d} value={version} onChange={(v) => navigate(`/documents/${d.id}/compilation${v === d.currentVersion ? '' : `?v=${v}`}`)} />
        <DocumentNav doc={d} version={version} current="compilation" />
      </Group>
      <Paper withBorder p="sm" radius="md" component="section" aria-label={t('compilation.filterLabel')}>
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('compilation.group')}
            data={[{ value: 'all', label: t('compilation.allGroups') }, ...STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`groups.${g}`) }))]}
            value={group ?? 'all'}
            onChange={setGroup}
            allowDeselect={false}
            w={260}
            data-testid="compilation-group"
          />
          <Text size="sm" data-testid="compilation-totals">
            {[
              t('compilation.totals.amendments', { count: c.totals.amendments }),
              t('compilation.totals.brackets', { count: c.totals.brackets }),
              t('compilation.totals.options', { count: c.totals.options }),
            ].join(', ')}
          </Text>
        </Group>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('compilation.explain')}
      </Text>
      {c.atStart.length > 0 ? (
        <Alert variant="light" color="grape" title={t('compilation.atStart')}>
          <ul className="compilation-list">
            {c.atStart.map((a) => (
              <Amendment key={a.id} a={a} />
            ))}
          </ul>
        </Alert>
      ) : null}
      <Title order={2} size="h4">
        {t('documents.textLabel', { number: version })}
      </Title>
      <Box component="ol" m={0} p={0} className="compilation" data-testid="compilation">
        {c.clauses.map((x) => (
          <ClauseBlock key={x.id} c={x} />
        ))}
      </Box>
    </Stack>
  );
}

export default CompilationPage;
