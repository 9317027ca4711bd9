import { Group, Select, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { CLAUSE_CHANGE_TONES, ClauseChangeList } from './ClauseChangeList';
import { DocumentHeader, DocumentNav } from './DocumentChrome';
import { useCompare, useDocument } from './useDocuments';
import './documents.css';
import { ToneBadge } from './ToneBadge';
import { DocumentNotFound } from './DocumentNotFound';
import { BracketsProvider } from '../negotiation/BracketsContext';
import { versionName } from '../negotiation/chairs-text-name';
import { ReopensAgreedLanguage } from '../agreed-language/ReopensAgreedLanguage';
import { uniquePedigrees } from '../agreed-language/pedigree';


/** Two versions side by side, clause by clause: what changed, moved, came in or went, as word diffs. */
export function ComparePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const doc = useDocument(id, undefined);
  const current = doc.data?.currentVersion ?? 1;
  const to = Number(params.get('to')) || current;
  const from = Number(params.get('from')) || Math.max(1, to - 1);
  const compare = useCompare(id, from, to);
  const [onlyChanges, setOnlyChanges] = useState(true);

  if (doc.isPending) return <PageLoader />;
  if (doc.isError) {
    if (isProblem(doc.error) && (doc.error.status === 404 || doc.error.status === 400))
      return <DocumentNotFound title={t('documents.title')} message={t('documents.notFound')} />;
    return <QueryError error={doc.error} onRetry={() => void doc.refetch()} />;
  }
  const d = doc.data;
  const versions = [...d.versions].reverse().map((v) => ({ value: String(v.number), label: versionName(t, v) }));
  const rows = compare.data?.clauses.filter((c) => !onlyChanges || c.status !== 'unchanged') ?? [];
  return (
    <Stack gap="lg">
      <DocumentHeader doc={d} title={t('documents.compare.title')} />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="sm" align="flex-end">
          <Select
            label={t('documents.compare.from')}
            data={versions}
            value={String(from)}
            onChange={(v) => v && setParams({ from: v, to: String(to) })}
            allowDeselect={false}
            w={160}
          />
          <Select
            label={t('documents.compare.to')}
            data={versions}
            value={String(to)}
            onChange={(v) => v && setParams({ from: String(from), to: v })}
            allowDeselect={false}
            w={160}
          />
          <Switch label={t('documents.compare.onlyChanges')} checked={onlyChanges} onChange={(e) => setOnlyChanges(e.currentTarget.checked)} mb={6} />
        </Group>
        <DocumentNav doc={d} version={to} current="compare" />
      </Group>
      {compare.isError ? <QueryError error={compare.error} onRetry={() => void compare.refetch()} /> : null}
      {compare.data ? (
        <>
          <Group gap="xs" wrap="wrap" data-testid="compare-summary">
            {(['changed', 'moved', 'inserted', 'deleted', 'unchanged'] as const).map((s) => (
              <ToneBadge key={s} tone={CLAUSE_CHANGE_TONES[s]} size="md">
                {t(`documents.compare.summary.${s}`, { count: compare.data.summary[s] })}
              </ToneBadge>
            ))}
          </Group>
          {compare.data.reopensAgreedLanguage.length > 0 ? (
            <ReopensAgreedLanguage pedigrees={uniquePedigrees(compare.data.reopensAgreedLanguage.map((r) => r.pedigree))} />
          ) : null}
          {rows.length === 0 ? <Text>{t('documents.compare.noChanges')}</Text> : null}
          <BracketsProvider documentId={d.id} version={to}>
            <ClauseChangeList rows={rows} reopens={compare.data.reopensAgreedLanguage} />
          </BracketsProvider>
        </>
      ) : (
        <PageLoader />
      )}
    </Stack>
  );
}

export default ComparePage;
