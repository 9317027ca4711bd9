import { Module } from '@nestjs/common';
import { DraftingModule } from '../../drafting/drafting.module';
import { IdentityModule } from '../../identity/identity.module';
import { LastCallController } from './last-call.controller';
import { LastCallService } from './last-call.service';

/** Last call (decision record 0038); the adoption preflight reads it through last-call.reads. */
@Module({
  imports: [IdentityModule, DraftingModule],
  controllers: [LastCallController],
  providers: [LastCallService],
})
export class LastCallModule {}
