import type { BallotOutcome } from '../decisions/types';
import type { Clause } from '../drafting/types';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../identity/stakeholders';
import type { ExplanationKind } from '../procedures/explanations';
import type { AttendanceMode, SpeakingTime } from './types';

/**
 * The report of a meeting (issue #21, decision 0043), assembled from its record: when and where it
 * met and who chaired it, who attended (by stakeholder group, each with their organisation), the
 * agenda, speaking time by stakeholder group and organisation, and the decisions taken while it sat
 * (read from the group's audit log). A draft: the chair edits it as a chair's text and the group adopts
 * it like any text. Deterministic: the same record and language give the same clauses.
 */
/** The six UN languages (the contracts' UN_LANGUAGES, which the domain cannot import). */
export const REPORT_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** A clause of the report before it is a version's clause (the drafting context gives it its id). */
export type ReportClause = Pick<Clause, 'kind' | 'text'>;

/** A person as the record names them: their name and organisation at the time. */
export interface ReportPerson {
  name: string;
  organisationName: string | null;
}

export interface ReportAttendee extends ReportPerson {
  organisationName: string;
  stakeholderGroup: StakeholderGroup;
  mode: AttendanceMode;
  /** Counted towards the quorum: a voting member at check-in. */
  voting: boolean;
}

export interface ReportBallot {
  title: string;
  outcome: BallotOutcome;
  totals: { yes: number; no: number; abstain: number };
}

export interface ReportVersion {
  documentTitle: string;
  number: number;
  /** Issued as a chair's text (otherwise consolidated from amendments). */
  chairsText?: boolean;
}

export interface ReportExplanation {
  by: ReportPerson;
  kind: ExplanationKind;
  documentTitle: string;
  version: number;
}

export interface MeetingRecord {
  meeting: {
    title: string;
    groupName: string;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    place: string | null;
    online: boolean;
    openedAt: Date | null;
    openedBy: ReportPerson | null;
    closedAt: Date | null;
    closedBy: ReportPerson | null;
  };
  attendance: readonly ReportAttendee[];
  /** In agenda order. */
  agenda: readonly { title: string }[];
  speakingTime: SpeakingTime;
  decisions: {
    ballots: readonly ReportBallot[];
    versionsIssued: readonly ReportVersion[];
    versionsAdopted: readonly ReportVersion[];
    explanations: readonly ReportExplanation[];
  };
}

/** No-break space: French puts one before : ; ! ? and inside « ». */
const NBSP = '\u00a0';

interface Words {
  locale: string;
  quote: (s: string) => string;
  groups: Record<StakeholderGroup, string>;
  headings: { attendance: string; agenda: string; speakingTime: string; decisions: string; explanations: string };
  met: (m: MeetingRecord['meeting'], when: string, where: string) => string;
  where: (place: string | null, online: boolean) => string;
  opened: (at: string, by: string) => string;
  closed: (at: string, by: string) => string;
  present: (n: number) => string;
  nonePresent: string;
  attendee: (a: ReportAttendee) => string;
  attendanceTotal: (n: number, voting: number) => string;
  noAttendance: string;
  noAgenda: string;
  spoke: (group: string, duration: string, share: string, turns: number) => string;
  silent: (group: string) => string;
  nobodySpoke: string;
  totalSpeaking: (duration: string, turns: number) => string;
  alarm: (group: string, share: string, cap: string) => string;
  ballot: (b: ReportBallot) => string;
  issued: (v: ReportVersion) => string;
  adopted: (v: ReportVersion) => string;
  noDecision: string;
  explanation: (e: ReportExplanation) => string;
  units: { h: string; min: string; s: string };
  /** "on Thursday, 3 December 2026, from 09:00 to 11:30 (Europe/Paris)" */
  onDay: (date: string, from: string, to: string, tz: string) => string;
  /** Over several days: "from …, 09:00, to …, 11:30 (Europe/Paris)" */
  overDays: (fromDate: string, from: string, toDate: string, to: string, tz: string) => string;
  /** "Governments (2 present): A; B." — a label, then what follows it, then the sentence's end. */
  labelled: (label: string, rest: string) => string;
  /** Between attendees. */
  listSeparator: string;
  /** Between organisations in a speaking-time line. */
  comma: string;
  title: (meetingTitle: string) => string;
  /** "Governments (2 present)", "France 8 min 30 s (57%)": a name with a figure in brackets (Chinese full-width ones). */
  bracketed: (name: string, inside: string) => string;
}

