import { AUDIT_CATALOGUE } from './catalogue';

/** Decision record 0029 added to three changes; rows written before it read unchanged, in the current shape. */
describe('the chair’s safeguards in the audit catalogue', () => {
  const closed = {
    closedBy: 'chair',
    closesAt: '2026-12-01T17:00:00.000Z',
    closedAt: '2026-11-30T17:00:00.000Z',
    outcome: 'passed',
    explanation: 'Passed',
    explanationParts: [],
    quorumMet: true,
    totals: { yes: 1, no: 0, abstain: 0, recuse: 0, notVoted: 0 },
    participation: { participants: 1, base: 1, ratio: 1 },
    byStakeholderGroup: [],
    resultDigest: 'e3b0',
  };
  const clarification = { commentId: 'c', clauseId: 'k', clauseLabel: '4.', version: 1, authorId: 'p', body: 'Which sector?' };

  it('reads a ballot closed early without a reason (before 0029) and one with its reason', () => {
    const schema = AUDIT_CATALOGUE['ballot.closed'].change;
    expect(schema.safeParse(closed).success).toBe(true);
    expect(schema.safeParse({ ...closed, reason: 'Every member has voted.' }).success).toBe(true);
    expect(schema.safeParse({ ...closed, reason: 4 }).success).toBe(false);
  });

  it('reads adoption warnings of clarifications only (before 0029) and of every kind', () => {
    const warnings = AUDIT_CATALOGUE['ballot.opened'].change.shape.warnings;
    expect(warnings.safeParse({ unansweredClarifications: [clarification], confirmedByChair: true }).success).toBe(true);
    const all = {
      unansweredClarifications: [],
      openAmendmentBallots: [{ amendmentId: 'a', ballotId: 'b', clauseLabel: '8.', closesAt: '2026-12-01T17:00:00.000Z' }],
      acceptedUnconsolidated: [{ amendmentId: 'a2', clauseLabel: '4.', kind: 'replace' }],
      confirmedByChair: true,
    };
    expect(warnings.safeParse(all).success).toBe(true);
    expect(warnings.safeParse({ ...all, confirmedByChair: false }).success).toBe(false);
    expect(warnings.safeParse({ ...all, surprise: 1 }).success).toBe(false);
  });

  it('reads a version consolidated without a note (before 0029) and one with its note', () => {
    const schema = AUDIT_CATALOGUE['version.created'].change;
    const created = { documentId: 'd', number: 2, previous: 1, applied: [], notApplied: [], outdated: [], carriedForward: [], clauses: 3, textDigest: 'e3b0' };
    expect(schema.safeParse(created).success).toBe(true);
    expect(schema.safeParse({ ...created, note: 'Principle 4 as amended.' }).success).toBe(true);
    expect(schema.safeParse({ ...created, note: null }).success).toBe(true);
  });
});
