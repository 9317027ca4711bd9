import { Injectable, OnModuleInit } from '@nestjs/common';
import { WITHHELD_UNTIL_CLOSE } from '@parley/contracts';
import { AuditDisclosure } from '../audit/audit-disclosure';
import { BallotService } from '../decisions/ballot.service';

/**
 * The public log withholds a roll-call vote's change (its choice and reason) while the ballot's
 * choices are hidden until it closes; it shows it in full once the ballot has closed. Secret
 * ballots' votes record only a commitment, never the choice, so they need nothing withheld.
 */
@Injectable()
export class VoteDisclosure implements OnModuleInit {
  constructor(
    private readonly disclosure: AuditDisclosure,
    private readonly ballots: BallotService,
  ) {}

  onModuleInit(): void {
    this.disclosure.register(['vote.cast', 'vote.changed'], async (events) => {
      const hidden = await this.ballots.choicesHidden(events.filter((e) => e.subjectType === 'ballot').map((e) => e.subjectId));
      return events.map((e) => (e.subjectType !== 'ballot' || hidden.has(e.subjectId) ? WITHHELD_UNTIL_CLOSE : null));
    });
  }
}
