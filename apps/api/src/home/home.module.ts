import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { DraftingModule } from '../drafting/drafting.module';
import { EndorsementsModule } from '../endorsements/endorsements.module';
import { WorkingGroupsModule } from '../working-groups/working-groups.module';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

/** The front door: reads what each context already serves, through their services; writes nothing. */
@Module({
  imports: [WorkingGroupsModule, DecisionsModule, DraftingModule, EndorsementsModule],
  controllers: [HomeController],
  providers: [HomeService],
})
export class HomeModule {}
