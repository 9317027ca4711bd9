import { Alert, Anchor, Button, Checkbox, Group, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { JoinPolicy } from '@parley/contracts';
import { BALLOT_SUBJECT_KINDS, DECISION_RULES, DEFAULT_DECISION_RULES, type BallotSubjectKind, type DecisionRule } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { useForm } from '../../ui/useForm';
import { useMe } from '../auth/useSession';
import { useCreateWorkingGroup } from './useWorkingGroups';

/** Convene a working group: its mandate, how people join, how each kind of ballot is decided, and the composition caps. */
export function CreateWorkingGroupPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateWorkingGroup();
  const [rules, setRules] = useState<Record<BallotSubjectKind, DecisionRule>>(DEFAULT_DECISION_RULES);
  const [numbers, setNumbers] = useState({ quorum: 50, maxShare: 50, maxPerOrganisation: 2 });
  const form = useForm({ name: '', mandate: '', joinPolicy: 'approval', requiresConfirmedAffiliations: true });

  if (me.isPending) return <PageLoader />;
  if (!me.data)
    return (
      <Stack>
        <PageTitle>{t('workingGroups.create.title')}</PageTitle>
        <Anchor component={Link} to="/login">
          {t('workingGroups.join.logIn')}
        </Anchor>
      </Stack>
    );

  return (
    <Stack gap="lg" maw={760}>
      <PageTitle>{t('workingGroups.create.title')}</PageTitle>
      <Text c="dimmed">{t('workingGroups.create.intro')}</Text>
      {me.data.currentSnapshot === null ? (
        <Alert color="orange" variant="light">
          {t('workingGroups.reasons.needsAffiliation')}{' '}
          <Anchor component={Link} to="/me">
            {t('workingGroups.join.toProfile')}
          </Anchor>
        </Alert>
      ) : null}
      <form
        ref={form.ref}
        noValidate
        onSubmit={form.onSubmit(async (v) => {
          const g = await create.mutateAsync({
            name: v.name,
            mandate: v.mandate,
            joinPolicy: v.joinPolicy as JoinPolicy,
            requiresConfirmedAffiliations: v.requiresConfirmedAffiliations,
            decisionRules: rules,
            quorum: numbers.quorum / 100,
            caps: { maxStakeholderGroupShare: numbers.maxShare / 100, maxVotingMembersPerOrganisation: numbers.maxPerOrganisation },
          });
          notifySuccess(t, t('workingGroups.create.done'));
          await navigate(`/working-groups/${g.id}`);
        })}
      >
        <Stack gap="md">
          <TextInput label={t('workingGroups.create.name')} required {...form.textProps('name')} />
          <Textarea label={t('workingGroups.mandate')} description={t('workingGroups.create.mandateHint')} required autosize minRows={4} {...form.textProps('mandate')} />
          <Radio.Group label={t('workingGroups.create.joinPolicy')} value={form.values.joinPolicy} onChange={(p) => form.setValue('joinPolicy', p)} required>
            <Stack gap={6} mt={6}>
              <Radio value="approval" label={t('workingGroups.joinPolicy.approval')} description={t('workingGroups.join.approvalHint')} />
              <Radio value="open" label={t('workingGroups.joinPolicy.open')} description={t('workingGroups.join.openHint')} />
              <Radio value="non-objection" label={t('workingGroups.joinPolicy.non-objection')} description={t('procedureRules.createHint')} />
            </Stack>
          </Radio.Group>
          <Checkbox label={t('confirmation.groupSetting')} {...form.checkboxProps('requiresConfirmedAffiliations')} />
          <Paper withBorder p="md">
            <Title order={2} size="h5" mb="sm">
              {t('workingGroups.rules.title')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {BALLOT_SUBJECT_KINDS.map((kind) => (
                <Select
                  key={kind}
                  label={t(`workingGroups.ballotKinds.${kind}`)}
                  allowDeselect={false}
                  data={DECISION_RULES.map((r) => ({ value: r, label: t(`workingGroups.rules.${r}`) }))}
                  value={rules[kind]}
                  onChange={(r) => r && setRules((x) => ({ ...x, [kind]: r as DecisionRule }))}
                />
              ))}
            </SimpleGrid>
          </Paper>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('workingGroups.create.quorum')} suffix=" %" min={0} max={100} value={numbers.quorum} onChange={(n) => setNumbers((x) => ({ ...x, quorum: Number(n) || 0 }))} />
            <NumberInput label={t('workingGroups.create.maxShare')} suffix=" %" min={1} max={100} value={numbers.maxShare} onChange={(n) => setNumbers((x) => ({ ...x, maxShare: Number(n) || 0 }))} />
            <NumberInput label={t('workingGroups.create.maxPerOrganisation')} min={1} max={1000} value={numbers.maxPerOrganisation} onChange={(n) => setNumbers((x) => ({ ...x, maxPerOrganisation: Number(n) || 0 }))} />
          </SimpleGrid>
          <FormAlert messages={form.general} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('workingGroups.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export default CreateWorkingGroupPage;