/** Russian agrees a noun with its number in three forms (1 ход, 2 хода, 5 ходов). */
const ruForms = new Intl.PluralRules('ru');
const ru = (n: number, one: string, few: string, many: string) => {
  const c = ruForms.select(n);
  return c === 'one' ? one : c === 'few' ? few : many;
};

const person = (p: ReportPerson) => (p.organisationName ? `${p.name} (${p.organisationName})` : p.name);

const EN: Words = {
  locale: 'en-GB',
  quote: (s) => `“${s}”`,
  groups: { government: 'Governments', 'private-sector': 'Private sector', 'civil-society': 'Civil society' },
  headings: { attendance: 'Attendance', agenda: 'Agenda', speakingTime: 'Speaking time', decisions: 'Decisions', explanations: 'Explanations of position' },
  met: (m, when, where) => `“${m.groupName}” met in session, “${m.title}”, ${when}, ${where}.`,
  where: (place, online) => (place && online ? `at ${place} and online` : place ? `at ${place}` : 'online'),
  opened: (at, by) => `The session was opened at ${at} by ${by}.`,
  closed: (at, by) => `It was closed at ${at} by ${by}.`,
  present: (n) => `${n} present`,
  nonePresent: 'none present',
  attendee: (a) => `${a.name} (${a.organisationName}, ${a.mode === 'in-person' ? 'in person' : 'online'}${a.voting ? ', voting' : ''})`,
  attendanceTotal: (n, voting) => `${n} ${n === 1 ? 'person' : 'people'} attended, ${voting} of them voting members.`,
  noAttendance: 'Nobody checked in.',
  noAgenda: 'The session had no agenda item.',
  spoke: (group, duration, share, turns) => `${group} spoke for ${duration} (${share}) in ${turns} ${turns === 1 ? 'turn' : 'turns'}`,
  silent: (group) => `${group} did not take the floor.`,
  nobodySpoke: 'Nobody took the floor.',
  totalSpeaking: (duration, turns) => `The floor was taken for ${duration} in ${turns} ${turns === 1 ? 'turn' : 'turns'}.`,
  alarm: (group, share, cap) => `Alarm: ${group} held ${share} of the speaking time, above the group’s cap of ${cap}.`,
  ballot: (b) =>
    `Ballot “${b.title}”: ${b.outcome === 'passed' ? 'passed' : b.outcome === 'failed' ? 'failed' : 'no quorum'}, with ${b.totals.yes} yes, ${b.totals.no} no and ${b.totals.abstain} ${b.totals.abstain === 1 ? 'abstention' : 'abstentions'}.`,
  issued: (v) => `Version ${v.number} of “${v.documentTitle}” was issued${v.chairsText ? ' as a chair’s text' : ''}.`,
  adopted: (v) => `Version ${v.number} of “${v.documentTitle}” was adopted.`,
  noDecision: 'No decision was taken during the session.',
  explanation: (e) =>
    `${person(e.by)}: ${e.kind === 'position' ? 'explanation of position' : e.kind === 'reservation' ? 'reservation' : 'disassociation'} on version ${e.version} of “${e.documentTitle}”.`,
  units: { h: 'h', min: 'min', s: 's' },
  onDay: (date, from, to, tz) => `on ${date}, from ${from} to ${to} (${tz})`,
  overDays: (d1, t1, d2, t2, tz) => `from ${d1}, ${t1}, to ${d2}, ${t2} (${tz})`,
  labelled: (label, rest) => `${label}: ${rest}.`,
  listSeparator: '; ',
  comma: ', ',
  title: (t) => `Report of the session: ${t}`,
  bracketed: (name, inside) => `${name} (${inside})`,
};

