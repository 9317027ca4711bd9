import { newcomerSteps } from './steps';

describe('the steps of taking part', () => {
  const none = { affiliated: false, confirmed: false, joined: false, requested: false };

  it('a newcomer starts with the affiliation; the rest comes later', () => {
    expect(newcomerSteps(none)).toEqual({ affiliation: 'next', confirmation: 'later', group: 'later', allDone: false });
  });

  it('once affiliated, the confirmation waits on the focal point and a group can be joined meanwhile', () => {
    expect(newcomerSteps({ ...none, affiliated: true })).toEqual({ affiliation: 'done', confirmation: 'waiting', group: 'next', allDone: false });
  });

  it('a pending request to join waits on the group', () => {
    expect(newcomerSteps({ ...none, affiliated: true, confirmed: true, requested: true }).group).toBe('waiting');
  });

  it('all done only with an affiliation, its confirmation and a group', () => {
    expect(newcomerSteps({ affiliated: true, confirmed: true, joined: true, requested: false }).allDone).toBe(true);
    expect(newcomerSteps({ affiliated: true, confirmed: false, joined: true, requested: false }).allDone).toBe(false);
  });
});
