import { Module } from '@nestjs/common';
import { DraftingModule } from '../../drafting/drafting.module';
import { IdentityModule } from '../../identity/identity.module';
import { VotingOrderController } from './voting-order.controller';
import { VotingOrderService } from './voting-order.service';

/** Order of voting on competing amendments (decision record 0038); the opening of an amendment's ballot reads it through voting-order.reads. */
@Module({
  imports: [IdentityModule, DraftingModule],
  controllers: [VotingOrderController],
  providers: [VotingOrderService],
})
export class VotingOrderModule {}
