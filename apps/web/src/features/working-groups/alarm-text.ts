import type { CaptureAlarm } from '@parley/domain';
import type { TFunction } from 'i18next';
import { formatDate } from '../../i18n';

/** "A", "A and B", "A, B and C" in the reader's language. */
export function listOf(items: readonly string[], lng: string): string {
  try {
    return new Intl.ListFormat(lng, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

export function percentOf(share: number, lng: string): string {
  return new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: share * 100 % 1 === 0 ? 0 : 1 }).format(share);
}

/**
 * One alarm as a sentence in the reader's language, from its machine code and params (the API's
 * English `message` is the fallback for a code this web does not know yet).
 */
export function alarmSentence(t: TFunction, alarm: CaptureAlarm, lng: string): string {
  const list = (items: string[]) => listOf(items, lng);
  /** The people an alarm names (the first by name), then "and 490 more" for those it only counts. */
  const some = (items: string[], total: number) =>
    listOf(total > items.length ? [...items, t('alarms.more', { count: total - items.length })] : items, lng);
  const group = (g: string) => t(`groups.${g}` as 'groups.government');
  switch (alarm.code) {
    case 'stakeholder-group-above-cap': {
      const p = alarm.params;
      return t('alarms.stakeholder-group-above-cap', { group: group(p.stakeholderGroup), members: p.count, total: p.votingMembers, share: percentOf(p.share, lng), cap: percentOf(p.capShare, lng) });
    }
    case 'organisation-above-cap': {
      const p = alarm.params;
      return t('alarms.organisation-above-cap', { organisation: p.organisationName, members: p.count, cap: p.cap, people: some(p.people.map((x) => x.name), p.count) });
    }
    case 'chairs-single-stakeholder-group': {
      const p = alarm.params;
      return t('alarms.chairs-single-stakeholder-group', { number: p.chairs.length, group: group(p.stakeholderGroup), chairs: list(p.chairs.map((c) => `${c.name} (${c.organisationName})`)) });
    }
    case 'chairs-single-organisation': {
      const p = alarm.params;
      return t('alarms.chairs-single-organisation', { number: p.chairs.length, organisation: p.organisationName, chairs: list(p.chairs.map((c) => c.name)) });
    }
    case 'chair-unconfirmed': {
      const p = alarm.params;
      return t('alarms.chair-unconfirmed', { name: p.name, organisation: p.organisationName, date: formatDate(p.startedAt, lng) });
    }
    case 'chair-term-expired': {
      const p = alarm.params;
      return t('alarms.chair-term-expired', { name: p.name, organisation: p.organisationName, date: formatDate(p.endsAt, lng) });
    }
    case 'member-affiliation-ended': {
      const p = alarm.params;
      return t('alarms.member-affiliation-ended', { count: p.count, people: some(p.people.map((x) => x.name), p.count) });
    }
    case 'member-affiliation-unverified': {
      const p = alarm.params;
      return t('alarms.member-affiliation-unverified', { count: p.count, people: some(p.people.map((x) => `${x.name} (${x.organisationName})`), p.count) });
    }
    case 'member-affiliation-unconfirmed': {
      const p = alarm.params;
      return t('alarms.member-affiliation-unconfirmed', { count: p.count, people: some(p.people.map((x) => `${x.name} (${x.organisationName})`), p.count) });
    }
    case 'most-private-sector-members': {
      const p = alarm.params;
      const values = { name: p.workingGroupName, members: p.count, total: p.votingMembers, compared: p.groupsCompared, share: percentOf(p.votingMembers === 0 ? 0 : p.count / p.votingMembers, lng) };
      return p.tiedWith.length === 0 ? t('alarms.most-private-sector-members', values) : t('alarms.most-private-sector-members-tied', { ...values, tied: p.tiedWith.length });
    }
    default:
      return (alarm as CaptureAlarm).message;
  }
}
