import { Injectable, Logger } from '@nestjs/common';
import { PacedTicker } from '../platform/scheduling/paced-ticker';
import { BallotService } from './ballot.service';

/** How often the API looks for ballots whose closing time has come. */
export const BALLOT_SCHEDULER_INTERVAL_MS = 1000;

/**
 * Closes ballots at their closing time, inside the API (never on a page view). Every instance runs
 * one; BallotService.closeDue makes sure exactly one of them closes each ballot. Ticks never overlap
 * within an instance, and shutdown waits for the tick in progress. The demo loader tells a history
 * in the past (`pausedDuring`): its ballots' closing times are in the real past while it still
 * collects their votes, and it closes them itself at those times (BallotService.closeDue on its timeline).
 */
@Injectable()
export class BallotScheduler extends PacedTicker {
  constructor(private readonly ballots: BallotService) {
    super(new Logger('BallotScheduler'), BALLOT_SCHEDULER_INTERVAL_MS);
  }

  protected async pass(): Promise<string | null> {
    const closed = await this.ballots.closeDue();
    return closed.length > 0 ? `closed ${closed.length} ballot(s) at their closing time: ${closed.join(', ')}` : null;
  }
}
