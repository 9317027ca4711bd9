import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOTIFICATION_KINDS } from '@parley/domain';
import { AUDIT_ACTIONS, notificationSentence, UN_LANGUAGES, type NotificationView, type UnLanguage } from '@parley/contracts';
import {
  findTemplateHeader,
  kindOfTemplateType,
  meetingReportClauses,
  meetingReportTitle,
  TEMPLATE_COLUMN_ORDER,
  TEMPLATE_COLUMN_TITLES,
  type AffiliationSnapshot,
} from '@parley/domain';
import { feedSentence, FEED_TITLES, NOT_IN_FEEDS } from '../../apps/api/src/feeds/feed-sentences';
import { mailWords } from '../../apps/api/src/mail/mail-catalogue';
import { CSV_HEADER_LABELS, CSV_HEADER_LABELS_FR, csvLanguage } from '../../apps/api/src/platform/http/csv-language';
import { pdfWords } from '../../apps/api/src/exchange/pdf/pdf-words';
import { docxWords } from '../../apps/api/src/exchange/docx-export/docx-words';
import { TEMPLATE_WORDS } from '../../apps/api/src/exchange/comment-template/template-words';
import { englishLeft, SCRIPT_OF } from '../support/english-left';
import { isPlatformAct } from '../support/platform-acts';

/**
 * Every family of text the API writes, in each of the six UN languages (issue #23, decision 0048):
 * every key has a text, nothing is left unfilled, nothing is left in English but proper names, and a
 * language with a script of its own is written in it.
 */
const OTHERS = UN_LANGUAGES.filter((l) => l !== 'en');
const NAMES = [
  'Ana Ruiz',
  'Access Now',
  'Paris Call',
  'Norms',
  'That the group meets in Geneva',
  'See OP3',
  'Ministry',
  'Claire Chair',
  'France',
  'Kenji Sato',
  'Japan',
  'Microsoft',
  'Second reading',
  'Room 4',
  'Adoption of the agenda',
  'Adopt the agenda',
  'Draft declaration',
  'Europe/Paris',
  'w@example.org',
  'https://parley.test/x',
];

/** Each string a value holds, functions called with sample arguments (by name where the type needs one). */
function texts(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => texts(v, key));
  if (typeof value === 'function') {
    const samples: Record<string, unknown[]> = {
      digestSubject: ['weekly', 3],
      digestHeading: ['daily'],
      chairsText: ['co-facilitators', 'non-paper'],
      heading: ['Paris Call', 2],
    };
    return texts((value as (...a: unknown[]) => unknown)(...(samples[key] ?? [2, 3, 'Ana Ruiz', 'France'])), key);
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, k));
  return [];
}

