import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';

/** A short confirmation after a change; notifications are announced politely to screen readers. */
export function notifySuccess(t: TFunction, message: string): void {
  notifications.show({ message, color: 'green', withBorder: true, autoClose: 5000, closeButtonProps: { 'aria-label': t('common.close') } });
}

export function notifyError(t: TFunction, message: string): void {
  notifications.show({
    title: t('errors.title'),
    message,
    color: 'red',
    withBorder: true,
    autoClose: 8000,
    closeButtonProps: { 'aria-label': t('common.close') },
  });
}
