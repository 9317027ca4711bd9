import { Button, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { AddDeclarationRequest, OrganisationResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECLARATION_KINDS } from '@parley/contracts';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useAddDeclaration } from './useMyProfile';
import { LocaleDateInput } from '../../ui/LocaleDateInput';

type Source = 'directory' | 'name';

export function AddDeclarationForm() {
  const { t } = useTranslation();
  const add = useAddDeclaration();
  const [organisation, setOrganisation] = useState<OrganisationResponse | null>(null);
  const form = useForm({
    kind: null as string | null,
    source: 'directory' as Source,
    organisationId: null as string | null,
    organisationName: '',
    note: '',
    since: '',
  });
  const source = form.values.source as Source;
  const organisationError = form.errors.organisationId ?? form.errors.organisationName;

  return (
    <form
      ref={form.ref}
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        const body = {
          kind: v.kind ?? undefined,
          organisationId: source === 'directory' ? organisation?.id : undefined,
          organisationName: source === 'name' ? v.organisationName.trim() || undefined : undefined,
          note: v.note,
          since: v.since || undefined,
        } as AddDeclarationRequest;
        await add.mutateAsync(body);
        notifySuccess(t, t('profile.declarationAdded'));
        form.reset();
        setOrganisation(null);
      })}
    >
      <Stack gap="md">
        <Select
          label={t('profile.kind')}
          required
          data={DECLARATION_KINDS.map((k) => ({ value: k, label: t(`declarationKinds.${k}`) }))}
          {...form.selectProps('kind')}
        />
        <Radio.Group label={t('profile.organisationSource')} value={source} onChange={(s) => form.setValue('source', s as Source)} required>
          <Group gap="lg" mt={6}>
            <Radio value="directory" label={t('profile.fromDirectory')} />
            <Radio value="name" label={t('profile.byName')} />
          </Group>
        </Radio.Group>
        {source === 'directory' ? (
          <OrganisationSelect
            label={t('profile.organisation')}
            required
            name="organisationId"
            value={organisation}
            onChange={(o) => {
              setOrganisation(o);
              form.setValue('organisationId', o?.id ?? null);
            }}
            error={organisationError}
          />
        ) : (
          <TextInput label={t('profile.organisationName')} required {...form.textProps('organisationName')} error={organisationError} />
        )}
        <Textarea label={t('profile.note')} description={t('profile.noteHint')} required autosize minRows={2} {...form.textProps('note')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LocaleDateInput label={`${t('profile.since')} (${t('common.optional')})`} {...form.dateProps('since')} />
        </SimpleGrid>
        <FormAlert messages={form.general} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('profile.addDeclaration')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
