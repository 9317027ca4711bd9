import { Module } from '@nestjs/common';
import { DecisionsModule } from '../../decisions/decisions.module';
import { DraftingModule } from '../../drafting/drafting.module';
import { IdentityModule } from '../../identity/identity.module';
import { BracketsModule } from '../brackets/brackets.module';
import { StreamliningAmendmentsController, StreamliningBracketsController, StreamliningDocumentsController } from './streamlining.controller';
import { StreamliningService } from './streamlining.service';

/** Streamlining proposals and the chair's recommendations (decision 0034); the reads amendments show live in DraftingModule. */
@Module({
  imports: [IdentityModule, DecisionsModule, DraftingModule, BracketsModule],
  controllers: [StreamliningDocumentsController, StreamliningAmendmentsController, StreamliningBracketsController],
  providers: [StreamliningService],
  exports: [StreamliningService],
})
export class StreamliningModule {}
