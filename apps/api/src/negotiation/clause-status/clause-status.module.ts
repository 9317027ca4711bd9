import { Module } from '@nestjs/common';
import { DocumentRepository } from '../../drafting/document.repository';
import { DraftingChains } from '../../drafting/drafting-chains';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { IdentityModule } from '../../identity/identity.module';
import { WorkingGroupsCoreModule } from '../../working-groups/working-groups-core.module';
import { BracketRepository } from '../brackets/bracket.repository';
import { ClauseStatusController } from './clause-status.controller';
import { ClauseStatusService } from './clause-status.service';

/**
 * Clause status and agreed ad ref (issue #18, decision record 0032). Reads documents through the
 * drafting repository; the document read and the adoption preflight read its tables through
 * clause-status.reads (plain functions over an entity manager, no module cycle).
 */
@Module({
  imports: [IdentityModule, WorkingGroupsCoreModule],
  controllers: [ClauseStatusController],
  providers: [DocumentRepository, DraftingStandings, DraftingChains, BracketRepository, ClauseStatusService],
  exports: [ClauseStatusService],
})
export class ClauseStatusModule {}
