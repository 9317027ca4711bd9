import { Module } from '@nestjs/common';
import { DraftingModule } from '../drafting/drafting.module';
import { IdentityModule } from '../identity/identity.module';
import { EndorsementRepository } from './endorsement.repository';
import { EndorsementService } from './endorsement.service';
import { EndorsementsController } from './endorsements.controller';

/** Endorsements of adopted texts by organisations. Reads versions through the drafting context's service. */
@Module({
  imports: [IdentityModule, DraftingModule],
  controllers: [EndorsementsController],
  providers: [EndorsementRepository, EndorsementService],
  exports: [EndorsementService],
})
export class EndorsementsModule {}
