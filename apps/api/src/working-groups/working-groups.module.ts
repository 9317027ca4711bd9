import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ChairHistoryService } from './chair-history.service';
import { ChairTermRepository } from './chair-term.repository';
import { ChairTermsController } from './chair-terms.controller';
import { ChairTermsService } from './chair-terms.service';
import { MembershipService } from './membership.service';
import { WorkingGroupStandings } from './working-group-standing';
import { WorkingGroupRepository } from './working-group.repository';
import { WorkingGroupService } from './working-group.service';
import { WorkingGroupViews } from './working-group.views';
import { WorkingGroupsController } from './working-groups.controller';
import { WorkingGroupsCoreModule } from './working-groups-core.module';
import { ChairsTwoFactorController } from './chairs-two-factor/chairs-two-factor.controller';
import { ChairsTwoFactorService } from './chairs-two-factor/chairs-two-factor.service';

/**
 * Groups, membership, roles, composition and alarms, and who chaired what. No dependency on the
 * decisions context: chair nominations and ballots live in ChairsModule, which imports both.
 */
@Module({
  imports: [IdentityModule, WorkingGroupsCoreModule],
  controllers: [WorkingGroupsController, ChairTermsController, ChairsTwoFactorController],
  providers: [WorkingGroupRepository, ChairTermRepository, WorkingGroupViews, WorkingGroupStandings, WorkingGroupService, MembershipService, ChairTermsService, ChairHistoryService, ChairsTwoFactorService],
  exports: [WorkingGroupRepository, ChairTermRepository, WorkingGroupViews, WorkingGroupStandings, WorkingGroupService, MembershipService, ChairHistoryService],
})
export class WorkingGroupsModule {}
