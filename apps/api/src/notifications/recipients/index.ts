import { ballotClosed, ballotOpened } from './ballots';
import { amendmentCosponsored, amendmentDecided, amendmentOutdated, amendmentProposed, commentDisposed, commentPosted } from './drafting';
import { followedActivity } from './follows';
import { affiliationAdded } from './identity';
import { chairNominated, joinRequestCirculated, membershipDecided, membershipRequested } from './membership';
import type { EventContext, Notice } from './notice';
import { lastCallOpened, silenceConcluded, silenceStarted } from './procedures';

/** The news one act brings, in order of concern; followed activity last (onePerRecipient keeps the first per person). */
export async function noticesFor(c: EventContext): Promise<Notice[]> {
  return [...(await direct(c)), ...(await followedActivity(c))];
}

function direct(c: EventContext): Promise<Notice[]> {
  const e = c.event;
  switch (e.action) {
    case 'ballot.opened':
      return ballotOpened(c, e);
    case 'ballot.closed':
      return ballotClosed(c, e);
    case 'comment.posted':
      return commentPosted(c, e);
    case 'comment.disposed':
      return commentDisposed(c, e);
    case 'amendment.proposed':
      return amendmentProposed(c, e);
    case 'amendment.cosponsored':
      return amendmentCosponsored(c, e);
    case 'amendment.accepted':
    case 'amendment.rejected':
      return amendmentDecided(c, e);
    case 'amendment.outdated':
      return amendmentOutdated(c, e);
    case 'membership.requested':
      return membershipRequested(c, e);
    case 'membership.admitted':
    case 'membership.refused':
      return membershipDecided(c, e);
    case 'join-request.circulated':
      return joinRequestCirculated(c, e);
    case 'chair.nominated':
      return chairNominated(c, e);
    case 'silence.started':
      return silenceStarted(c, e);
    case 'silence.objection-raised':
    case 'silence.withdrawn':
    case 'silence.passed':
      return silenceConcluded(c, e);
    case 'last-call.opened':
      return lastCallOpened(c, e);
    case 'affiliation.added':
      return affiliationAdded(c, e);
    default:
      return Promise.resolve([]);
  }
}
