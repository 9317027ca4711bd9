import { Button, NativeSelect, Switch, Table, Text } from '@mantine/core';
import { EMAIL_MODES, NOTIFICATION_CATEGORIES, type EmailMode, type NotificationKind } from '@parley/domain';
import type { ApiResponse } from '@parley/contracts';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useUpdatePreferences } from './useNotifications';

type Prefs = ApiResponse<'GET /api/me/notification-preferences'>;
type Row = Prefs['kinds'][number];

/** Each kind of notification by category: shown in Parley or not, and when it is e-mailed. Saving sends the rows changed. */
export function PreferencesTable({ prefs }: { prefs: Prefs }) {
  const { t } = useTranslation();
  const update = useUpdatePreferences();
  const [draft, setDraft] = useState<Partial<Record<NotificationKind, Pick<Row, 'inApp' | 'email'>>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const rowOf = (r: Row) => ({ ...r, ...draft[r.kind] });
  const set = (r: Row, change: Partial<Pick<Row, 'inApp' | 'email'>>) =>
    setDraft((d) => ({ ...d, [r.kind]: { inApp: rowOf(r).inApp, email: rowOf(r).email, ...change } }));
  const changed = prefs.kinds.filter((r) => draft[r.kind] && (draft[r.kind]?.inApp !== r.inApp || draft[r.kind]?.email !== r.email));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    if (changed.length === 0) return;
    update.mutate(
      { kinds: changed.map((r) => ({ kind: r.kind, ...draft[r.kind] })) },
      {
        onSuccess: () => {
          setDraft({});
          notifySuccess(t, t('notifications.preferences.saved'));
        },
        onError: (error) => setGeneral(mapServerErrors(error, [] as const, t).general),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="prefs-kinds">
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing={6} horizontalSpacing={6} data-testid="preferences-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('notifications.preferences.kind')}</Table.Th>
              <Table.Th scope="col">{t('notifications.preferences.inApp')}</Table.Th>
              <Table.Th scope="col">{t('notifications.preferences.email')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {NOTIFICATION_CATEGORIES.map((category) => {
              const rows = prefs.kinds.filter((r) => r.category === category);
              if (rows.length === 0) return null;
              return (
                <Fragment key={category}>
                  <Table.Tr>
                    <Table.Th scope="colgroup" colSpan={3} bg="gray.0">
                      {t(`notifications.categories.${category}`)}
                    </Table.Th>
                  </Table.Tr>
                  {rows.map((r) => {
                    const row = rowOf(r);
                    const name = t(`notifications.kinds.${r.kind}`);
                    return (
                      <Table.Tr key={r.kind} data-kind={r.kind}>
                        <Table.Th scope="row" fw={400}>
                          <Text size="sm">{name}</Text>
                        </Table.Th>
                        <Table.Td>
                          <Switch
                            checked={row.inApp}
                            onChange={(e) => set(r, { inApp: e.currentTarget.checked })}
                            aria-label={t('notifications.preferences.inAppOf', { kind: name })}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            size="xs"
                            miw={120}
                            value={row.email}
                            onChange={(e) => set(r, { email: e.currentTarget.value as EmailMode })}
                            aria-label={t('notifications.preferences.emailOf', { kind: name })}
                            data={EMAIL_MODES.map((m) => ({ value: m, label: t(`notifications.emailModes.${m}`) }))}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <FormAlert messages={general} />
      <Button type="submit" mt="sm" loading={update.isPending} disabled={changed.length === 0}>
        {t('notifications.preferences.save')}
      </Button>
    </form>
  );
}
