import type { CaptureAlarmCode } from './capture-alarm';
import { captureAlarms, type CaptureAlarmInput } from './capture-alarms';
import { ACCESS_NOW, ACME, FRANCE, GLOBEX, UNIVERSITY, newChairTerm, newMember } from './test-factories';

const now = new Date('2026-06-01T00:00:00.000Z');
const alarmsOf = (code: CaptureAlarmCode, input: CaptureAlarmInput) => captureAlarms(input, now).filter((a) => a.code === code);

const ana = newMember(ACME, { name: 'Ana Costa' });
const ben = newMember(GLOBEX, { name: 'Ben Ode' });
const cleo = newMember(ACME, { name: 'Cléo Martin' });
const dan = newMember(FRANCE, { name: 'Dan Roy' });
const members = [ana, ben, cleo, dan, newMember(UNIVERSITY), newMember(ACCESS_NOW)];

describe('chairs-single-stakeholder-group', () => {
  it('fires when two or more acting chairs all come from one stakeholder group, since both were in office', () => {
    const chairTerms = [newChairTerm(ana, { startedAt: '2026-02-01T10:00:00.000Z' }), newChairTerm(ben, { startedAt: '2026-03-01T10:00:00.000Z' })];
    expect(alarmsOf('chairs-single-stakeholder-group', { members, chairTerms })).toEqual([
      {
        code: 'chairs-single-stakeholder-group',
        severity: 'warning',
        params: {
          stakeholderGroup: 'private-sector',
          chairs: [
            { termId: chairTerms[0].id, personId: ana.personId, name: 'Ana Costa', organisationName: 'Acme' },
            { termId: chairTerms[1].id, personId: ben.personId, name: 'Ben Ode', organisationName: 'Globex' },
          ],
        },
        message: 'Both chairs have been from private-sector since 2026-03-01: Ana Costa (Acme) and Ben Ode (Globex).',
        since: '2026-03-01T10:00:00.000Z',
      },
    ]);
  });

  it('does not fire for a single chair, nor for chairs from different groups', () => {
    expect(alarmsOf('chairs-single-stakeholder-group', { members, chairTerms: [newChairTerm(ana)] })).toEqual([]);
    expect(alarmsOf('chairs-single-stakeholder-group', { members, chairTerms: [newChairTerm(ana), newChairTerm(dan)] })).toEqual([]);
  });

  it('dates the situation from the end of the last chair from another group', () => {
    const chairTerms = [
      newChairTerm(ana, { startedAt: '2026-02-01T10:00:00.000Z' }),
      newChairTerm(ben, { startedAt: '2026-02-01T10:00:00.000Z' }),
      newChairTerm(dan, { startedAt: '2026-02-01T10:00:00.000Z', endedAt: '2026-04-10T08:00:00.000Z', endReason: 'resigned' }),
    ];
    const [alarm] = alarmsOf('chairs-single-stakeholder-group', { members, chairTerms });
    expect(alarm.since).toBe('2026-04-10T08:00:00.000Z');
    expect(alarm.message).toMatch(/^Both chairs have been from private-sector since 2026-04-10/);
  });

  it('ignores a term that has not started yet at now', () => {
    const chairTerms = [newChairTerm(ana), newChairTerm(ben, { startedAt: '2026-07-01T00:00:00.000Z' })];
    expect(alarmsOf('chairs-single-stakeholder-group', { members, chairTerms })).toEqual([]);
  });
});

describe('chairs-single-organisation', () => {
  it('fires when all acting chairs come from one organisation', () => {
    const chairTerms = [newChairTerm(ana), newChairTerm(cleo, { startedAt: '2026-02-03T10:00:00.000Z' })];
    const [alarm, ...rest] = alarmsOf('chairs-single-organisation', { members, chairTerms });
    expect(rest).toEqual([]);
    expect(alarm).toMatchObject({
      params: { organisationId: ACME.organisationId, organisationName: 'Acme' },
      message: 'Both chairs have been from Acme since 2026-02-03: Ana Costa (Acme) and Cléo Martin (Acme).',
      since: '2026-02-03T10:00:00.000Z',
    });
  });

  it('does not fire for chairs of two organisations, or a single chair', () => {
    expect(alarmsOf('chairs-single-organisation', { members, chairTerms: [newChairTerm(ana), newChairTerm(ben)] })).toEqual([]);
    expect(alarmsOf('chairs-single-organisation', { members, chairTerms: [newChairTerm(ana)] })).toEqual([]);
  });
});

describe('chair-unconfirmed', () => {
  it('fires for each acting chair with no confirming ballot', () => {
    const chairTerms = [newChairTerm(ana, { confirmingBallotId: null }), newChairTerm(dan)];
    expect(alarmsOf('chair-unconfirmed', { members, chairTerms })).toEqual([
      {
        code: 'chair-unconfirmed',
        severity: 'critical',
        params: { termId: chairTerms[0].id, personId: ana.personId, name: 'Ana Costa', organisationName: 'Acme', startedAt: '2026-02-01T10:00:00.000Z' },
        message: 'Ana Costa (Acme) has chaired since 2026-02-01 without a confirming ballot.',
        since: '2026-02-01T10:00:00.000Z',
      },
    ]);
  });

  it('does not fire for a confirmed chair, nor for an unconfirmed term that has ended', () => {
    const ended = newChairTerm(ana, { confirmingBallotId: null, endedAt: '2026-03-01T00:00:00.000Z', endReason: 'removed-by-ballot' });
    expect(alarmsOf('chair-unconfirmed', { members, chairTerms: [ended, newChairTerm(dan)] })).toEqual([]);
  });
});

describe('chair-term-expired', () => {
  it('fires for a chair acting past the end of the term, with no recorded end', () => {
    const chairTerms = [newChairTerm(dan, { endsAt: '2026-05-01' })];
    expect(alarmsOf('chair-term-expired', { members, chairTerms })).toEqual([
      expect.objectContaining({
        severity: 'critical',
        params: expect.objectContaining({ name: 'Dan Roy', endsAt: '2026-05-01T00:00:00.000Z' }),
        message: 'Dan Roy (France) is still chairing although the term ended on 2026-05-01.',
        since: '2026-05-01T00:00:00.000Z',
      }),
    ]);
  });

  it('fires when the term ends exactly now (the end is exclusive)', () => {
    expect(alarmsOf('chair-term-expired', { members, chairTerms: [newChairTerm(dan, { endsAt: now.toISOString() })] })).toHaveLength(1);
  });

  it('does not fire before the end, nor once the end is recorded', () => {
    const running = newChairTerm(dan, { endsAt: '2026-06-01T00:00:01.000Z' });
    const recorded = newChairTerm(ana, { endsAt: '2026-05-01', endedAt: '2026-05-01T00:00:00.000Z', endReason: 'term-completed' });
    expect(alarmsOf('chair-term-expired', { members, chairTerms: [running, recorded] })).toEqual([]);
  });
});
