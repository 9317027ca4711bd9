import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { CreateOrganisationRequest, OrganisationResponse } from '@parley/contracts';
import { isSubtypeOf, type OrganisationSubtype, type StakeholderGroup } from '@parley/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import { useFormatters } from '../../ui/useFormatters';
import { countryOptions } from './countries';
import { groupOptions, subtypeOptions } from './options';
import { useCreateOrganisation } from './useOrganisations';
import { intlLocale } from '../../i18n';

const blankToUndefined = (s: string | null) => (s && s.trim() ? s.trim() : undefined);

/**
 * Adds an organisation to the directory. `onCreated` hears of the new organisation (the affiliation
 * form selects it); `onDone` is called after it and by Cancel; `initialName` starts the name field.
 */
export function CreateOrganisationForm({
  onDone,
  onCreated,
  initialName = '',
}: {
  onDone?: () => void;
  onCreated?: (organisation: OrganisationResponse) => void;
  initialName?: string;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const create = useCreateOrganisation();
  const form = useForm({
    name: initialName,
    stakeholderGroup: null as string | null,
    subtype: null as string | null,
    country: null as string | null,
    website: '',
    lobbyingRegisterId: '',
  });
  const countries = useMemo(() => countryOptions(f.country, intlLocale(i18n.language)), [f.country, i18n.language]);
  const group = form.values.stakeholderGroup as StakeholderGroup | null;

  return (
    <form
      ref={form.ref}
      noValidate
      onSubmit={form.onSubmit(async (v) => {
        const body = {
          name: v.name.trim(),
          stakeholderGroup: v.stakeholderGroup ?? undefined,
          subtype: v.subtype ?? undefined,
          country: v.country ?? undefined,
          website: blankToUndefined(v.website),
          lobbyingRegisterId: blankToUndefined(v.lobbyingRegisterId),
        } as CreateOrganisationRequest;
        const created = await create.mutateAsync(body);
        notifySuccess(t, t('organisations.created', { name: created.name }));
        form.reset();
        onCreated?.(created);
        onDone?.();
      })}
    >
      <Stack gap="md">
        <TextInput label={t('organisations.name')} required {...form.textProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('organisations.group')}
            required
            data={groupOptions(t)}
            {...form.selectProps('stakeholderGroup')}
            onChange={(g) => {
              form.setValue('stakeholderGroup', g);
              const sub = form.values.subtype as OrganisationSubtype | null;
              if (g && sub && !isSubtypeOf(g as StakeholderGroup, sub)) form.setValue('subtype', null);
            }}
          />
          <Select
            label={t('organisations.subtype')}
            required
            data={group ? subtypeOptions(t, group) : []}
            disabled={!group}
            placeholder={group ? undefined : t('organisations.pickGroupFirst')}
            {...form.selectProps('subtype')}
          />
          <Select
            label={t('organisations.country')}
            description={t('organisations.noCountry')}
            data={countries}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            nothingFoundMessage={t('common.noMatches')}
            {...form.selectProps('country')}
          />
          <TextInput
            label={t('organisations.website')}
            description={t('organisations.websiteHint')}
            type="url"
            inputMode="url"
            autoComplete="url"
            {...form.textProps('website')}
          />
          <TextInput
            label={t('organisations.lobbyingRegisterId')}
            description={t('organisations.lobbyingRegisterHint')}
            {...form.textProps('lobbyingRegisterId')}
          />
        </SimpleGrid>
        <FormAlert messages={form.general} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('organisations.create')}
          </Button>
          {onDone ? (
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