function expectSaid(lang: UnLanguage, all: string[], english: string[]) {
  expect(all.filter((s) => /undefined|\[object|NaN|\{\w+\}/u.test(s))).toEqual([]);
  expect(all.flatMap((s) => englishLeft(s, lang, NAMES).map((w) => `${w} in “${s}”`))).toEqual([]);
  if (lang !== 'fr' && lang !== 'es') expect(all.filter((s) => /\p{L}/u.test(s.replace(/Parley|UTC/gu, '')) && !SCRIPT_OF[lang].test(s))).toEqual([]);
  expect(all).toHaveLength(english.length);
}

const ana = {
  id: 'a',
  name: 'Ana Ruiz',
  snapshot: {
    affiliationId: 'x',
    organisationId: 'o',
    organisationName: 'Access Now',
    stakeholderGroup: 'civil-society',
    subtype: 'ngo',
    country: 'FR',
    title: 'Policy lead',
    organisationVerified: true,
  },
} as NotificationView['actor'];
const notification = (kind: NotificationView['kind'], facts: NotificationView['facts'], label: string | null): NotificationView => ({
  id: 'n',
  kind,
  createdAt: '2026-12-06T10:00:00.000Z',
  readAt: null,
  group: { id: 'g', name: 'Norms' },
  document: { id: 'd', title: 'Paris Call' },
  link: '/documents/d',
  actor: ana,
  subject: { title: 'That the group meets in Geneva', label },
  facts,
});
const FACTS: NotificationView['facts'][] = [
  {
    closesAt: '2026-12-08T17:00:00Z',
    deadline: '2026-12-08T17:00:00Z',
    until: '2026-12-08T17:00:00Z',
    within: '1h',
    outcome: 'passed',
    decision: 'accepted',
    disposition: 'noted',
    way: 'cosponsored',
    excerpt: 'See OP3',
    organisation: 'Access Now',
    applicant: 'Ana Ruiz',
    activity: 'comment.posted',
  },
  {
    closesAt: '2026-12-08T17:00:00Z',
    deadline: '2026-12-08T17:00:00Z',
    within: '24h',
    outcome: 'broken',
    decision: 'admitted',
    disposition: 'rejected',
    way: 'asked',
    activity: 'clause.status-changed',
    organisation: 'Access Now',
    applicant: 'Ana Ruiz',
  },
  {
    outcome: 'withdrawn',
    activity: 'something.new',
    decision: 'refused',
    organisation: 'Access Now',
    applicant: 'Ana Ruiz',
    closesAt: '2026-12-08T17:00:00Z',
    deadline: '2026-12-08T17:00:00Z',
  },
];

/** A session with every part of a report: attendance, speaking time and its alarm, each kind of decision. */
const REPORT_SAMPLE = {
  meeting: {
    title: 'Second reading',
    groupName: 'Norms',
    startsAt: new Date('2026-12-03T08:00:00Z'),
    endsAt: new Date('2026-12-04T10:30:00Z'),
    timeZone: 'Europe/Paris',
    place: 'Room 4',
    online: true,
    openedAt: new Date('2026-12-03T08:05:00Z'),
    openedBy: { name: 'Claire Chair', organisationName: 'France' },
    closedAt: new Date('2026-12-04T10:20:00Z'),
    closedBy: { name: 'Claire Chair', organisationName: 'France' },
  },
  attendance: [
    { name: 'Claire Chair', organisationName: 'France', stakeholderGroup: 'government', mode: 'in-person', voting: true },
    { name: 'Kenji Sato', organisationName: 'Japan', stakeholderGroup: 'government', mode: 'online', voting: false },
  ],
  agenda: [],
  speakingTime: {
    totalSeconds: 750,
    turns: 3,
    byStakeholderGroup: [
      { stakeholderGroup: 'government', seconds: 750, share: 1, turns: 3 },
      { stakeholderGroup: 'civil-society', seconds: 0, share: 0, turns: 0 },
    ],
    byOrganisation: [{ organisationName: 'France', stakeholderGroup: 'government', seconds: 750, share: 1 }],
    alarms: [{ stakeholderGroup: 'government', share: 1, cap: 0.5 }],
  },
  decisions: {
    ballots: [{ title: 'Adopt the agenda', outcome: 'no-quorum', totals: { yes: 1, no: 2, abstain: 5 } }],
    versionsIssued: [{ documentTitle: 'Draft declaration', number: 2, chairsText: true }],
    versionsAdopted: [{ documentTitle: 'Draft declaration', number: 2 }],
    explanations: [{ by: { name: 'Kenji Sato', organisationName: 'Japan' }, kind: 'disassociation', documentTitle: 'Draft declaration', version: 2 }],
  },
} as unknown as Parameters<typeof meetingReportClauses>[0];

describe('server texts in the six UN languages', () => {
  it('notification sentences: every kind, with every variant of its facts, on a document and on a paragraph', () => {
    const sentences = (lang: UnLanguage) =>
      NOTIFICATION_KINDS.flatMap((kind) =>
        FACTS.flatMap((facts, i) => {
          // A ballot's outcome is passed, failed or no quorum; a silence procedure's passed, broken or withdrawn.
          const outcome = kind === 'silence-concluded' ? facts.outcome : ['passed', 'failed', 'no-quorum'][i];
          return [null, '3.'].map((label) => notificationSentence(notification(kind, { ...facts, outcome }, label), lang));
        }),
      );
    const english = sentences('en');
    for (const lang of OTHERS) expectSaid(lang, sentences(lang), english);
    expect(notificationSentence(notification('mentioned', { excerpt: 'See OP3' }, '3.'), 'zh')).toBe(
      'Ana Ruiz（Access Now，民间社会）在“Paris Call”第3段中提到了您：“See OP3”',
    );
    expect(notificationSentence(notification('amendment-decided', { decision: 'accepted' }, null), 'es')).toBe('Su enmienda a “Paris Call” ha sido aceptada.');
  });

  it('feeds: every act of a group, and the feeds’ titles', () => {
    const snapshot = { organisationName: 'Access Now', stakeholderGroup: 'civil-society' } as AffiliationSnapshot;
    const actions = AUDIT_ACTIONS.filter((a) => !isPlatformAct(a) && !NOT_IN_FEEDS(a));
    const said = (lang: UnLanguage) => [
      ...actions.map((action) =>
        feedSentence({ action, actorName: 'Ana Ruiz', actorSnapshot: snapshot, groupName: 'Norms', documentTitle: 'Paris Call', versionNumber: 2 }, lang),
      ),
      FEED_TITLES[lang].group('Norms'),
      FEED_TITLES[lang].document('Paris Call'),
    ];
    const english = said('en');
    for (const lang of OTHERS) {
      const all = said(lang);
      expect(all.filter((s) => s.includes(' — ') && !s.startsWith('Norms') && !s.startsWith('Paris'))).toEqual([]); // none through the fallback
      expectSaid(lang, all, english);
    }
    expect(
      feedSentence(
        { action: 'version.adopted', actorName: 'Ana Ruiz', actorSnapshot: snapshot, groupName: 'Norms', documentTitle: 'Paris Call', versionNumber: 2 },
        'ru',
      ),
    ).toBe('Ana Ruiz (Access Now, гражданское общество) зарегистрировал(а) принятие версии 2 документа «Paris Call»');
  });

  it('e-mail words, the words of Word and PDF exports, the commenting template', () => {
    for (const lang of OTHERS) {
      const { lang: _l, ...mail } = mailWords(lang);
      const { lang: _e, ...mailEn } = mailWords('en');
      expectSaid(lang, texts(mail), texts(mailEn));
      const { locale: _p, ...pdf } = pdfWords(lang);
      const { locale: _pe, ...pdfEn } = pdfWords('en');
      expectSaid(
        lang,
        texts(pdf).filter((s) => s !== ''),
        texts(pdfEn).filter((s) => s !== ''),
      );
      expectSaid(lang, texts(docxWords(lang)), texts(docxWords('en')));
      expectSaid(lang, texts(TEMPLATE_WORDS[lang]), texts(TEMPLATE_WORDS.en));
    }
  });

  it('CSV header labels: every column key in every language, distinct within a language', () => {
    const keys = Object.keys(CSV_HEADER_LABELS_FR);
    for (const lang of ['ar', 'zh', 'ru', 'es'] as const) {
      const labels = CSV_HEADER_LABELS[lang];
      expect(Object.keys(labels)).toEqual(keys);
      expect(new Set(Object.values(labels)).size).toBe(keys.length);
      expectSaid(
        lang,
        Object.values(labels).map((l) => l.replace(/_/g, ' ')),
        keys,
      );
    }
  });

  it('negotiates the language from Accept-Language among the six, by weight; ?lang wins', () => {
    expect(csvLanguage(undefined, 'ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(csvLanguage(undefined, 'de-DE,de;q=0.9,zh-Hans-CN;q=0.7,en;q=0.5')).toBe('zh');
    expect(csvLanguage(undefined, 'es-419, ar;q=0.9')).toBe('es');
    expect(csvLanguage(undefined, 'ar-EG;q=0.4, fr;q=0.6')).toBe('fr');
    expect(csvLanguage(undefined, 'de, *;q=0.1')).toBe('en');
    expect(csvLanguage('ar', 'ru')).toBe('ar');
  });

  it('the commenting template: its column titles in each language, read back from a table in that language', () => {
    for (const lang of UN_LANGUAGES) {
      const titles = TEMPLATE_COLUMN_ORDER.map((c) => TEMPLATE_COLUMN_TITLES[lang][c]);
      const header = findTemplateHeader([['x'], titles]);
      expect([lang, header]).toEqual([lang, { row: 1, columns: Object.fromEntries(TEMPLATE_COLUMN_ORDER.map((c, i) => [c, i])) }]);
    }
    expect(['فني', '技术', 'Техническое', 'técnico'].map(kindOfTemplateType)).toEqual(['technical', 'technical', 'technical', 'technical']);
    expect(['سؤال', '澄清', 'уточнение', 'aclaración'].map(kindOfTemplateType)).toEqual(['clarification', 'clarification', 'clarification', 'clarification']);
  });

  it('the meeting report: every clause in each language, in its script, with nothing English left', () => {
    const record = REPORT_SAMPLE;
    const said = (lang: UnLanguage) => [...meetingReportClauses(record, lang).map((c) => c.text), meetingReportTitle('Second reading', lang)];
    const english = said('en');
    for (const lang of OTHERS) expectSaid(lang, said(lang), english);
    expect(meetingReportClauses(record, 'zh').find((c) => c.text.startsWith('警示'))?.text).toBe('警示：政府占用了100%的发言时间，超过本工作组规定的上限50%。');
    expect(said('ru')).toContain('Присутствовали 2 человека, из них 1 член с правом голоса.');
  });
});

/**
 * The glossaries (docs/glossary/<lang>.md; French: docs/glossary.md) against everything the API writes:
 * no forbidden variant, as apps/web/src/i18n/glossary.test.ts checks the interface, so one concept has
 * one term across the product. Sample names (NAMES) are left out: they are the user's words.
 */
describe('server texts speak each language’s glossary', () => {
  const root = join(__dirname, '../..');
  const forbiddenOf = (lang: UnLanguage): { english: string; variants: string[] }[] => {
    const file = lang === 'fr' ? join(root, 'docs/glossary.md') : join(root, `docs/glossary/${lang}.md`);
    const column = lang === 'fr' ? 3 : 2;
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| English') && !/^\|\s*-/.test(l))
      .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim()))
      .map((cells) => ({ english: cells[0], variants: [...(cells[column] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]) }))
      .filter((r) => r.variants.length > 0);
  };
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** Chinese has no spaces between words; Arabic joins و ف ب ل ك to a word; the others match whole words. */
  const variantIn = (lang: UnLanguage, v: string): RegExp => {
    const body = escape(v).replace(/[’']/g, "[’']").replace(/ /g, '[\\s\\u00a0_]+');
    if (lang === 'zh') return new RegExp(body, 'u');
    return new RegExp(`(^|[^\\p{L}])${lang === 'ar' ? '[وفبلك]?' : ''}${body}($|[^\\p{L}])`, 'iu');
  };
  const snapshot = { organisationName: 'Access Now', stakeholderGroup: 'civil-society' } as AffiliationSnapshot;
  const everything = (lang: UnLanguage): string[] => {
    const { lang: _l, ...mail } = mailWords(lang);
    const { locale: _p, ...pdf } = pdfWords(lang);
    const actions = AUDIT_ACTIONS.filter((a) => !NOT_IN_FEEDS(a));
    return [
      ...NOTIFICATION_KINDS.flatMap((kind) =>
        FACTS.flatMap((facts) => [null, '3.'].map((label) => notificationSentence(notification(kind, facts, label), lang))),
      ),
      ...['passed', 'failed', 'no-quorum'].map((outcome) => notificationSentence(notification('ballot-closed', { outcome }, null), lang)),
      ...['accepted', 'noted', 'rejected'].map((disposition) => notificationSentence(notification('comment-disposed', { disposition }, null), lang)),
      ...actions.map((action) =>
        feedSentence({ action, actorName: 'Ana Ruiz', actorSnapshot: snapshot, groupName: 'Norms', documentTitle: 'Paris Call', versionNumber: 2 }, lang),
      ),
      ...texts(mail),
      ...texts(pdf),
      ...texts(docxWords(lang)),
      ...texts(TEMPLATE_WORDS[lang]),
      ...Object.values(TEMPLATE_COLUMN_TITLES[lang]),
      ...(lang === 'en' ? [] : Object.values(lang === 'fr' ? CSV_HEADER_LABELS_FR : CSV_HEADER_LABELS[lang]).map((l) => l.replace(/_/g, ' '))),
      ...meetingReportClauses(REPORT_SAMPLE, lang).map((c) => c.text),
      meetingReportTitle('Second reading', lang),
    ].map((s) => NAMES.reduce((text, name) => text.split(name).join('…'), s));
  };

  it('reads the forbidden variants from each glossary', () => {
    expect(forbiddenOf('es').find((r) => r.english === 'comment')?.variants).toContain('comentario');
    expect(forbiddenOf('ru').find((r) => r.english === 'silence procedure')?.variants).toContain('процедура молчания');
    expect(forbiddenOf('fr').find((r) => r.english === 'ballot')?.variants).toContain('vote d’adoption');
    expect(variantIn('ar', 'النسخة').test('بالنسخة 3')).toBe(true);
    expect(variantIn('es', 'comentario').test('id_comentario'.replace(/_/g, ' '))).toBe(true);
    expect(variantIn('ru', 'комментарий').test('оставил(а) замечание')).toBe(false);
  });

  it.each(OTHERS)('%s: no forbidden variant in any text the API writes', (lang) => {
    const said = everything(lang);
    expect(said.length).toBeGreaterThan(300);
    const offending = forbiddenOf(lang).flatMap(({ english, variants }) =>
      variants.flatMap((v) => said.filter((s) => variantIn(lang, v).test(s)).map((s) => `${english}: “${v}” in “${s}”`)),
    );
    expect(offending).toEqual([]);
  });
});
