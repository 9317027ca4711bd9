import { Injectable, Logger } from '@nestjs/common';
import { PacedTicker } from '../../platform/scheduling/paced-ticker';
import { PublicationService } from './publication.service';

/** How often the API looks for members-only versions whose publication date has come. */
export const PUBLICATION_SCHEDULER_INTERVAL_MS = 1000;

/**
 * Publishes members-only versions at their date, inside the API (never on a page view), as
 * BallotScheduler closes ballots. Every instance runs one; PublicationService.publishDue makes sure
 * exactly one of them publishes each version.
 */
@Injectable()
export class PublicationScheduler extends PacedTicker {
  constructor(private readonly publications: PublicationService) {
    super(new Logger('PublicationScheduler'), PUBLICATION_SCHEDULER_INTERVAL_MS);
  }

  protected async pass(): Promise<string | null> {
    const done = await this.publications.publishDue();
    return done.length > 0 ? `published ${done.length} members-only version(s) at their date: ${done.join(', ')}` : null;
  }
}
