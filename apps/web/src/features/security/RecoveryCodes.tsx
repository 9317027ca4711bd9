import { Alert, Button, CopyButton, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once: the person copies or downloads them now. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${t('twoFactor.recoveryFileTitle')}\n\n${text}\n`], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'parley-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Alert color="yellow" title={t('twoFactor.recoveryTitle')} role="status">
      <Text size="sm" mb="sm">
        {t('twoFactor.recoveryOnce')}
      </Text>
      <List spacing={2} mb="sm" listStyleType="none" ff="monospace" data-testid="recovery-codes">
        {codes.map((c) => (
          <List.Item key={c} dir="ltr">
            {c}
          </List.Item>
        ))}
      </List>
      <Group gap="sm">
        <CopyButton value={text}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? t('twoFactor.copied') : t('twoFactor.copy')}</Button>}</CopyButton>
        <Button variant="light" onClick={download}>
          {t('twoFactor.download')}
        </Button>
      </Group>
    </Alert>
  );
}