const FR: Words = {
  locale: 'fr-FR',
  quote: (s) => `«${NBSP}${s}${NBSP}»`,
  groups: { government: 'Gouvernements', 'private-sector': 'Secteur privé', 'civil-society': 'Société civile' },
  headings: {
    attendance: 'Présences',
    agenda: 'Ordre du jour',
    speakingTime: 'Temps de parole',
    decisions: 'Décisions',
    explanations: 'Explications de position',
  },
  met: (m, when, where) => `Le groupe «${NBSP}${m.groupName}${NBSP}» s’est réuni en séance, «${NBSP}${m.title}${NBSP}», ${when}, ${where}.`,
  where: (place, online) => (place && online ? `à ${place} et en ligne` : place ? `à ${place}` : 'en ligne'),
  opened: (at, by) => `La séance a été ouverte à ${at} par ${by}.`,
  closed: (at, by) => `Elle a été levée à ${at} par ${by}.`,
  present: (n) => `${n} ${n === 1 ? 'présent' : 'présents'}`,
  nonePresent: 'aucun présent',
  attendee: (a) => `${a.name} (${a.organisationName}, ${a.mode === 'in-person' ? 'sur place' : 'en ligne'}${a.voting ? ', votant' : ''})`,
  attendanceTotal: (n, voting) =>
    `${n} ${n === 1 ? 'personne a assisté' : 'personnes ont assisté'} à la séance, dont ${voting} ${voting === 1 ? 'membre votant' : 'membres votants'}.`,
  noAttendance: 'Personne ne s’est présenté.',
  noAgenda: 'La séance n’avait aucun point à l’ordre du jour.',
  spoke: (group, duration, share, turns) => `${group}${NBSP}: ${duration} (${share}) en ${turns} ${turns === 1 ? 'intervention' : 'interventions'}`,
  silent: (group) => `${group}${NBSP}: aucune intervention.`,
  nobodySpoke: 'Personne n’a pris la parole.',
  totalSpeaking: (duration, turns) => `La parole a été prise pendant ${duration} en ${turns} ${turns === 1 ? 'intervention' : 'interventions'}.`,
  alarm: (group, share, cap) => `Alerte${NBSP}: ${group} a occupé ${share} du temps de parole, au-delà du plafond du groupe (${cap}).`,
  ballot: (b) =>
    `Scrutin «${NBSP}${b.title}${NBSP}»${NBSP}: ${b.outcome === 'passed' ? 'adopté' : b.outcome === 'failed' ? 'rejeté' : 'quorum non atteint'}, par ${b.totals.yes} pour, ${b.totals.no} contre et ${b.totals.abstain} ${b.totals.abstain <= 1 ? 'abstention' : 'abstentions'}.`,
  issued: (v) => `La version ${v.number} de «${NBSP}${v.documentTitle}${NBSP}» a été publiée${v.chairsText ? ' comme texte de la présidence' : ''}.`,
  adopted: (v) => `La version ${v.number} de «${NBSP}${v.documentTitle}${NBSP}» a été adoptée.`,
  noDecision: 'Aucune décision n’a été prise pendant la séance.',
  explanation: (e) =>
    `${person(e.by)}${NBSP}: ${e.kind === 'position' ? 'explication de position' : e.kind === 'reservation' ? 'réserve' : 'dissociation'} sur la version ${e.version} de «${NBSP}${e.documentTitle}${NBSP}».`,
  units: { h: 'h', min: 'min', s: 's' },
  onDay: (date, from, to, tz) => `le ${date}, de ${from} à ${to} (${tz})`,
  overDays: (d1, t1, d2, t2, tz) => `du ${d1} à ${t1} au ${d2} à ${t2} (${tz})`,
  labelled: (label, rest) => `${label}${NBSP}: ${rest}.`,
  listSeparator: `${NBSP}; `,
  comma: ', ',
  title: (t) => `Rapport de la séance${NBSP}: ${t}`,
  bracketed: (name, inside) => `${name} (${inside})`,
};

