import { Module } from '@nestjs/common';
import { DocumentRepository } from '../../drafting/document.repository';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { IdentityModule } from '../../identity/identity.module';
import { WorkingGroupsCoreModule } from '../../working-groups/working-groups-core.module';
import { ExplanationsController } from './explanations.controller';
import { ExplanationsService } from './explanations.service';

/**
 * Explanations of position (issue #19, decision record 0037). The adopted-text export and provenance
 * read them through explanations.reads (plain functions over an entity manager, no module cycle).
 */
@Module({
  imports: [IdentityModule, WorkingGroupsCoreModule],
  controllers: [ExplanationsController],
  providers: [DocumentRepository, DraftingStandings, ExplanationsService],
  exports: [ExplanationsService],
})
export class ExplanationsModule {}
