import { circulationEndsAt, circulationOutcome, circulationOutcomeInWords, decisionBlock, objectionBlock, unacknowledgedObjections, type ObjectorFacts } from './accreditation';

const requestedAt = new Date('2026-12-01T09:00:00Z');
const endsAt = circulationEndsAt(requestedAt, 72);
const during = new Date('2026-12-02T09:00:00Z');
const after = new Date('2026-12-04T09:00:00Z');
const member: ObjectorFacts = { kind: 'member', isChair: false, isApplicant: false, hasStandingObjection: false };
const pending = { pending: true, endsAt };

describe('accreditation by non-objection', () => {
  it('circulates a request for the group’s period, in hours', () => {
    expect(endsAt.toISOString()).toBe('2026-12-04T09:00:00.000Z');
  });

  it('lets a voting member object while the request circulates', () => {
    expect(objectionBlock(member, pending, during)).toBeNull();
  });

  it('lets a chair object even without a voting membership', () => {
    expect(objectionBlock({ ...member, kind: null, isChair: true }, pending, during)).toBeNull();
  });

  it('does not let an observer or an outsider object: they take no part in the group’s decisions', () => {
    expect(objectionBlock({ ...member, kind: 'observer' }, pending, during)).toBe('not-a-voting-member');
    expect(objectionBlock({ ...member, kind: null }, pending, during)).toBe('not-a-voting-member');
  });

  it('does not let the applicant object to their own request', () => {
    expect(objectionBlock({ ...member, kind: null, isApplicant: true }, pending, during)).toBe('own-request');
  });

  it('takes no objection once the circulation has ended, at its very end included', () => {
    expect(objectionBlock(member, pending, after)).toBe('circulation-over');
    expect(objectionBlock(member, pending, endsAt)).toBe('circulation-over');
  });

  it('takes no objection on a request already decided or withdrawn', () => {
    expect(objectionBlock(member, { pending: false, endsAt }, during)).toBe('not-pending');
  });

  it('keeps one standing objection per member per request', () => {
    expect(objectionBlock({ ...member, hasStandingObjection: true }, pending, during)).toBe('already-objected');
  });

  it('lets the chair decide only once the members had the full period', () => {
    expect(decisionBlock(endsAt, during)).toBe('circulation-running');
    expect(decisionBlock(endsAt, endsAt)).toBeNull();
  });

  it('names the objections an admission has not acknowledged', () => {
    expect(unacknowledgedObjections(['a', 'b'], ['a'])).toEqual(['b']);
    expect(unacknowledgedObjections(['a'], undefined)).toEqual(['a']);
    expect(unacknowledgedObjections([], undefined)).toEqual([]);
  });

  it('does not take silence for consent: with no objection the chair still decides', () => {
    const o = circulationOutcome('pending', endsAt, 0, after);
    expect(o).toEqual({ kind: 'awaiting-chair', standingObjections: 0 });
    expect(circulationOutcomeInWords(o)).toBe('Circulation ended with no objection raised; the chair decides');
  });

  it('says an admission over objections was made with them acknowledged', () => {
    expect(circulationOutcomeInWords(circulationOutcome('admitted', endsAt, 1, after))).toBe('Admitted by the chair over 1 objection, acknowledged');
    expect(circulationOutcomeInWords(circulationOutcome('admitted', endsAt, 0, after))).toBe('Admitted by the chair; no objection was raised during circulation');
  });

  it('counts the objections raised so far while the request circulates', () => {
    expect(circulationOutcomeInWords(circulationOutcome('pending', endsAt, 2, during))).toBe('Circulating to members: 2 objections raised so far');
    expect(circulationOutcomeInWords(circulationOutcome('refused', endsAt, 2, after))).toBe('Refused by the chair, with 2 objections in view');
    expect(circulationOutcomeInWords(circulationOutcome('withdrawn', endsAt, 0, after))).toBe('Withdrawn by the applicant');
  });
});
