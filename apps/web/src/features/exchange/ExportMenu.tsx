import { Anchor, Button, Divider, NativeSelect, Popover, Stack, Text } from '@mantine/core';
import type { DocumentResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { versionName } from '../negotiation/chairs-text-name';

/** The address of one of a version's files, in the reader's language (what Parley writes around the text). */
export function versionFileUrl(documentId: string, version: number, file: string, lang: string, against?: number): string {
  const query = new URLSearchParams({ ...(against ? { against: String(against) } : {}), lang });
  return `/api/documents/${documentId}/versions/${version}/${file}?${query.toString()}`;
}

/**
 * "Download": the version as a Word file, as a Word file whose differences from an earlier version
 * are tracked changes, as a PDF to print, and its commenting template. Plain links: the browser
 * downloads them itself, with the session's cookie.
 */
export function ExportMenu({ doc, version }: { doc: DocumentResponse; version: number }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  const earlier = doc.versions.filter((v) => v.number < version).reverse();
  const [against, setAgainst] = useState(earlier[0]?.number ?? 0);
  const url = (file: string, base?: number) => versionFileUrl(doc.id, version, file, lang, base);
  return (
    <Popover position="bottom-start" shadow="md" trapFocus returnFocus width={320} withinPortal>
      <Popover.Target>
        <Button variant="default" size="sm" data-testid="export-menu">
          {t('exchange.download.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('exchange.download.label', { number: version })}>
        <Stack gap="sm" data-testid="export-links">
          <Text size="sm" fw={600}>
            {t('exchange.download.label', { number: version })}
          </Text>
          <Anchor href={url('export.docx')} download data-testid="export-docx">
            {t('exchange.download.docx')}
          </Anchor>
          <Anchor href={url('export.pdf')} download data-testid="export-pdf">
            {t('exchange.download.pdf')}
          </Anchor>
          {earlier.length > 0 ? (
            <Stack gap={6}>
              <Divider />
              <NativeSelect
                label={t('exchange.download.against')}
                data={earlier.map((v) => ({ value: String(v.number), label: versionName(t, v) }))}
                value={String(against)}
                onChange={(e) => setAgainst(Number(e.currentTarget.value))}
                size="sm"
              />
              <Anchor href={url('export.docx', against)} download data-testid="export-tracked">
                {t('exchange.download.tracked', { number: against })}
              </Anchor>
            </Stack>
          ) : null}
          <Divider />
          <Anchor href={url('comment-template.docx')} download data-testid="export-template">
            {t('exchange.template.download')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
