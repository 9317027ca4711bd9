import { Module } from '@nestjs/common';
import { DecisionsModule } from '../../decisions/decisions.module';
import { IdentityModule } from '../../identity/identity.module';
import { WorkingGroupsModule } from '../working-groups.module';
import { ChairBallotViews } from './chair-ballot-views';
import { ChairBallotHandlers } from './chair-ballot-handlers';
import { ChairNominationService } from './chair-nomination.service';
import { ChairsController } from './chairs.controller';

/**
 * Chair nominations, confirmation and removal ballots. The one part of working groups that depends
 * on decisions (DecisionsModule depends on WorkingGroupsCoreModule, never on this module: no cycle).
 */
@Module({
  imports: [IdentityModule, WorkingGroupsModule, DecisionsModule],
  controllers: [ChairsController],
  providers: [ChairNominationService, ChairBallotHandlers, ChairBallotViews],
  exports: [ChairNominationService],
})
export class ChairsModule {}
