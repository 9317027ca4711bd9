import { earliestSilenceDeadline, objectionRefusal, silenceDeadlineLongEnough, silenceExplanation, silenceHeld } from './silence';

const now = new Date('2027-03-01T10:00:00Z');
const deadline = new Date('2027-03-04T10:00:00Z');

describe('silence procedure', () => {
  it('gives the members at least the group’s minimum to object: 72 hours by default', () => {
    expect(earliestSilenceDeadline(now, 72)).toEqual(deadline);
    expect(silenceDeadlineLongEnough(deadline, now, 72)).toBe(true);
    expect(silenceDeadlineLongEnough(new Date(deadline.getTime() - 60_000), now, 72)).toBe(false);
  });

  it('takes an objection while it is under way and before its deadline', () => {
    expect(objectionRefusal({ state: 'under-way', deadline }, now)).toBeNull();
  });

  it('refuses an objection once the deadline has come: silence held', () => {
    expect(objectionRefusal({ state: 'under-way', deadline }, deadline)).toBe('silence-deadline-passed');
  });

  it('refuses an objection to a procedure already broken, passed or withdrawn', () => {
    for (const state of ['broken', 'passed', 'withdrawn'] as const) expect(objectionRefusal({ state, deadline }, now)).toBe('silence-ended');
  });

  it('adopts the text only when the deadline has come with the procedure still under way', () => {
    expect(silenceHeld({ state: 'under-way', deadline }, now)).toBe(false);
    expect(silenceHeld({ state: 'under-way', deadline }, deadline)).toBe(true);
    expect(silenceHeld({ state: 'broken', deadline }, deadline)).toBe(false);
  });

  it('explains a passed silence by the deadline, and a broken one by who objected and why', () => {
    expect(silenceExplanation({ state: 'passed', deadline })).toBe('No objection was raised by the deadline (2027-03-04T10:00:00.000Z): silence held and the text is adopted.');
    expect(silenceExplanation({ state: 'broken', deadline }, { name: 'Ana Ruiz', organisationName: 'Ministry of Foreign Affairs', reason: 'Paragraph 3 needs another reading' })).toBe(
      'Silence was broken by Ana Ruiz (Ministry of Foreign Affairs), who objected: “Paragraph 3 needs another reading”. The text is not adopted.',
    );
  });
});