/** Arabic counts a noun in the dual and in a plural for 3 to 10 ("مداخلتان", "3 مداخلات", "11 مداخلة"). */
const arForms = new Intl.PluralRules('ar');
const turnsAr = (n: number) => ({ one: 'مداخلة واحدة', two: 'مداخلتان', few: `${n} مداخلات` })[arForms.select(n) as 'one'] ?? `${n} مداخلة`;

/** Arabic: Arabic punctuation (، ؛), « » quotes, Western digits as the figures Parley records. */
const AR: Words = {
  locale: 'ar-u-nu-latn',
  quote: (s) => `«${s}»`,
  groups: { government: 'الحكومات', 'private-sector': 'القطاع الخاص', 'civil-society': 'المجتمع المدني' },
  headings: { attendance: 'الحضور', agenda: 'جدول الأعمال', speakingTime: 'وقت الكلام', decisions: 'المقررات', explanations: 'تعليل المواقف' },
  met: (m, when, where) => `عقد الفريق العامل «${m.groupName}» جلسة، «${m.title}»، ${when}، ${where}.`,
  where: (place, online) => (place && online ? `في ${place} وعبر الإنترنت` : place ? `في ${place}` : 'عبر الإنترنت'),
  opened: (at, by) => `افتتح الجلسةَ ${by} في الساعة ${at}.`,
  closed: (at, by) => `ورفعها ${by} في الساعة ${at}.`,
  present: (n) => `عدد الحاضرين ${n}`,
  nonePresent: 'لم يحضر أحد',
  attendee: (a) => `${a.name} (${a.organisationName}، ${a.mode === 'in-person' ? 'حضوريًا' : 'عبر الإنترنت'}${a.voting ? '، مصوّت' : ''})`,
  attendanceTotal: (n, voting) => `عدد الحاضرين: ${n}، منهم ${voting} من الأعضاء المصوّتين.`,
  noAttendance: 'لم يسجّل أحد حضوره.',
  noAgenda: 'لم يكن في جدول أعمال الجلسة أي بند.',
  spoke: (group, duration, share, turns) => `تحدثت مجموعة ${group} لمدة ${duration} (${share}) في ${turnsAr(turns)}`,
  silent: (group) => `لم تأخذ مجموعة ${group} الكلمة.`,
  nobodySpoke: 'لم يأخذ أحد الكلمة.',
  totalSpeaking: (duration, turns) => `أُخذت الكلمة لمدة ${duration} في ${turnsAr(turns)}.`,
  alarm: (group, share, cap) => `تنبيه: استأثرت مجموعة ${group} بنسبة ${share} من وقت الكلام، متجاوزةً الحد الأقصى المحدد للفريق (${cap}).`,
  ballot: (b) =>
    `الاقتراع «${b.title}»: ${b.outcome === 'passed' ? 'اعتُمد' : b.outcome === 'failed' ? 'رُفض' : 'لم يكتمل النصاب'}، المؤيدون: ${b.totals.yes}، المعارضون: ${b.totals.no}، الممتنعون: ${b.totals.abstain}.`,
  issued: (v) => `صدرت الصيغة ${v.number} من «${v.documentTitle}»${v.chairsText ? ' بوصفها نص الرئاسة' : ''}.`,
  adopted: (v) => `اعتُمدت الصيغة ${v.number} من «${v.documentTitle}».`,
  noDecision: 'لم يُتخذ أي مقرر أثناء الجلسة.',
  explanation: (e) =>
    `${person(e.by)}: ${e.kind === 'position' ? 'تعليل موقف' : e.kind === 'reservation' ? 'تحفظ' : 'نأي بالنفس'} بشأن الصيغة ${e.version} من «${e.documentTitle}».`,
  units: { h: 'ساعة', min: 'دقيقة', s: 'ثانية' },
  onDay: (date, from, to, tz) => `يوم ${date}، من الساعة ${from} إلى الساعة ${to} (${tz})`,
  overDays: (d1, t1, d2, t2, tz) => `من ${d1}، الساعة ${t1}، إلى ${d2}، الساعة ${t2} (${tz})`,
  labelled: (label, rest) => `${label}: ${rest}.`,
  listSeparator: '؛ ',
  comma: '، ',
  title: (t) => `تقرير الجلسة: ${t}`,
  bracketed: (name, inside) => `${name} (${inside})`,
};

