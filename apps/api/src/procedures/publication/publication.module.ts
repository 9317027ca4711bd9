import { Module } from '@nestjs/common';
import { WorkingGroupsCoreModule } from '../../working-groups/working-groups-core.module';
import { PublicationDisclosure } from './publication-disclosure';
import { PublicationRepository } from './publication.repository';
import { PublicationScheduler } from './publication-scheduler';
import { PublicationService } from './publication.service';
import { VersionVisibility } from './version-visibility';

/**
 * Members-only drafts with scheduled publication (issue #19, decision 0041): the gate every read
 * of a version's text passes, the scheduler that publishes at the date, and the public log's rule.
 * Depends on nothing of drafting: drafting and the negotiation contexts import it.
 */
@Module({
  imports: [WorkingGroupsCoreModule],
  providers: [PublicationRepository, VersionVisibility, PublicationService, PublicationScheduler, PublicationDisclosure],
  exports: [VersionVisibility, PublicationScheduler, PublicationDisclosure],
})
export class PublicationModule {}
