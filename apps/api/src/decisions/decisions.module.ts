import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { WorkingGroupsCoreModule } from '../working-groups/working-groups-core.module';
import { BallotPageMeta } from './ballot-page-meta';
import { BallotReads } from './ballot-reads.service';
import { BallotScheduler } from './ballot-scheduler';
import { BallotSubjects } from './ballot-subjects';
import { BallotController, WorkingGroupBallotsController } from './ballot.controller';
import { BallotRepository } from './ballot.repository';
import { BallotService } from './ballot.service';
import { VoteService } from './vote.service';

/**
 * Ballots. Other contexts import this module to open ballots inside their own transactions
 * (BallotService.openInTransaction) and to react when one closes (BallotSubjects.register).
 */
@Module({
  imports: [IdentityModule, WorkingGroupsCoreModule],
  controllers: [BallotController, WorkingGroupBallotsController],
  providers: [BallotReads, BallotService, VoteService, BallotRepository, BallotSubjects, BallotScheduler, BallotPageMeta],
  exports: [BallotReads, BallotService, VoteService, BallotSubjects, BallotScheduler],
})
export class DecisionsModule {}