/** Chinese: full-width punctuation, “ ” quotes, no spaces between words. */
const ZH: Words = {
  locale: 'zh-CN',
  quote: (s) => `“${s}”`,
  groups: { government: '政府', 'private-sector': '私营部门', 'civil-society': '民间社会' },
  headings: { attendance: '出席情况', agenda: '议程', speakingTime: '发言时间', decisions: '决定', explanations: '解释立场' },
  met: (m, when, where) => `“${m.groupName}”于${when}${where}举行会议：“${m.title}”。`,
  where: (place, online) => (place && online ? `在${place}并以线上方式` : place ? `在${place}` : '以线上方式'),
  opened: (at, by) => `会议由${by}于${at}宣布开幕。`,
  closed: (at, by) => `会议由${by}于${at}宣布闭幕。`,
  present: (n) => `${n}人出席`,
  nonePresent: '无人出席',
  attendee: (a) => `${a.name}（${a.organisationName}，${a.mode === 'in-person' ? '现场' : '线上'}${a.voting ? '，有表决权' : ''}）`,
  attendanceTotal: (n, voting) => `共${n}人出席，其中${voting}人为有表决权的成员。`,
  noAttendance: '无人签到。',
  noAgenda: '本次会议没有议程项目。',
  spoke: (group, duration, share, turns) => `${group}发言${duration}（${share}），共${turns}次`,
  silent: (group) => `${group}未发言。`,
  nobodySpoke: '无人发言。',
  totalSpeaking: (duration, turns) => `发言总时长${duration}，共${turns}次。`,
  alarm: (group, share, cap) => `警示：${group}占用了${share}的发言时间，超过本工作组规定的上限${cap}。`,
  ballot: (b) =>
    `表决“${b.title}”：${b.outcome === 'passed' ? '通过' : b.outcome === 'failed' ? '未通过' : '未达法定人数'}，${b.totals.yes}票赞成，${b.totals.no}票反对，${b.totals.abstain}票弃权。`,
  issued: (v) => `“${v.documentTitle}”第${v.number}版已印发${v.chairsText ? '，作为主席案文' : ''}。`,
  adopted: (v) => `“${v.documentTitle}”第${v.number}版已通过。`,
  noDecision: '会议期间未作出任何决定。',
  explanation: (e) =>
    `${person(e.by)}：就“${e.documentTitle}”第${e.version}版${e.kind === 'position' ? '作解释立场发言' : e.kind === 'reservation' ? '提出保留' : '表示不认同'}。`,
  units: { h: '小时', min: '分钟', s: '秒' },
  onDay: (date, from, to, tz) => `${date}${from}至${to}（${tz}）`,
  overDays: (d1, t1, d2, t2, tz) => `${d1}${t1}至${d2}${t2}（${tz}）`,
  labelled: (label, rest) => `${label}：${rest}。`,
  listSeparator: '；',
  comma: '，',
  title: (t) => `会议报告：${t}`,
  bracketed: (name, inside) => `${name}（${inside}）`,
};

