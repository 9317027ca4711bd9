import { Module } from '@nestjs/common';
import { DecisionsModule } from '../../decisions/decisions.module';
import { DraftingModule } from '../../drafting/drafting.module';
import { IdentityModule } from '../../identity/identity.module';
import { DivisionController } from './division.controller';
import { DivisionService } from './division.service';

/** Division of the question (decision record 0038); the adoption and the consolidation read its table through division.reads. */
@Module({
  imports: [IdentityModule, DecisionsModule, DraftingModule],
  controllers: [DivisionController],
  providers: [DivisionService],
})
export class DivisionModule {}
