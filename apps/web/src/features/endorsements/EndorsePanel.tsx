import { Alert, Anchor, Button, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { SignatoriesResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemMessage, verdictMessage } from '../../i18n/server-messages';
import { notifySuccess } from '../../ui/notify';
import { useEndorse } from './useEndorsements';

/**
 * The Endorse button of an adopted version: for a person with a current affiliation, on behalf of
 * one of their organisations that has not endorsed yet; otherwise the reason they cannot (from the API).
 */
export function EndorsePanel({ signatories }: { signatories: SignatoriesResponse }) {
  const { t } = useTranslation();
  const endorse = useEndorse(signatories.documentId, signatories.version);
  const options = signatories.can.organisations;
  const [chosen, setChosen] = useState<string | null>(null);
  const organisationId = chosen ?? options[0]?.id ?? null;
  const organisation = options.find((o) => o.id === organisationId);
  const refusal = signatories.can.endorse === true ? null : signatories.can.endorse;
  if (!signatories.adoptedAt) return null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="endorse-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="endorse-title">
          {t('endorsements.endorse.title')}
        </Title>
        <Text size="sm">{t('endorsements.endorse.explain')}</Text>
        {refusal === null ? (
          <>
            {options.length > 1 ? (
              <Select
                label={t('endorsements.endorse.organisation')}
                data={options.map((o) => ({ value: o.id, label: o.name }))}
                value={organisationId}
                onChange={setChosen}
                allowDeselect={false}
              />
            ) : null}
            {endorse.isError ? (
              <Alert color="red" variant="light" role="alert">
                {problemMessage(t, endorse.error)}
              </Alert>
            ) : null}
            <Button
              style={{ alignSelf: 'flex-start' }}
              loading={endorse.isPending}
              disabled={!organisation}
              data-testid="endorse-button"
              onClick={() =>
                organisation &&
                endorse.mutate(organisation.id, { onSuccess: () => notifySuccess(t, t('endorsements.endorse.done', { organisation: organisation.name })) })
              }
            >
              {t('endorsements.endorse.submit', { organisation: organisation?.name ?? '' })}
            </Button>
          </>
        ) : (
          <Text size="sm" c="dimmed" data-testid="endorse-refusal">
            {refusal.code === 'sign-in-to-endorse' ? (
              <Anchor component={Link} to="/login" size="sm">
                {verdictMessage(t, refusal)}
              </Anchor>
            ) : (
              verdictMessage(t, refusal)
            )}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
