import { adoptionWarningKinds, runningCirculationPeriod, unacknowledgedWarnings } from './adoption-warnings';

const none = { unansweredClarifications: 0, openAmendmentBallots: 0, acceptedUnconsolidated: 0 };

describe('adoption warnings', () => {
  it('names nothing for a version with nothing pending', () => {
    expect(adoptionWarningKinds(none)).toEqual([]);
    expect(unacknowledgedWarnings(none, [])).toEqual([]);
  });

  it('names every kind that applies, clarifications first', () => {
    expect(adoptionWarningKinds({ unansweredClarifications: 2, openAmendmentBallots: 1, acceptedUnconsolidated: 3 })).toEqual([
      'unanswered-clarifications',
      'open-amendment-ballots',
      'accepted-unconsolidated',
    ]);
    expect(adoptionWarningKinds({ ...none, acceptedUnconsolidated: 1 })).toEqual(['accepted-unconsolidated']);
  });

  it('leaves only the warnings the chair has not acknowledged', () => {
    const counts = { ...none, openAmendmentBallots: 1, acceptedUnconsolidated: 1 };
    expect(unacknowledgedWarnings(counts, ['open-amendment-ballots'])).toEqual(['accepted-unconsolidated']);
    expect(unacknowledgedWarnings(counts, ['open-amendment-ballots', 'accepted-unconsolidated'])).toEqual([]);
    // Acknowledging a warning that does not apply changes nothing.
    expect(unacknowledgedWarnings({ ...none, acceptedUnconsolidated: 1 }, ['unanswered-clarifications'])).toEqual(['accepted-unconsolidated']);
  });

  it('names open brackets and chosen options not yet consolidated, after the amendment warnings', () => {
    expect(adoptionWarningKinds({ ...none, openBrackets: 2, unappliedBracketChoices: 1, acceptedUnconsolidated: 1 })).toEqual([
      'accepted-unconsolidated',
      'open-brackets',
      'unapplied-bracket-choices',
    ]);
    expect(unacknowledgedWarnings({ ...none, openBrackets: 1 }, ['accepted-unconsolidated'])).toEqual(['open-brackets']);
    expect(unacknowledgedWarnings({ ...none, openBrackets: 1 }, ['open-brackets'])).toEqual([]);
  });

  it('names open ad refs last, to be acknowledged like the others', () => {
    expect(adoptionWarningKinds({ ...none, openAdRefs: 2 })).toEqual(['open-ad-ref']);
    expect(unacknowledgedWarnings({ ...none, openAdRefs: 1, acceptedUnconsolidated: 1 }, ['accepted-unconsolidated'])).toEqual(['open-ad-ref']);
  });

  it('names a running circulation period last, to be acknowledged like the others', () => {
    expect(adoptionWarningKinds({ ...none, circulationPeriodRunning: true, openAdRefs: 1 })).toEqual(['open-ad-ref', 'circulation-period']);
    expect(unacknowledgedWarnings({ ...none, circulationPeriodRunning: true }, [])).toEqual(['circulation-period']);
    expect(unacknowledgedWarnings({ ...none, circulationPeriodRunning: true }, ['circulation-period'])).toEqual([]);
    expect(adoptionWarningKinds({ ...none, circulationPeriodRunning: false })).toEqual([]);
  });
});

describe('circulation period', () => {
  const since = new Date('2027-03-01T10:00:00Z');

  it('does not run at all in a group that asks for no circulation period', () => {
    expect(runningCirculationPeriod(since, 0, since)).toBeNull();
  });

  it('still runs one minute before the days have passed, and names when it ends', () => {
    expect(runningCirculationPeriod(since, 14, new Date('2027-03-15T09:59:00Z'))).toEqual({ availableSince: since, endsAt: new Date('2027-03-15T10:00:00Z'), days: 14 });
  });

  it('is over exactly when the days have passed', () => {
    expect(runningCirculationPeriod(since, 14, new Date('2027-03-15T10:00:00Z'))).toBeNull();
  });
});
