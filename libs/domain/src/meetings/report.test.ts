import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import type { StakeholderGroup } from '../identity/stakeholders';
import { meetingReportClauses, meetingReportTitle, reportDuration, type MeetingRecord } from './report';
import { speakingTime } from './speaking-time';
import type { SpokenTurn } from './types';

const NBSP = '\u00a0';

const snapshot = (organisationName: string, stakeholderGroup: StakeholderGroup): AffiliationSnapshot => ({
  affiliationId: `a-${organisationName}`,
  organisationId: `o-${organisationName}`,
  organisationName,
  stakeholderGroup,
  subtype: stakeholderGroup === 'government' ? 'national' : stakeholderGroup === 'private-sector' ? 'company' : 'ngo',
  country: null,
  title: 'Delegate',
  organisationVerified: true,
});
const turn = (org: string, group: StakeholderGroup, seconds: number): SpokenTurn => ({ personId: `p-${org}`, snapshot: snapshot(org, group), kind: 'speech', seconds });

const record = (over: Partial<MeetingRecord> = {}): MeetingRecord => ({
  meeting: {
    title: 'Second reading',
    groupName: 'Paris Call',
    // 09:00–11:30 in Paris (UTC+1 in December)
    startsAt: new Date('2026-12-03T08:00:00Z'),
    endsAt: new Date('2026-12-03T10:30:00Z'),
    timeZone: 'Europe/Paris',
    place: 'Room 4',
    online: true,
    openedAt: new Date('2026-12-03T08:05:00Z'),
    openedBy: { name: 'Claire Chair', organisationName: 'France' },
    closedAt: new Date('2026-12-03T10:20:00Z'),
    closedBy: { name: 'Claire Chair', organisationName: 'France' },
  },
  attendance: [
    { name: 'Claire Chair', organisationName: 'France', stakeholderGroup: 'government', mode: 'in-person', voting: true },
    { name: 'Kenji Sato', organisationName: 'Japan', stakeholderGroup: 'government', mode: 'online', voting: true },
    { name: 'Ada Byte', organisationName: 'Microsoft', stakeholderGroup: 'private-sector', mode: 'in-person', voting: false },
  ],
  agenda: [{ title: 'Adoption of the agenda' }, { title: 'Second reading of the draft' }],
  speakingTime: speakingTime([turn('France', 'government', 480), turn('Japan', 'government', 270), turn('Microsoft', 'private-sector', 120), turn('France', 'government', 30)], 0.5),
  decisions: {
    ballots: [{ title: 'Adopt the agenda', outcome: 'passed', totals: { yes: 5, no: 1, abstain: 2 } }],
    versionsIssued: [{ documentTitle: 'Draft declaration', number: 2, chairsText: true }],
    versionsAdopted: [{ documentTitle: 'Draft declaration', number: 2 }],
    explanations: [{ by: { name: 'Kenji Sato', organisationName: 'Japan' }, kind: 'reservation', documentTitle: 'Draft declaration', version: 2 }],
  },
  ...over,
});

