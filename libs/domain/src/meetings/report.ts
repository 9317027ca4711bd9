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
export const REPORT_LANGUAGES = ['en', 'fr'] as const;
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
}

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
};

const FR: Words = {
  locale: 'fr-FR',
  quote: (s) => `«${NBSP}${s}${NBSP}»`,
  groups: { government: 'Gouvernements', 'private-sector': 'Secteur privé', 'civil-society': 'Société civile' },
  headings: { attendance: 'Présences', agenda: 'Ordre du jour', speakingTime: 'Temps de parole', decisions: 'Décisions', explanations: 'Explications de position' },
  met: (m, when, where) => `Le groupe «${NBSP}${m.groupName}${NBSP}» s’est réuni en séance, «${NBSP}${m.title}${NBSP}», ${when}, ${where}.`,
  where: (place, online) => (place && online ? `à ${place} et en ligne` : place ? `à ${place}` : 'en ligne'),
  opened: (at, by) => `La séance a été ouverte à ${at} par ${by}.`,
  closed: (at, by) => `Elle a été levée à ${at} par ${by}.`,
  present: (n) => `${n} ${n === 1 ? 'présent' : 'présents'}`,
  nonePresent: 'aucun présent',
  attendee: (a) => `${a.name} (${a.organisationName}, ${a.mode === 'in-person' ? 'sur place' : 'en ligne'}${a.voting ? ', votant' : ''})`,
  attendanceTotal: (n, voting) => `${n} ${n === 1 ? 'personne a assisté' : 'personnes ont assisté'} à la séance, dont ${voting} ${voting === 1 ? 'membre votant' : 'membres votants'}.`,
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
};

const WORDS: Record<ReportLanguage, Words> = { en: EN, fr: FR };

/** "1 h 5 min", "12 min 30 s", "45 s", "0 s" (no-break spaces between a number and its unit). */
export function reportDuration(seconds: number, language: ReportLanguage): string {
  const u = WORDS[language].units;
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h}${NBSP}${u.h}`);
  if (min > 0) parts.push(`${min}${NBSP}${u.min}`);
  if (s > 0 || parts.length === 0) parts.push(`${s}${NBSP}${u.s}`);
  return parts.join(' ');
}

const percent = (share: number, w: Words) => new Intl.NumberFormat(w.locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
const dateOf = (d: Date, tz: string, w: Words) => new Intl.DateTimeFormat(w.locale, { dateStyle: 'full', timeZone: tz }).format(d);
const timeOf = (d: Date, tz: string, w: Words) => new Intl.DateTimeFormat(w.locale, { timeStyle: 'short', timeZone: tz }).format(d);
const sameDay = (a: Date, b: Date, tz: string) => {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(a) === f.format(b);
};

function when(m: MeetingRecord['meeting'], w: Words, language: ReportLanguage): string {
  const tz = m.timeZone;
  if (sameDay(m.startsAt, m.endsAt, tz)) {
    return language === 'fr'
      ? `le ${dateOf(m.startsAt, tz, w)}, de ${timeOf(m.startsAt, tz, w)} à ${timeOf(m.endsAt, tz, w)} (${tz})`
      : `on ${dateOf(m.startsAt, tz, w)}, from ${timeOf(m.startsAt, tz, w)} to ${timeOf(m.endsAt, tz, w)} (${tz})`;
  }
  return language === 'fr'
    ? `du ${dateOf(m.startsAt, tz, w)} à ${timeOf(m.startsAt, tz, w)} au ${dateOf(m.endsAt, tz, w)} à ${timeOf(m.endsAt, tz, w)} (${tz})`
    : `from ${dateOf(m.startsAt, tz, w)}, ${timeOf(m.startsAt, tz, w)}, to ${dateOf(m.endsAt, tz, w)}, ${timeOf(m.endsAt, tz, w)} (${tz})`;
}

/** The report's clauses, in reading order, in English or French; dates and times in the meeting's time zone. */
export function meetingReportClauses(record: MeetingRecord, language: ReportLanguage): ReportClause[] {
  const w = WORDS[language];
  const m = record.meeting;
  const out: ReportClause[] = [];
  const preamble = (text: string) => out.push({ kind: 'preamble', text });
  const operative = (text: string) => out.push({ kind: 'operative', text });
  const heading = (text: string) => out.push({ kind: 'heading', text });

  preamble(w.met(m, when(m, w, language), w.where(m.place, m.online)));
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
      const colon = language === 'fr' ? `${NBSP}:` : ':';
      operative(present.length === 0 ? `${w.groups[g]}${colon} ${w.nonePresent}.` : `${w.groups[g]} (${w.present(present.length)})${colon} ${present.map(w.attendee).join(language === 'fr' ? `${NBSP}; ` : '; ')}.`);
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
        .map((o) => `${o.organisationName} ${reportDuration(o.seconds, language)} (${percent(o.share, w)})`);
      const colon = language === 'fr' ? `${NBSP};` : ':';
      operative(`${w.spoke(name, reportDuration(g.seconds, language), percent(g.share, w), g.turns)}${colon} ${orgs.join(', ')}.`);
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
  return language === 'fr' ? `Rapport de la séance${NBSP}: ${meetingTitle}` : `Report of the session: ${meetingTitle}`;
}
