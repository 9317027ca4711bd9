import { Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A dialog's two last buttons: the act it confirms, then Cancel. */
export function ConfirmActions({
  confirm,
  onConfirm,
  onCancel,
  loading,
  disabled,
  color,
}: {
  confirm: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  loading: boolean;
  disabled?: boolean;
  color?: MantineColor;
}) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button color={color} onClick={onConfirm} loading={loading} disabled={disabled}>
        {confirm}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
