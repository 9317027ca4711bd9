import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { AddAffiliationRequest, OrganisationResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import { CreateOrganisationForm } from '../organisations/CreateOrganisationForm';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useAddAffiliation } from './useMyProfile';
import { LocaleDateInput } from '../../ui/LocaleDateInput';

/** Where the server's field paths land in this form. */
const ALIASES = {
  funding: 'fundingNote',
  'funding.note': 'fundingNote',
  'funding.organisationName': 'funder',
  'funding.organisationId': 'funder',
} as const;

export function AddAffiliationForm({ primaryByDefault }: { primaryByDefault: boolean }) {
  const { t } = useTranslation();
  const add = useAddAffiliation();
  const [organisation, setOrganisation] = useState<OrganisationResponse | null>(null);
  // The directory lacks their organisation: it is added in a dialog over the form, which keeps what was typed.
  const [adding, setAdding] = useState(false);
  const [typed, setTyped] = useState('');
  const form = useForm(
    { organisationId: null as string | null, title: '', startDate: '', endDate: '', primary: primaryByDefault, fundingNote: '', funder: '' },
    { aliases: ALIASES },
  );
  const independent = organisation?.subtype === 'individual';

  return (
    <>
      <form
        ref={form.ref}
        noValidate
        onSubmit={form.onSubmit(async (v) => {
          const body = {
            organisationId: organisation?.id,
            title: v.title,
            startDate: v.startDate || undefined,
            endDate: v.endDate || undefined,
            primary: v.primary,
            funding: independent ? { note: v.fundingNote, organisationName: v.funder.trim() || undefined } : undefined,
          } as AddAffiliationRequest;
          const added = await add.mutateAsync(body);
          notifySuccess(t, t('profile.affiliationAdded', { organisation: added.organisation.name }));
          form.reset();
          setOrganisation(null);
        })}
      >
        <Stack gap="md">
          <OrganisationSelect
            label={t('profile.organisation')}
            description={t('profile.organisationHint')}
            required
            name="organisationId"
            value={organisation}
            onChange={(o) => {
              setOrganisation(o);
              form.setValue('organisationId', o?.id ?? null);
            }}
            onSearchChange={(s) => s.trim() && setTyped(s)}
            error={form.errors.organisationId}
          />
          <Group gap="xs">
            <Text size="xs">{t('profile.notListed')}</Text>
            <Button variant="subtle" size="compact-xs" onClick={() => setAdding(true)} aria-haspopup="dialog">
              {t('profile.addOrganisationLink')}
            </Button>
          </Group>
          <TextInput
            label={t('profile.jobTitle')}
            description={t('profile.jobTitleHint')}
            required
            autoComplete="organization-title"
            {...form.textProps('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <LocaleDateInput label={t('profile.startDate')} required {...form.dateProps('startDate')} />
            <LocaleDateInput label={`${t('profile.endDateOptional')} (${t('common.optional')})`} {...form.dateProps('endDate')} />
          </SimpleGrid>
          <Checkbox label={t('profile.primary')} description={t('profile.primaryHint')} {...form.checkboxProps('primary')} />
          {independent ? (
            <Alert variant="light" color="yellow" title={t('profile.fundingTitle')} c="gray.9">
              <Stack gap="sm">
                <Text size="sm">{t('profile.fundingHelp')}</Text>
                <Textarea label={t('profile.fundingNote')} required autosize minRows={2} {...form.textProps('fundingNote')} />
                <TextInput label={`${t('profile.funder')} (${t('common.optional')})`} description={t('profile.funderHint')} {...form.textProps('funder')} />
              </Stack>
            </Alert>
          ) : null}
          <FormAlert messages={form.general} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('profile.addAffiliation')}
            </Button>
          </Group>
        </Stack>
      </form>
      {/* Outside the affiliation form: a submit in the dialog must not bubble (through React's tree) to it. */}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('profile.addOrganisationTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <Text size="sm">{t('profile.addOrganisationHelp')}</Text>
          <CreateOrganisationForm
            initialName={organisation ? '' : typed.trim()}
            onCreated={(o) => {
              setOrganisation(o);
              form.setValue('organisationId', o.id);
            }}
            onDone={() => setAdding(false)}
          />
        </Stack>
      </Modal>
    </>
  );
}
