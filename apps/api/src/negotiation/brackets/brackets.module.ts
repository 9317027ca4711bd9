import { Module } from '@nestjs/common';
import { DraftingModule } from '../../drafting/drafting.module';
import { IdentityModule } from '../../identity/identity.module';
import { BracketReads } from './bracket-reads.service';
import { BracketsController, DocumentBracketsController } from './brackets.controller';
import { BracketsService } from './brackets.service';

/**
 * Brackets and options (issue #18, decision record 0031). Builds on drafting (documents, versions,
 * standings); exports BracketReads (brackets located in a version; the repository is DraftingModule's, as consolidation uses it) for the other
 * negotiation parts.
 */
@Module({
  imports: [IdentityModule, DraftingModule],
  controllers: [DocumentBracketsController, BracketsController],
  providers: [BracketReads, BracketsService],
  exports: [BracketReads],
})
export class BracketsModule {}
