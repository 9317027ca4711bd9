import { Module } from '@nestjs/common';
import { DecisionsModule } from '../../decisions/decisions.module';
import { DraftingModule } from '../../drafting/drafting.module';
import { IdentityModule } from '../../identity/identity.module';
import { StreamliningAmendmentsController, StreamliningDocumentsController } from './streamlining.controller';
import { StreamliningService } from './streamlining.service';

/** Streamlining proposals and the chair's recommendations (decision 0034); the reads amendments show live in DraftingModule. */
@Module({
  imports: [IdentityModule, DecisionsModule, DraftingModule],
  controllers: [StreamliningDocumentsController, StreamliningAmendmentsController],
  providers: [StreamliningService],
})
export class StreamliningModule {}
