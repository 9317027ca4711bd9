import { Injectable, Logger } from '@nestjs/common';
import { PacedTicker } from '../../platform/scheduling/paced-ticker';
import { SilenceService } from './silence.service';

/** How often the API looks for silence procedures whose deadline has come. */
export const SILENCE_SCHEDULER_INTERVAL_MS = 1000;

/**
 * Adopts the texts whose silence held, at their deadline, inside the API (never on a page view), as
 * BallotScheduler closes ballots. Every instance runs one; SilenceService.passDue makes sure exactly
 * one of them adopts each text. The demo loader pauses it (`pausedDuring`) and runs passDue itself
 * on its timeline.
 */
@Injectable()
export class SilenceScheduler extends PacedTicker {
  constructor(private readonly silence: SilenceService) {
    super(new Logger('SilenceScheduler'), SILENCE_SCHEDULER_INTERVAL_MS);
  }

  protected async pass(): Promise<string | null> {
    const passed = await this.silence.passDue();
    return passed.length > 0 ? `adopted ${passed.length} text(s) whose silence held: ${passed.join(', ')}` : null;
  }
}