describe('the report of a meeting', () => {
  it('reads durations in hours, minutes and seconds', () => {
    expect(reportDuration(0, 'en')).toBe(`0${NBSP}s`);
    expect(reportDuration(750, 'en')).toBe(`12${NBSP}min 30${NBSP}s`);
    expect(reportDuration(3900, 'fr')).toBe(`1${NBSP}h 5${NBSP}min`);
  });

  it('in English: when, where and who chaired, attendance by stakeholder group, agenda, speaking time, decisions and explanations', () => {
    const clauses = meetingReportClauses(record(), 'en');
    expect(clauses.filter((c) => c.kind === 'heading').map((c) => c.text)).toEqual(['Attendance', 'Agenda', 'Speaking time', 'Decisions', 'Explanations of position']);
    const texts = clauses.map((c) => c.text);
    expect(texts[0]).toBe('“Paris Call” met in session, “Second reading”, on Thursday, 3 December 2026, from 09:00 to 11:30 (Europe/Paris), at Room 4 and online.');
    expect(texts).toContain('The session was opened at 09:05 by Claire Chair (France).');
    expect(texts).toContain('It was closed at 11:20 by Claire Chair (France).');
    expect(texts).toContain('3 people attended, 2 of them voting members.');
    expect(texts).toContain('Governments (2 present): Claire Chair (France, in person, voting); Kenji Sato (Japan, online, voting).');
    expect(texts).toContain('Private sector (1 present): Ada Byte (Microsoft, in person).');
    expect(texts).toContain('Civil society: none present.');
    expect(clauses.filter((c) => c.kind === 'operative').map((c) => c.text)).toEqual(expect.arrayContaining(['Adoption of the agenda', 'Second reading of the draft']));
    expect(texts).toContain(`The floor was taken for 15${NBSP}min in 4 turns.`);
    expect(texts).toContain(`Governments spoke for 13${NBSP}min (87%) in 3 turns: France 8${NBSP}min 30${NBSP}s (57%), Japan 4${NBSP}min 30${NBSP}s (30%).`);
    expect(texts).toContain(`Private sector spoke for 2${NBSP}min (13%) in 1 turn: Microsoft 2${NBSP}min (13%).`);
    expect(texts).toContain('Civil society did not take the floor.');
    expect(texts).toContain('Alarm: Governments held 87% of the speaking time, above the group’s cap of 50%.');
    expect(texts).toContain('Ballot “Adopt the agenda”: passed, with 5 yes, 1 no and 2 abstentions.');
    expect(texts).toContain('Version 2 of “Draft declaration” was issued as a chair’s text.');
    expect(texts).toContain('Version 2 of “Draft declaration” was adopted.');
    expect(texts).toContain('Kenji Sato (Japan): reservation on version 2 of “Draft declaration”.');
    expect(meetingReportTitle('Second reading', 'en')).toBe('Report of the session: Second reading');
  });

  it('in French, with French typography (« », a no-break space before : ; ! ?) and the date in the meeting’s time zone', () => {
    const clauses = meetingReportClauses(record(), 'fr');
    expect(clauses.filter((c) => c.kind === 'heading').map((c) => c.text)).toEqual(['Présences', 'Ordre du jour', 'Temps de parole', 'Décisions', 'Explications de position']);
    const texts = clauses.map((c) => c.text);
    expect(texts[0]).toBe(`Le groupe «${NBSP}Paris Call${NBSP}» s’est réuni en séance, «${NBSP}Second reading${NBSP}», le jeudi 3 décembre 2026, de 09:00 à 11:30 (Europe/Paris), à Room 4 et en ligne.`);
    expect(texts).toContain(`Gouvernements (2 présents)${NBSP}: Claire Chair (France, sur place, votant)${NBSP}; Kenji Sato (Japan, en ligne, votant).`);
    expect(texts).toContain(`Société civile${NBSP}: aucun présent.`);
    expect(texts.find((t) => t.startsWith('Gouvernements' + NBSP + ': 13'))).toMatch(/en 3 interventions\u00a0; France 8\u00a0min 30\u00a0s \(57\u00a0%\)/);
    expect(texts).toContain(`Scrutin «${NBSP}Adopt the agenda${NBSP}»${NBSP}: adopté, par 5 pour, 1 contre et 2 abstentions.`);
    const zero = meetingReportClauses(record({ decisions: { ...record().decisions, ballots: [{ title: 'B', outcome: 'failed', totals: { yes: 1, no: 2, abstain: 0 } }] } }), 'fr');
    expect(zero.map((c) => c.text)).toContain(`Scrutin «${NBSP}B${NBSP}»${NBSP}: rejeté, par 1 pour, 2 contre et 0 abstention.`);
    expect(texts).toContain(`Kenji Sato (Japan)${NBSP}: réserve sur la version 2 de «${NBSP}Draft declaration${NBSP}».`);
    for (const t of texts) expect(t).not.toMatch(/[^\u00a0\u202f][:;!?](\s|$)/);
    expect(meetingReportTitle('Seconde lecture', 'fr')).toBe(`Rapport de la séance${NBSP}: Seconde lecture`);
  });

  it('says so when nobody attended, spoke or decided, online only, over two days; deterministic', () => {
    const empty = record({
      attendance: [],
      agenda: [],
      speakingTime: speakingTime([], 0.5),
      decisions: { ballots: [], versionsIssued: [], versionsAdopted: [], explanations: [] },
    });
    empty.meeting = { ...empty.meeting, place: null, endsAt: new Date('2026-12-04T10:00:00Z') };
    const texts = meetingReportClauses(empty, 'en').map((c) => c.text);
    expect(texts[0]).toContain('from Thursday, 3 December 2026, 09:00, to Friday, 4 December 2026, 11:00 (Europe/Paris), online.');
    expect(texts).toEqual(expect.arrayContaining(['Nobody checked in.', 'The session had no agenda item.', 'Nobody took the floor.', 'No decision was taken during the session.']));
    expect(texts).not.toContain('Explanations of position');
    expect(meetingReportClauses(empty, 'en')).toEqual(meetingReportClauses(empty, 'en'));
    expect(meetingReportClauses(record(), 'fr')).toEqual(meetingReportClauses(record(), 'fr'));
  });
});
