import type { AffiliationSnapshot } from '@parley/domain';
import type { UnLanguage } from '@parley/contracts';
import { AR_ACTS, EN_ACTS, ES_ACTS, FR_ACTS, RU_ACTS, ZH_ACTS, type FeedAction } from './feed-acts';

export type FeedLanguage = UnLanguage;

/**
 * Acts a feed never carries: single votes (a secret ballot's voters stay out of feeds; a ballot's
 * result is its `ballot.closed`), and a session's check-ins and turns at the floor (hundreds per
 * session: they are on the session's page; the feed says it was scheduled, opened, closed, reported).
 */
export const NOT_IN_FEEDS = (action: string) => action.startsWith('vote.') || action.startsWith('meeting.floor-') || action === 'meeting.attendance-recorded';

export const ACTS: Record<FeedLanguage, Record<FeedAction, string>> = { ar: AR_ACTS, zh: ZH_ACTS, en: EN_ACTS, fr: FR_ACTS, ru: RU_ACTS, es: ES_ACTS };
const actIn = (lang: FeedLanguage, action: string): string | undefined => (Object.hasOwn(EN_ACTS, action) ? ACTS[lang][action as FeedAction] : undefined);

export const STAKEHOLDER_GROUPS: Record<string, Record<FeedLanguage, string>> = {
  government: { ar: 'الحكومات', zh: '政府', en: 'government', fr: 'gouvernement', ru: 'правительства', es: 'gobierno' },
  'private-sector': { ar: 'القطاع الخاص', zh: '私营部门', en: 'private sector', fr: 'secteur privé', ru: 'частный сектор', es: 'sector privado' },
  'civil-society': { ar: 'المجتمع المدني', zh: '民间社会', en: 'civil society', fr: 'société civile', ru: 'гражданское общество', es: 'sociedad civil' },
};

export const PLATFORM: Record<FeedLanguage, string> = {
  ar: 'Parley (تلقائيًا)',
  zh: 'Parley（自动）',
  en: 'Parley (automatically)',
  fr: 'Parley (automatiquement)',
  ru: 'Parley (автоматически)',
  es: 'Parley (automáticamente)',
};
export const QUOTES: Record<FeedLanguage, [string, string]> = { ar: ['«', '»'], zh: ['“', '”'], en: ['“', '”'], fr: ['« ', ' »'], ru: ['«', '»'], es: ['“', '”'] };
const quoted = (s: string, lang: FeedLanguage) => `${QUOTES[lang][0]}${s}${QUOTES[lang][1]}`;
/** Between the actor and what they did: Chinese writes no space. */
const AFTER_ACTOR: Record<FeedLanguage, string> = { ar: ' ', zh: '', en: ' ', fr: ' ', ru: ' ', es: ' ' };
/** Feed titles: the group's public acts, a document's versions and adoptions. */
export const FEED_TITLES: Record<FeedLanguage, { group: (name: string) => string; document: (title: string) => string }> = {
  ar: { group: (n) => `${n} — الإجراءات العلنية`, document: (t) => `${t} — النسخ والاعتماد` },
  zh: { group: (n) => `${n} — 公开行动`, document: (t) => `${t} — 版本与通过` },
  en: { group: (n) => `${n} — public acts`, document: (t) => `${t} — versions and adoptions` },
  fr: { group: (n) => `${n} — actes publics`, document: (t) => `${t} — versions et adoptions` },
  ru: { group: (n) => `${n} — открытые действия`, document: (t) => `${t} — версии и принятие` },
  es: { group: (n) => `${n} — actos públicos`, document: (t) => `${t} — versiones y aprobaciones` },
};

/** An actor as a reader sees them: name, then organisation and stakeholder group as at the act. */
export function actorText(name: string | null, snapshot: AffiliationSnapshot | null, lang: FeedLanguage): string {
  if (!name) return PLATFORM[lang];
  if (!snapshot) return name;
  const group = STAKEHOLDER_GROUPS[snapshot.stakeholderGroup]?.[lang] ?? snapshot.stakeholderGroup;
  if (lang === 'zh') return `${name}（${snapshot.organisationName}，${group}）`;
  return `${name} (${snapshot.organisationName}${lang === 'ar' ? '، ' : ', '}${group})`;
}

export interface FeedAct {
  action: string;
  actorName: string | null;
  actorSnapshot: AffiliationSnapshot | null;
  groupName: string;
  documentTitle: string | null;
  versionNumber: number | null;
}

/** The act as one sentence: who (with their affiliation then), what, on what. */
export function feedSentence(a: FeedAct, lang: FeedLanguage): string {
  const actor = actorText(a.actorName, a.actorSnapshot, lang);
  const template = actIn(lang, a.action);
  const group = quoted(a.groupName, lang);
  if (!template) return `${actor} — ${a.action.replace('.', ' ').replace(/-/g, ' ')} (${group})`;
  const doc = a.documentTitle ? quoted(a.documentTitle, lang) : group;
  return `${actor}${AFTER_ACTOR[lang]}${template
    .replace('{doc}', doc)
    .replace('{group}', group)
    .replace('{n}', a.versionNumber === null ? '' : String(a.versionNumber))
    .replace(/ {2,}/g, ' ')}`;
}
