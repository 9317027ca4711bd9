import { admissionAnswersRequest, replyKind, silenceOutcomeOf } from './rules';

describe('what kind of news an act is', () => {
  it('a chair answering a clarification question answers it; any other reply is a reply', () => {
    expect(replyKind('clarification', true)).toBe('clarification-answered');
    expect(replyKind('clarification', false)).toBe('comment-reply');
    expect(replyKind('general', true)).toBe('comment-reply');
  });

  it('names how a silence procedure ended', () => {
    expect(silenceOutcomeOf('silence.passed')).toBe('passed');
    expect(silenceOutcomeOf('silence.objection-raised')).toBe('broken');
    expect(silenceOutcomeOf('silence.withdrawn')).toBe('withdrawn');
    expect(silenceOutcomeOf('silence.started')).toBeNull();
    expect(silenceOutcomeOf('toString')).toBeNull();
  });

  it('tells an applicant of a decision on their request, not of their own admission to an open group', () => {
    expect(admissionAnswersRequest('chair', true)).toBe(true);
    expect(admissionAnswersRequest('convener', true)).toBe(true);
    expect(admissionAnswersRequest('open-policy', true)).toBe(false);
    expect(admissionAnswersRequest('convener', false)).toBe(false);
  });
});
