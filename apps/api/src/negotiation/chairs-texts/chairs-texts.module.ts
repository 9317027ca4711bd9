import { Module } from '@nestjs/common';
import { DraftingModule } from '../../drafting/drafting.module';
import { IdentityModule } from '../../identity/identity.module';
import { ChairsTextsController } from './chairs-texts.controller';
import { ChairsTextRepository } from './chairs-texts.repository';
import { ChairsTextService } from './chairs-texts.service';

/** Chair's texts (issue #18, decision 0033): versions written by the chair's office, the pen holder on record. */
@Module({
  imports: [IdentityModule, DraftingModule],
  controllers: [ChairsTextsController],
  providers: [ChairsTextRepository, ChairsTextService],
  exports: [ChairsTextService],
})
export class ChairsTextsModule {}
