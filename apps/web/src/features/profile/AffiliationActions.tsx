import { Button, Group, Stack } from '@mantine/core';
import type { AffiliationResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { FormAlert } from '../../ui/FormErrors';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import { useFormatters } from '../../ui/useFormatters';
import { useUpdateAffiliation } from './useMyProfile';
import { LocaleDateInput } from '../../ui/LocaleDateInput';

function EndAffiliationForm({ affiliation, onClose }: { affiliation: AffiliationResponse; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const update = useUpdateAffiliation();
  const form = useForm({ endDate: '' });
  return (
    <form
      ref={form.ref}
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        await update.mutateAsync({ id: affiliation.id, endDate: v.endDate || undefined });
        notifySuccess(t, t('profile.ended', { organisation: affiliation.organisation.name, date: f.date(v.endDate) }));
        onClose();
      })}
    >
      <Stack gap="xs">
        <Group align="center" gap="sm">
          <LocaleDateInput label={t('profile.endDate')} required autoFocus {...form.dateProps('endDate')} />
          <Button type="submit" color="red" variant="outline" loading={form.submitting}>
            {t('profile.confirmEnd')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
        <FormAlert messages={form.general} />
      </Stack>
    </form>
  );
}

/** What a person can do to their own running affiliation: make it primary, or end it. Never edit or delete. */
export function AffiliationActions({ affiliation }: { affiliation: AffiliationResponse }) {
  const { t } = useTranslation();
  const update = useUpdateAffiliation();
  const [ending, setEnding] = useState(false);
  if (affiliation.endDate && !affiliation.current) return null;
  if (ending) return <EndAffiliationForm affiliation={affiliation} onClose={() => setEnding(false)} />;
  return (
    <Group gap="xs">
      {!affiliation.primary && affiliation.current ? (
        <Button
          size="compact-sm"
          variant="light"
          loading={update.isPending}
          aria-label={t('profile.makePrimaryLabel', { organisation: affiliation.organisation.name })}
          onClick={() =>
            update.mutate(
              { id: affiliation.id, primary: true },
              {
                onSuccess: () => notifySuccess(t, t('profile.madePrimary', { organisation: affiliation.organisation.name })),
                onError: (e) => notifyError(t, problemMessage(t, e)),
              },
            )
          }
        >
          {t('profile.makePrimary')}
        </Button>
      ) : null}
      {!affiliation.endDate ? (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={() => setEnding(true)}
          aria-label={t('profile.endLabel', { organisation: affiliation.organisation.name })}
        >
          {t('profile.end')}
        </Button>
      ) : null}
    </Group>
  );
}
