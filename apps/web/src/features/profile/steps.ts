/** Where a person stands on each step of taking part: done, theirs to take now, waiting on someone else, or not yet possible. */
export type StepState = 'done' | 'next' | 'waiting' | 'later';

export interface NewcomerFacts {
  /** Has a current affiliation. */
  affiliated: boolean;
  /** Their primary current affiliation is confirmed by its organisation. */
  confirmed: boolean;
  /** Belongs to a working group now (member or observer). */
  joined: boolean;
  /** Has a request to join still pending. */
  requested: boolean;
}

export interface NewcomerSteps {
  affiliation: StepState;
  confirmation: StepState;
  group: StepState;
  allDone: boolean;
}

/**
 * The three steps of taking part: an affiliation, its confirmation by the organisation's focal
 * point (theirs to give, not the person's), and a working group (joinable as an observer before
 * the confirmation, so it does not wait for step 2).
 */
export function newcomerSteps(f: NewcomerFacts): NewcomerSteps {
  return {
    affiliation: f.affiliated ? 'done' : 'next',
    confirmation: f.confirmed ? 'done' : f.affiliated ? 'waiting' : 'later',
    group: f.joined ? 'done' : f.requested ? 'waiting' : f.affiliated ? 'next' : 'later',
    allDone: f.affiliated && f.confirmed && f.joined,
  };
}
