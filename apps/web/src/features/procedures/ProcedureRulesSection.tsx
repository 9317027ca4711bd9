import { Button, Checkbox, Group, NumberInput, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { JOIN_POLICIES, type JoinPolicy, type WorkingGroupResponse } from '@parley/contracts';
import { PROCEDURE_RULE_BOUNDS } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import { useChangeProcedureRules } from './useAccreditation';

type Rules = WorkingGroupResponse['procedureRules'];
const NUMERIC = ['silenceMinimumHours', 'circulationDays', 'lastCallDays', 'nonObjectionHours', 'proxyCap'] as const;

const numbersAsText = (r: Rules) => Object.fromEntries(NUMERIC.map((k) => [k, String(r[k])])) as Record<(typeof NUMERIC)[number], string>;

/** The group's rules of procedure in words, for everyone. */
function RulesInWords({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  const r = group.procedureRules;
  return (
    <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} data-testid="procedure-rules">
      <Text component="li" size="sm">
        {t(`procedureRules.joinPolicy.${group.joinPolicy}`, { hours: r.nonObjectionHours })}
      </Text>
      <Text component="li" size="sm">
        {t('procedureRules.silence', { count: r.silenceMinimumHours })}
      </Text>
      <Text component="li" size="sm">
        {r.circulationDays > 0 ? t('procedureRules.circulation', { count: r.circulationDays }) : t('procedureRules.noCirculation')}
      </Text>
      <Text component="li" size="sm">
        {r.lastCallDays > 0 ? t('procedureRules.lastCall', { count: r.lastCallDays }) : t('procedureRules.noLastCall')}
      </Text>
      {group.joinPolicy === 'non-objection' ? null : (
        // Under non-objection the join policy's own line already says how long a request circulates.
        <Text component="li" size="sm">
          {t('procedureRules.nonObjection', { count: r.nonObjectionHours })}
        </Text>
      )}
      <Text component="li" size="sm">
        {r.proxyCap === 0
          ? t('procedureRules.noProxies')
          : t(r.proxyWithinStakeholderGroup ? 'procedureRules.proxiesGroup' : 'procedureRules.proxiesOrganisation', { count: r.proxyCap })}
      </Text>
    </Stack>
  );
}

/** A chair's form: the join policy and each rule, with a note kept on the record. */
function RulesForm({ group, onDone }: { group: WorkingGroupResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangeProcedureRules(group.id);
  const form = useForm<{ joinPolicy: string; note: string } & Record<(typeof NUMERIC)[number], string> & { proxyWithinStakeholderGroup: boolean }>(
    { joinPolicy: group.joinPolicy, note: '', ...numbersAsText(group.procedureRules), proxyWithinStakeholderGroup: group.procedureRules.proxyWithinStakeholderGroup },
    { aliases: Object.fromEntries(NUMERIC.map((k) => [`procedureRules.${k}`, k])) as Record<string, (typeof NUMERIC)[number]> },
  );
  return (
    <form
      ref={form.ref}
      noValidate
      aria-label={t('procedureRules.formLabel')}
      onSubmit={form.onSubmit(async (v) => {
        const procedureRules: Partial<Rules> = { proxyWithinStakeholderGroup: v.proxyWithinStakeholderGroup };
        // An emptied field goes as null: the API names it.
        for (const k of NUMERIC) procedureRules[k] = v[k].trim() === '' ? (null as unknown as number) : Number(v[k]);
        await change.mutateAsync({ joinPolicy: v.joinPolicy as JoinPolicy, procedureRules, note: v.note.trim() || undefined });
        notifySuccess(t, t('procedureRules.saved'));
        onDone();
      })}
    >
      <Stack gap="sm">
        <Radio.Group label={t('procedureRules.joinPolicyLabel')} value={form.values.joinPolicy} onChange={(p) => form.setValue('joinPolicy', p)} required>
          <Stack gap={6} mt={6}>
            {JOIN_POLICIES.map((p) => (
              <Radio key={p} value={p} label={t(`workingGroups.joinPolicy.${p}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="xs" c="dimmed">
          {t('procedureRules.pendingKeep')}
        </Text>
        {NUMERIC.map((k) => (
          <NumberInput
            key={k}
            label={t(`procedureRules.labels.${k}`)}
            min={PROCEDURE_RULE_BOUNDS[k].min}
            max={PROCEDURE_RULE_BOUNDS[k].max}
            allowDecimal={false}
            name={k}
            value={form.values[k]}
            onChange={(value) => form.setValue(k, String(value))}
            error={form.errors[k]}
          />
        ))}
        <Checkbox label={t('procedureRules.labels.proxyWithinStakeholderGroup')} {...form.checkboxProps('proxyWithinStakeholderGroup')} />
        <Textarea label={t('procedureRules.note')} description={t('procedureRules.noteHint')} autosize minRows={2} {...form.textProps('note')} />
        <FormAlert messages={form.general} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('procedureRules.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Rules of procedure": how people join, the silence minimum, the circulation period, last call, the
 * non-objection period and proxies, in words, for everyone; a chair (or the convener before any
 * chair) changes them here, audited with before and after.
 */
export function ProcedureRulesSection({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const mayChange = group.allowed.decideJoinRequests === true;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="wg-procedure-rules">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4" id="wg-procedure-rules">
          {t('procedureRules.title')}
        </Title>
        {mayChange && !editing ? (
          <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
            {t('procedureRules.edit')}
          </Button>
        ) : null}
      </Group>
      {editing ? <RulesForm group={group} onDone={() => setEditing(false)} /> : <RulesInWords group={group} />}
    </Paper>
  );
}
