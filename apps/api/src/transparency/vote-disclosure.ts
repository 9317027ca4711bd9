import { Injectable, OnModuleInit } from '@nestjs/common';
import { WITHHELD_UNTIL_CLOSE, WITHHOLDABLE_ACTIONS } from '@parley/domain';
import { AuditDisclosure } from '../audit/audit-disclosure';
import { BallotReads } from '../decisions/ballot-reads.service';

/**
 * The public log withholds a roll-call vote's change (its choice, reason and nonce) while the ballot's
 * choices are hidden until it closes; it shows it in full once the ballot has closed (the rule, shared
 * with the offline verifier, is libs/domain's audit/withholding.ts). Secret
 * ballots' votes record only a commitment, never the choice, so they need nothing withheld.
 */
@Injectable()
export class VoteDisclosure implements OnModuleInit {
  constructor(
    private readonly disclosure: AuditDisclosure,
    private readonly ballots: BallotReads,
  ) {}

  onModuleInit(): void {
    this.disclosure.register([...WITHHOLDABLE_ACTIONS], async (events) => {
      const hidden = await this.ballots.choicesHidden(events.filter((e) => e.subjectType === 'ballot').map((e) => e.subjectId));
      return events.map((e) => (e.subjectType !== 'ballot' || hidden.has(e.subjectId) ? WITHHELD_UNTIL_CLOSE : null));
    });
  }
}
