import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import type { ChangeMeetingRequest, MeetingView } from '@parley/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormErrors';
import type { useForm } from '../../ui/useForm';
import { isoToZoned, readerTimeZone, timeZoneOptions, zonedToIso } from './meeting-time';

/** A session's details as a form holds them: times typed in the chosen zone, the turn limit in minutes. */
export type MeetingDetailsValues = {
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
  onlineUrl: string;
  turnLimit: string;
};

export const EMPTY_DETAILS: MeetingDetailsValues = { title: '', startsAt: '', endsAt: '', timeZone: '', place: '', onlineUrl: '', turnLimit: '' };

/** The form's values for a new session (the reader's time zone) or for one as it stands. */
export function detailsValues(m?: MeetingView): MeetingDetailsValues {
  if (!m) return { ...EMPTY_DETAILS, timeZone: readerTimeZone() };
  return {
    title: m.title,
    startsAt: isoToZoned(m.startsAt, m.timeZone),
    endsAt: isoToZoned(m.endsAt, m.timeZone),
    timeZone: m.timeZone,
    place: m.place ?? '',
    onlineUrl: m.onlineUrl ?? '',
    turnLimit: m.turnLimitSeconds == null ? '' : String(m.turnLimitSeconds / 60),
  };
}

/** The details as the API reads them (every field: a change replaces them all, empty ones cleared). */
export function detailsBody(v: MeetingDetailsValues): Required<ChangeMeetingRequest> {
  const tz = v.timeZone || 'UTC';
  const minutes = v.turnLimit.trim() === '' ? null : Number(v.turnLimit);
  return {
    title: v.title.trim(),
    startsAt: zonedToIso(v.startsAt, tz) ?? v.startsAt,
    endsAt: zonedToIso(v.endsAt, tz) ?? v.endsAt,
    timeZone: tz,
    place: v.place.trim() || null,
    onlineUrl: v.onlineUrl.trim() || null,
    turnLimitSeconds: minutes == null || Number.isNaN(minutes) ? null : Math.round(minutes * 60),
  };
}

/** The server's names for the fields the form names otherwise. */
export const DETAILS_ALIASES = { turnLimitSeconds: 'turnLimit' } as const;

type DetailsForm = Pick<ReturnType<typeof useForm<MeetingDetailsValues>>, 'values' | 'errors' | 'setValue' | 'textProps' | 'selectProps'>;

/** Title, times and zone, place, online link and turn limit: scheduling a session and changing it show the same fields. */
export function MeetingDetailsFields({ form, testIdPrefix }: { form: DetailsForm; testIdPrefix: string }) {
  const { t } = useTranslation();
  const zones = useMemo(() => timeZoneOptions(), []);
  const data = zones.includes(form.values.timeZone) || !form.values.timeZone ? zones : [form.values.timeZone, ...zones];
  return (
    <>
      <TextInput label={t('meetings.schedule.title')} required maxLength={200} {...form.textProps('title')} data-autofocus />
      <Group grow wrap="wrap" align="flex-start">
        <TextInput type="datetime-local" label={t('meetings.schedule.start')} required miw={200} {...form.textProps('startsAt')} />
        <TextInput type="datetime-local" label={t('meetings.schedule.end')} required miw={200} {...form.textProps('endsAt')} />
      </Group>
      <Select
        label={t('meetings.schedule.timeZone')}
        description={t('meetings.schedule.timeZoneHint')}
        data={data}
        searchable
        allowDeselect={false}
        {...form.selectProps('timeZone')}
        data-testid={`${testIdPrefix}-time-zone`}
      />
      <TextInput label={t('meetings.schedule.place')} description={t('meetings.schedule.placeHint')} maxLength={300} {...form.textProps('place')} />
      <TextInput label={t('meetings.schedule.online')} placeholder="https://" type="url" maxLength={2000} {...form.textProps('onlineUrl')} />
      <NumberInput
        label={t('meetings.schedule.turnLimit')}
        description={t('meetings.schedule.turnLimitHint')}
        min={1}
        max={60}
        value={form.values.turnLimit}
        onChange={(v) => form.setValue('turnLimit', String(v))}
        error={form.errors.turnLimit}
        name="turnLimit"
      />
    </>
  );
}

/** The foot of a session's form: the server's message where no field shows it, then submit and cancel. */
export function MeetingFormActions({ general, submitting, submit, onCancel }: { general: string[]; submitting: boolean; submit: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <FormAlert messages={general} />
      <Group>
        <Button type="submit" loading={submitting}>
          {submit}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </>
  );
}
