import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { DraftingModule } from '../drafting/drafting.module';
import { EndorsementsModule } from '../endorsements/endorsements.module';
import { IdentityModule } from '../identity/identity.module';
import { BracketsModule } from '../negotiation/brackets/brackets.module';
import { WorkingGroupsModule } from '../working-groups/working-groups.module';
import { AdoptedTextExport } from './adopted-text-export';
import { BallotVotesExport } from './ballot-votes-export';
import { TransparencyExportsController } from './transparency-exports.controller';
import { TransparencyPageMeta } from './transparency-page-meta';
import { VersionRecordReads } from './version-record';
import { VoteDisclosure } from './vote-disclosure';

/**
 * The public record's read side: exports (votes CSV, adopted text as Markdown), server-side page
 * titles, and what the public audit log withholds for now. Writes nothing; reads every context
 * through its service.
 */
@Module({
  imports: [IdentityModule, WorkingGroupsModule, DecisionsModule, DraftingModule, EndorsementsModule, BracketsModule],
  controllers: [TransparencyExportsController],
  providers: [BallotVotesExport, AdoptedTextExport, TransparencyPageMeta, VoteDisclosure, VersionRecordReads],
})
export class TransparencyModule {}
