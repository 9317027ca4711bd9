import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A hash, shortened to its first 12 characters; the full hash on hover and one click away (copy). */
export function HashText({ hash, label }: { hash: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" component="span" style={{ display: 'inline-flex' }}>
      <Text span size="xs" c="dimmed">
        {label}
      </Text>
      <Tooltip label={hash} withArrow multiline maw={320} styles={{ tooltip: { wordBreak: 'break-all', fontFamily: 'var(--mantine-font-family-monospace)' } }}>
        <Text span size="xs" ff="monospace" title={hash} data-testid="hash" data-full-hash={hash} tabIndex={0}>
          {hash.slice(0, 12)}…
        </Text>
      </Tooltip>
      <CopyButton value={hash}>
        {({ copied, copy }) => (
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            size="sm"
            onClick={copy}
            aria-label={copied ? t('audit.event.copied') : t('audit.event.copyHash')}
          >
            <svg
              width={13}
              height={13}
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth={2.2}
              strokeLinecap="round"
              strokeLinejoin="round"
              aria-hidden
              focusable={false}
            >
              {copied ? (
                <path d="m5 12 5 5 9-10" />
              ) : (
                <>
                  <rect x="9" y="9" width="11" height="11" rx="2" />
                  <path d="M5 15V5a2 2 0 0 1 2-2h10" />
                </>
              )}
            </svg>
          </ActionIcon>
        )}
      </CopyButton>
    </Group>
  );
}
