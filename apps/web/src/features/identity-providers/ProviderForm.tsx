import { Button, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import type { IdentityProviderResponse, OrganisationResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useCreateIdentityProvider, useUpdateIdentityProvider } from './useIdentityProviders';

const splitDomains = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);

/** The server names `domains.0`: show it on the domains field. */
const ALIASES = { 'domains.0': 'domains', 'domains.1': 'domains', 'domains.2': 'domains' } as const;

type Values = {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string;
  organisationId: string | null;
  lapseDays: string;
  enabled: boolean;
};

/** Registers a provider (`provider` absent) or changes one: a new client secret only when typed. */
export function ProviderForm({ provider, onDone }: { provider?: IdentityProviderResponse; onDone?: () => void }) {
  const { t } = useTranslation();
  const create = useCreateIdentityProvider();
  const update = useUpdateIdentityProvider(provider?.id ?? '');
  const [organisation, setOrganisation] = useState<OrganisationResponse | null>(provider?.organisation ? ({ ...provider.organisation } as OrganisationResponse) : null);
  const form = useForm<Values>(
    {
      name: provider?.name ?? '',
      issuer: provider?.issuer ?? '',
      clientId: provider?.clientId ?? '',
      clientSecret: '',
      domains: provider?.domains.join(', ') ?? '',
      organisationId: provider?.organisation?.id ?? null,
      lapseDays: String(provider?.lapseDays ?? 30),
      enabled: provider?.enabled ?? true,
    },
    { aliases: ALIASES },
  );
  const idPrefix = provider ? `provider-${provider.id}` : 'new-provider';
  return (
    <form
      ref={form.ref}
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        const common = { name: v.name, issuer: v.issuer, clientId: v.clientId, domains: splitDomains(v.domains), organisationId: v.organisationId, lapseDays: Number(v.lapseDays), enabled: v.enabled };
        if (provider) {
          await update.mutateAsync({ ...common, ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}) });
          notifySuccess(t, t('identityProviders.saved'));
        } else {
          await create.mutateAsync({ ...common, clientSecret: v.clientSecret });
          notifySuccess(t, t('identityProviders.registered'));
          form.reset();
          setOrganisation(null);
        }
        onDone?.();
      })}
    >
      <Stack gap="sm">
        <TextInput id={`${idPrefix}-name`} label={t('identityProviders.name')} required {...form.textProps('name')} />
        <TextInput id={`${idPrefix}-issuer`} label={t('identityProviders.issuer')} description={t('identityProviders.issuerHint')} type="url" dir="ltr" required {...form.textProps('issuer')} />
        <TextInput id={`${idPrefix}-client`} label={t('identityProviders.clientId')} dir="ltr" required {...form.textProps('clientId')} />
        <TextInput
          id={`${idPrefix}-secret`}
          label={provider ? t('identityProviders.newSecret') : t('identityProviders.clientSecret')}
          description={t('identityProviders.clientSecretHint')}
          type="password"
          autoComplete="off"
          dir="ltr"
          required={!provider}
          {...form.textProps('clientSecret')}
        />
        <TextInput id={`${idPrefix}-domains`} label={t('identityProviders.domains')} description={t('identityProviders.domainsHint')} dir="ltr" {...form.textProps('domains')} />
        <OrganisationSelect
          label={t('identityProviders.organisation')}
          name="organisationId"
          value={organisation}
          onChange={(o) => {
            setOrganisation(o);
            form.setValue('organisationId', o?.id ?? null);
          }}
          error={form.errors.organisationId}
        />
        <NumberInput
          id={`${idPrefix}-lapse`}
          label={t('identityProviders.lapseDays')}
          min={1}
          max={365}
          value={form.values.lapseDays}
          onChange={(v) => form.setValue('lapseDays', String(v))}
          error={form.errors.lapseDays}
        />
        <Switch label={t('identityProviders.enabled')} {...form.checkboxProps('enabled')} />
        <FormAlert messages={form.general} />
        <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
          {provider ? t('identityProviders.save') : t('identityProviders.register')}
        </Button>
      </Stack>
    </form>
  );
}