const RU: Words = {
  locale: 'ru-RU',
  quote: (s) => `«${s}»`,
  groups: { government: 'Правительства', 'private-sector': 'Частный сектор', 'civil-society': 'Гражданское общество' },
  headings: {
    attendance: 'Присутствующие',
    agenda: 'Повестка дня',
    speakingTime: 'Время выступлений',
    decisions: 'Решения',
    explanations: 'Разъяснения позиции',
  },
  met: (m, when, where) => `Группа «${m.groupName}» провела заседание «${m.title}» ${when}, ${where}.`,
  where: (place, online) => (place && online ? `место проведения — ${place}, а также онлайн` : place ? `место проведения — ${place}` : 'в режиме онлайн'),
  opened: (at, by) => `Заседание открыл(а) ${by} в ${at}.`,
  closed: (at, by) => `Заседание закрыл(а) ${by} в ${at}.`,
  present: (n) => `присутствует: ${n}`,
  nonePresent: 'никто не присутствовал',
  attendee: (a) => `${a.name} (${a.organisationName}, ${a.mode === 'in-person' ? 'очно' : 'в режиме онлайн'}${a.voting ? ', с правом голоса' : ''})`,
  attendanceTotal: (n, voting) =>
    `Присутствовали ${n} ${ru(n, 'человек', 'человека', 'человек')}, из них ${voting} ${ru(voting, 'член', 'члена', 'членов')} с правом голоса.`,
  noAttendance: 'Никто не отметил присутствие.',
  noAgenda: 'В повестке дня заседания не было пунктов.',
  spoke: (group, duration, share, turns) => `${group}: ${duration} (${share}), ${turns} ${ru(turns, 'выступление', 'выступления', 'выступлений')}`,
  silent: (group) => `${group}: выступлений не было.`,
  nobodySpoke: 'Никто не выступал.',
  totalSpeaking: (duration, turns) => `Общее время выступлений: ${duration}, ${turns} ${ru(turns, 'выступление', 'выступления', 'выступлений')}.`,
  alarm: (group, share, cap) =>
    `Предупреждение: на группу «${group}» пришлось ${share} времени выступлений, что превышает установленный группой предел в ${cap}.`,
  ballot: (b) =>
    `Голосование «${b.title}»: ${b.outcome === 'passed' ? 'принято' : b.outcome === 'failed' ? 'отклонено' : 'нет кворума'}; за — ${b.totals.yes}, против — ${b.totals.no}, воздержались — ${b.totals.abstain}.`,
  issued: (v) => `Выпущена версия ${v.number} документа «${v.documentTitle}»${v.chairsText ? ' в качестве текста председателя' : ''}.`,
  adopted: (v) => `Версия ${v.number} документа «${v.documentTitle}» принята.`,
  noDecision: 'В ходе заседания решений принято не было.',
  explanation: (e) =>
    `${person(e.by)}: ${e.kind === 'position' ? 'разъяснение позиции' : e.kind === 'reservation' ? 'оговорка' : 'отмежевание'} в отношении версии ${e.version} документа «${e.documentTitle}».`,
  units: { h: 'ч', min: 'мин', s: 'с' },
  onDay: (date, from, to, tz) => `${date} с ${from} до ${to} (${tz})`,
  overDays: (d1, t1, d2, t2, tz) => `с ${d1}, ${t1}, по ${d2}, ${t2} (${tz})`,
  labelled: (label, rest) => `${label}: ${rest}.`,
  listSeparator: '; ',
  comma: ', ',
  title: (t) => `Отчёт о заседании: ${t}`,
  bracketed: (name, inside) => `${name} (${inside})`,
};

