import { CAPTURE_ALARM_CODES, captureAlarms, mostPrivateSectorAlarms, type AffiliationSnapshot, type CaptureAlarm, type WorkingGroupMember } from '@parley/domain';
import { createI18n } from '../../test/i18n';
import { alarmSentence } from './alarm-text';

const snap = (organisationId: string, organisationName: string, stakeholderGroup: AffiliationSnapshot['stakeholderGroup'], verified = true, confirmed = true): AffiliationSnapshot => ({
  affiliationId: `a-${organisationId}`,
  organisationId,
  organisationName,
  stakeholderGroup,
  subtype: stakeholderGroup === 'government' ? 'national' : stakeholderGroup === 'private-sector' ? 'company' : 'ngo',
  country: 'FR',
  title: 'Delegate',
  organisationVerified: verified,
  confirmation: confirmed ? { by: { id: 'fp', name: 'Focal Point' }, as: 'focal-point', at: '2026-01-01T00:00:00.000Z' } : null,
});
const member = (id: string, s: AffiliationSnapshot | null, admission = s): WorkingGroupMember => ({
  personId: id,
  name: `Person ${id}`,
  kind: 'member',
  offices: [],
  admissionSnapshot: admission!,
  currentAffiliation: s,
  currentAffiliationVerified: s?.organisationVerified ?? false,
  affiliationEndedOn: s ? null : '2026-01-31',
  admittedAt: '2026-01-01T00:00:00.000Z',
});

/** One group that trips every per-group alarm, and a comparison of two groups. */
function everyAlarm(): CaptureAlarm[] {
  const globex = snap('globex', 'Globex', 'private-sector');
  const members = [
    member('1', globex),
    member('2', globex),
    member('3', globex),
    member('4', null, snap('ngo', 'Access Rights', 'civil-society')),
    member('5', snap('initech', 'Initech', 'private-sector', false, false)),
  ];
  const term = (id: string, personId: string, extra: Partial<{ endsAt: string }> = {}) => ({
    id,
    personId,
    snapshot: globex,
    confirmingBallotId: null,
    startedAt: '2026-02-01T00:00:00.000Z',
    endsAt: extra.endsAt ?? null,
    endedAt: null,
    endReason: null,
  });
  const alarms = captureAlarms({ members, chairTerms: [term('t1', '1', { endsAt: '2026-03-01' }), term('t2', '2')] }, new Date('2026-06-01T00:00:00Z'));
  const composition = (n: number) => ({ votingMembers: { total: 4, byStakeholderGroup: { government: { count: 0, share: 0 }, 'private-sector': { count: n, share: n / 4 }, 'civil-society': { count: 4 - n, share: (4 - n) / 4 } } } });
  const cross = mostPrivateSectorAlarms([
    { workingGroupId: 'a', workingGroupName: 'Group A', composition: composition(3) as never },
    { workingGroupId: 'b', workingGroupName: 'Group B', composition: composition(1) as never },
  ]);
  return [...alarms, ...cross];
}

describe('alarm sentences', () => {
  const alarms = everyAlarm();

  it('the fixture covers every alarm code', () => {
    expect(new Set(alarms.map((a) => a.code))).toEqual(new Set(CAPTURE_ALARM_CODES));
  });

  it.each(['en', 'fr'] as const)('every alarm reads as a sentence in %s, with every placeholder filled', (lng) => {
    const i18n = createI18n({ lng, detect: false });
    for (const a of alarms) {
      const sentence = alarmSentence(i18n.t, a, lng);
      expect([a.code, sentence]).toEqual([a.code, expect.stringMatching(/^[^{}]+\.$/)]);
      expect(sentence).not.toMatch(/alarms\./);
    }
  });

  it('says the same things as the API’s English message', () => {
    const i18n = createI18n({ lng: 'en', detect: false });
    const byCode = new Map(alarms.map((a) => [a.code, alarmSentence(i18n.t, a, 'en')]));
    expect(byCode.get('chair-unconfirmed')).toBe('Person 2 (Globex) has chaired since Feb 1, 2026 without a confirming ballot.');
    expect(byCode.get('chair-term-expired')).toBe('Person 1 (Globex) is still chairing although the term ended on Mar 1, 2026.');
    expect(byCode.get('organisation-above-cap')).toBe('Globex has 3 voting members, above the cap of 2 per organisation: Person 1, Person 2, and Person 3.');
    expect(byCode.get('member-affiliation-ended')).toBe('A voting member has no current affiliation: Person 4.');
    expect(byCode.get('most-private-sector-members')).toBe('Group A has the most private-sector voting members of all 2 working groups: 3 of its 4 (75%).');
    const fr = createI18n({ lng: 'fr', detect: false });
    // French puts (narrow) no-break spaces before % and :.
    expect(alarmSentence(fr.t, alarms.find((a) => a.code === 'stakeholder-group-above-cap')!, 'fr').replace(/[\u00a0\u202f]/g, ' ')).toBe('Secteur privé détient 4 des 5 membres votants (80 %), au-dessus du plafond de 50 %.');
  });

  it('a group of 500 unconfirmed members names the first 10 and counts the rest, in English and French', () => {
    const acme = snap('acme', 'Acme', 'private-sector', true, false);
    const members = Array.from({ length: 500 }, (_, i) => ({ ...member(String(i + 1), acme), name: `Person ${String(i + 1).padStart(3, '0')}` }));
    const alarm = captureAlarms({ members, chairTerms: [] }, new Date('2026-06-01T00:00:00Z')).find((a) => a.code === 'member-affiliation-unconfirmed')!;
    const named = Array.from({ length: 10 }, (_, i) => `Person ${String(i + 1).padStart(3, '0')} (Acme)`).join(', ');
    const en = createI18n({ lng: 'en', detect: false });
    expect(alarmSentence(en.t, alarm, 'en')).toBe(`500 voting members act with affiliations their organisations have not confirmed: ${named}, and 490 more.`);
    const fr = createI18n({ lng: 'fr', detect: false });
    expect(alarmSentence(fr.t, alarm, 'fr').replace(/[\u00a0\u202f]/g, ' ')).toBe(
      `500 membres votants agissent avec des affiliations que leurs organisations n’ont pas confirmées : ${named} et 490 autres.`,
    );
    const eleven = { ...alarm, params: { ...alarm.params, count: 11 } } as CaptureAlarm;
    expect(alarmSentence(fr.t, eleven, 'fr')).toMatch(/ et 1 autre\.$/);
  });
});
