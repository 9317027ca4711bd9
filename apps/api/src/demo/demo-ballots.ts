import type { BallotService } from '../decisions/ballot.service';
import type { DemoHistory } from './demo-history';

/**
 * Closes the demo's ballots as the scheduler would have: the history moves to each closing time in
 * turn and BallotService.closeDue closes what is due then, so the log says each closed at its time.
 */
export async function closeAtClosingTimes(history: DemoHistory, ballots: BallotService, due: { id: string; closesAt: Date }[], what: string): Promise<void> {
  const closed: string[] = [];
  const times = [...new Set(due.map((b) => b.closesAt.getTime()))].sort((a, b) => a - b);
  for (const time of times) {
    history.at(new Date(time));
    closed.push(...(await ballots.closeDue()));
  }
  const missed = due.filter((b) => !closed.includes(b.id));
  if (missed.length > 0) throw new Error(`demo ${what}: ${missed.length} ballot(s) did not close at their closing time`);
}