const ES: Words = {
  locale: 'es-ES',
  quote: (s) => `“${s}”`,
  groups: { government: 'Gobierno', 'private-sector': 'Sector privado', 'civil-society': 'Sociedad civil' },
  headings: {
    attendance: 'Asistencia',
    agenda: 'Programa',
    speakingTime: 'Tiempo de intervención',
    decisions: 'Decisiones',
    explanations: 'Explicaciones de posición',
  },
  met: (m, when, where) => `El grupo “${m.groupName}” celebró la sesión “${m.title}” ${when}, ${where}.`,
  where: (place, online) => (place && online ? `en ${place} y en línea` : place ? `en ${place}` : 'en línea'),
  opened: (at, by) => `${by} declaró abierta la sesión a las ${at}.`,
  closed: (at, by) => `${by} levantó la sesión a las ${at}.`,
  present: (n) => `${n} ${n === 1 ? 'presente' : 'presentes'}`,
  nonePresent: 'nadie presente',
  attendee: (a) => `${a.name} (${a.organisationName}, ${a.mode === 'in-person' ? 'presencial' : 'en línea'}${a.voting ? ', con derecho a voto' : ''})`,
  attendanceTotal: (n, voting) =>
    `${n === 1 ? 'Asistió 1 persona' : `Asistieron ${n} personas`}, de las cuales ${voting} ${voting === 1 ? 'era miembro' : 'eran miembros'} con derecho a voto.`,
  noAttendance: 'Nadie registró su asistencia.',
  noAgenda: 'La sesión no tenía ningún tema en el programa.',
  spoke: (group, duration, share, turns) =>
    `${group} hizo uso de la palabra durante ${duration} (${share}) en ${turns} ${turns === 1 ? 'intervención' : 'intervenciones'}`,
  silent: (group) => `${group} no hizo uso de la palabra.`,
  nobodySpoke: 'Nadie hizo uso de la palabra.',
  totalSpeaking: (duration, turns) => `Se hizo uso de la palabra durante ${duration} en ${turns} ${turns === 1 ? 'intervención' : 'intervenciones'}.`,
  alarm: (group, share, cap) => `Alerta: ${group} ocupó el ${share} del tiempo de intervención, por encima del límite del grupo (${cap}).`,
  ballot: (b) =>
    `Votación “${b.title}”: ${b.outcome === 'passed' ? 'aprobada' : b.outcome === 'failed' ? 'rechazada' : 'sin quórum'}, con ${b.totals.yes} votos a favor, ${b.totals.no} en contra y ${b.totals.abstain} ${b.totals.abstain === 1 ? 'abstención' : 'abstenciones'}.`,
  issued: (v) => `Se publicó la versión ${v.number} de “${v.documentTitle}”${v.chairsText ? ' como texto de la presidencia' : ''}.`,
  adopted: (v) => `Se aprobó la versión ${v.number} de “${v.documentTitle}”.`,
  noDecision: 'No se adoptó ninguna decisión durante la sesión.',
  explanation: (e) =>
    `${person(e.by)}: ${e.kind === 'position' ? 'explicación de posición' : e.kind === 'reservation' ? 'reserva' : 'desvinculación'} sobre la versión ${e.version} de “${e.documentTitle}”.`,
  units: { h: 'h', min: 'min', s: 's' },
  onDay: (date, from, to, tz) => `el ${date}, de ${from} a ${to} (${tz})`,
  overDays: (d1, t1, d2, t2, tz) => `del ${d1}, a las ${t1}, al ${d2}, a las ${t2} (${tz})`,
  labelled: (label, rest) => `${label}: ${rest}.`,
  listSeparator: '; ',
  comma: ', ',
  title: (t) => `Informe de la sesión: ${t}`,
  bracketed: (name, inside) => `${name} (${inside})`,
};

const WORDS: Record<ReportLanguage, Words> = { ar: AR, zh: ZH, en: EN, fr: FR, ru: RU, es: ES };

/** "1 h 5 min", "12 min 30 s", "45 s", "0 s" (no-break spaces between a number and its unit; Chinese "1小时5分钟"). */
export function reportDuration(seconds: number, language: ReportLanguage): string {
  const u = WORDS[language].units;
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts: string[] = [];
  const space = language === 'zh' ? '' : NBSP;
  if (h > 0) parts.push(`${h}${space}${u.h}`);
  if (min > 0) parts.push(`${min}${space}${u.min}`);
  if (s > 0 || parts.length === 0) parts.push(`${s}${space}${u.s}`);
  return parts.join(language === 'zh' ? '' : ' ');
}

