import { Alert, Anchor, Code, FileInput, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../ui/PageTitle';
import { chainName } from '../chains';
import { pinnedHeads, verifyExport, type BrowserVerdict } from './verify-export';

const NO_GROUPS = new Map<string, string>();

/** Where the code this page runs is published, to be compared with what the server sent. */
const SOURCES = ['libs/domain/src/audit/hash-chain.ts', 'libs/domain/src/audit/canonical-json.ts', 'apps/web/src/features/audit/verify/verify-export.ts'];

function Verdict({ verdict, file }: { verdict: BrowserVerdict; file: string }) {
  const { t } = useTranslation();
  const v = verdict;
  if (v.kind === 'intact')
    return (
      <Alert color="green" variant="light" title={t('auditVerifier.intact', { file })} data-testid="verify-verdict" data-verdict="intact">
        <Stack gap={4}>
          <Text size="sm">{t('auditVerifier.intactDetail', { count: v.events, chains: v.chains })}</Text>
          {v.withheld > 0 ? <Text size="sm">{t('auditVerifier.withheld', { count: v.withheld })}</Text> : null}
          <Text size="sm">{v.pinned ? t('auditVerifier.pinnedMatch') : t('auditVerifier.notProved')}</Text>
          <List size="sm" spacing={2}>
            {v.heads.map((h) => (
              <List.Item key={h.scope}>
                {t('auditVerifier.head', { chain: chainName(t, h.scope, NO_GROUPS), sequence: h.sequence })} <Code>{h.hash}</Code>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Alert>
    );
  if (v.kind === 'broken')
    return (
      <Alert color="red" variant="light" title={t('auditVerifier.broken', { event: v.event })} data-testid="verify-verdict" data-verdict="broken">
        <Text size="sm">{t(`auditVerifier.problem.${v.link.problem}`, { chain: chainName(t, v.link.scope, NO_GROUPS), sequence: v.link.sequence })}</Text>
        <Text size="xs" c="dimmed" mt={4}>
          {v.link.detail}
        </Text>
      </Alert>
    );
  if (v.kind === 'head-mismatch')
    return (
      <Alert color="red" variant="light" title={t('auditVerifier.headMismatch')} data-testid="verify-verdict" data-verdict="broken">
        <Text size="sm">{t('auditVerifier.problem.head', { chain: chainName(t, v.link.scope, NO_GROUPS), sequence: v.link.sequence })}</Text>
        <Text size="xs" c="dimmed" mt={4}>
          {v.link.detail}
        </Text>
      </Alert>
    );
  if (v.kind === 'not-json')
    return (
      <Alert color="red" variant="light" title={t('auditVerifier.broken', { event: v.event })} data-testid="verify-verdict" data-verdict="broken">
        <Text size="sm">{v.cutShort ? t('auditVerifier.cutShort') : t('auditVerifier.notJson')}</Text>
      </Alert>
    );
  return (
    <Alert color="yellow" variant="light" title={t('auditVerifier.empty')} data-testid="verify-verdict" data-verdict="empty">
      <Text size="sm">{t('auditVerifier.emptyDetail')}</Text>
    </Alert>
  );
}

/**
 * Verifies a downloaded audit export in the reader's browser: the file is read locally, every
 * hash recomputed with WebCrypto, the chains walked by libs/domain's rules. Nothing is sent.
 */
export function AuditVerifierPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<{ file: string; verdict: BrowserVerdict | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exportFile, setExportFile] = useState<File | null>(null);
  const [headFile, setHeadFile] = useState<File | null>(null);

  const check = async (file: File | null, head: File | null) => {
    setError(null);
    if (!file) return setState(null);
    setState({ file: file.name, verdict: null });
    let pinned;
    try {
      pinned = head ? pinnedHeads(await head.text()) : undefined;
    } catch {
      setState(null);
      return setError(t('auditVerifier.headUnreadable'));
    }
    try {
      setState({ file: file.name, verdict: await verifyExport(await file.text(), crypto.subtle, pinned) });
    } catch {
      setState(null);
      setError(t('auditVerifier.unreadable'));
    }
  };

  return (
    <Stack gap="lg" maw={820}>
      <PageTitle>{t('auditVerifier.title')}</PageTitle>
      <Text>{t('auditVerifier.intro')}</Text>
      <FileInput
        label={t('auditVerifier.file')}
        description={t('auditVerifier.fileHint')}
        accept=".jsonl,application/x-ndjson,application/jsonl,text/plain"
        onChange={(f) => {
          setExportFile(f);
          void check(f, headFile);
        }}
      />
      <FileInput
        label={`${t('auditVerifier.headFile')} (${t('common.optional')})`}
        description={t('auditVerifier.headFileHint')}
        accept=".json,application/json"
        onChange={(f) => {
          setHeadFile(f);
          void check(exportFile, f);
        }}
      />
      <div aria-live="polite">
        {state && !state.verdict ? <Text size="sm">{t('auditVerifier.checking', { file: state.file })}</Text> : null}
        {state?.verdict ? <Verdict verdict={state.verdict} file={state.file} /> : null}
        {error ? (
          <Alert color="red" variant="light">
            {error}
          </Alert>
        ) : null}
      </div>
      <Paper withBorder p="md" component="section" aria-labelledby="verifier-trust">
        <Title order={2} size="h4" id="verifier-trust" mb="xs">
          {t('auditVerifier.trustTitle')}
        </Title>
        <Stack gap="xs">
          <Text size="sm">{t('auditVerifier.trustLocal')}</Text>
          <Text size="sm">{t('auditVerifier.trustCode')}</Text>
          <List size="sm" spacing={2}>
            {SOURCES.map((s) => (
              <List.Item key={s}>
                <Code>{s}</Code>
              </List.Item>
            ))}
          </List>
          <Text size="sm">{t('auditVerifier.trustHeads')}</Text>
          <Text size="sm">
            {t('auditVerifier.trustCli')} <Code>npx parley-audit-verify export.jsonl --head head.json</Code>
          </Text>
          <Anchor href="/api/audit/head" size="sm">
            {t('audit.exports.head')}
          </Anchor>
        </Stack>
      </Paper>
    </Stack>
  );
}

export default AuditVerifierPage;