const percent = (share: number, w: Words) => new Intl.NumberFormat(w.locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
const dateOf = (d: Date, tz: string, w: Words) => new Intl.DateTimeFormat(w.locale, { dateStyle: 'full', timeZone: tz }).format(d);
const timeOf = (d: Date, tz: string, w: Words) => new Intl.DateTimeFormat(w.locale, { timeStyle: 'short', timeZone: tz }).format(d);
const sameDay = (a: Date, b: Date, tz: string) => {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(a) === f.format(b);
};

function when(m: MeetingRecord['meeting'], w: Words): string {
  const tz = m.timeZone;
  if (sameDay(m.startsAt, m.endsAt, tz)) return w.onDay(dateOf(m.startsAt, tz, w), timeOf(m.startsAt, tz, w), timeOf(m.endsAt, tz, w), tz);
  return w.overDays(dateOf(m.startsAt, tz, w), timeOf(m.startsAt, tz, w), dateOf(m.endsAt, tz, w), timeOf(m.endsAt, tz, w), tz);
}

/** The report's clauses, in reading order, in one of the six languages; dates and times in the meeting's time zone. */
export function meetingReportClauses(record: MeetingRecord, language: ReportLanguage): ReportClause[] {
  const w = WORDS[language];
  const m = record.meeting;
  const out: ReportClause[] = [];
  const preamble = (text: string) => out.push({ kind: 'preamble', text });
  const operative = (text: string) => out.push({ kind: 'operative', text });
  const heading = (text: string) => out.push({ kind: 'heading', text });

  preamble(w.met(m, when(m, w), w.where(m.place, m.online)));
  if (m.openedAt && m.openedBy) preamble(w.opened(timeOf(m.openedAt, m.timeZone, w), person(m.openedBy)));
  if (m.closedAt && m.closedBy) preamble(w.closed(timeOf(m.closedAt, m.timeZone, w), person(m.closedBy)));

  heading(w.headings.attendance);
  if (record.attendance.length === 0) preamble(w.noAttendance);
  else {
    preamble(w.attendanceTotal(record.attendance.length, record.attendance.filter((a) => a.voting).length));
    for (const g of STAKEHOLDER_GROUPS) {
      const present = record.attendance
        .filter((a) => a.stakeholderGroup === g)
        .slice()
        .sort((a, b) => a.organisationName.localeCompare(b.organisationName, w.locale) || a.name.localeCompare(b.name, w.locale));
      operative(
        present.length === 0
          ? w.labelled(w.groups[g], w.nonePresent)
          : w.labelled(w.bracketed(w.groups[g], w.present(present.length)), present.map(w.attendee).join(w.listSeparator)),
      );
    }
  }

  heading(w.headings.agenda);
  if (record.agenda.length === 0) preamble(w.noAgenda);
  for (const item of record.agenda) operative(item.title);

  heading(w.headings.speakingTime);
  const t = record.speakingTime;
  if (t.turns === 0) preamble(w.nobodySpoke);
  else {
    preamble(w.totalSpeaking(reportDuration(t.totalSeconds, language), t.turns));
    for (const g of t.byStakeholderGroup) {
      const name = w.groups[g.stakeholderGroup];
      if (g.turns === 0) {
        operative(w.silent(name));
        continue;
      }
      const orgs = t.byOrganisation
        .filter((o) => o.stakeholderGroup === g.stakeholderGroup)
        .map((o) => w.bracketed(`${o.organisationName} ${reportDuration(o.seconds, language)}`, percent(o.share, w)));
      const spoke = w.spoke(name, reportDuration(g.seconds, language), percent(g.share, w), g.turns);
      // French lists the organisations after a semicolon (the sentence already has its colon).
      operative(language === 'fr' ? `${spoke}${NBSP}; ${orgs.join(w.comma)}.` : w.labelled(spoke, orgs.join(w.comma)));
    }
    for (const a of t.alarms) operative(w.alarm(w.groups[a.stakeholderGroup], percent(a.share, w), percent(a.cap, w)));
  }

  heading(w.headings.decisions);
  const d = record.decisions;
  if (d.ballots.length + d.versionsIssued.length + d.versionsAdopted.length === 0) preamble(w.noDecision);
  for (const b of d.ballots) operative(w.ballot(b));
  for (const v of d.versionsIssued) operative(w.issued(v));
  for (const v of d.versionsAdopted) operative(w.adopted(v));

  if (d.explanations.length > 0) {
    heading(w.headings.explanations);
    for (const e of d.explanations) operative(w.explanation(e));
  }
  return out;
}

/** The report document's title. */
export function meetingReportTitle(meetingTitle: string, language: ReportLanguage): string {
  return WORDS[language].title(meetingTitle);
}
