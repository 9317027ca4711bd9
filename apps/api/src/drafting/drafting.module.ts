import { PersonTranslationRepository } from './person-translation.repository';
import { PersonTranslationService } from './person-translation.service';
import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { IdentityModule } from '../identity/identity.module';
import { WorkingGroupsCoreModule } from '../working-groups/working-groups-core.module';
import { PublicationModule } from '../procedures/publication/publication.module';
import { AmendmentRepository } from './amendment.repository';
import { CitationRepository } from './citations.repository';
import { Citations } from './citations';
import { ReopenedAgreedLanguage } from './reopened-agreed-language';
import { AmendmentService } from './amendment.service';
import { CommentRepository } from './comment.repository';
import { CommentService } from './comment.service';
import { CommentMentions } from './comment-mentions';
import { DocumentRepository } from './document.repository';
import { DocumentReads } from './document-reads.service';
import { DocumentService } from './document.service';
import { DraftingBallots } from './drafting-ballots.service';
import { AdoptionGuards, AdoptionPreflight } from './adoption-preflight';
import { DraftingBallotViews } from './drafting-ballot-views';
import { DraftingStandings } from './drafting-standings';
import { DraftingChains } from './drafting-chains';
import { BracketRepository } from '../negotiation/brackets/bracket.repository';
import { StreamliningReads } from '../negotiation/streamlining/streamlining.reads';
import { StreamliningRepository } from '../negotiation/streamlining/streamlining.repository';
import { TranslationRepository } from './language-versions/translation.repository';
import { LanguageVersionsService } from './language-versions/language-versions.service';
import { AuthenticLanguagesController, LanguageVersionsController } from './language-versions/language-versions.controller';
import { AmendmentsController, CommentsController, DocumentsController, WorkingGroupDocumentsController } from './drafting.controller';

/**
 * Drafting: documents, versions, comments, amendments, consolidation, provenance and adoption.
 * Reads group roles through WorkingGroupAccess and opens ballots through the decisions context.
 */
@Module({
  imports: [IdentityModule, WorkingGroupsCoreModule, DecisionsModule, PublicationModule],
  controllers: [WorkingGroupDocumentsController, DocumentsController, CommentsController, AmendmentsController, LanguageVersionsController, AuthenticLanguagesController],
  providers: [CitationRepository, Citations, ReopenedAgreedLanguage, DocumentRepository, CommentRepository, AmendmentRepository, PersonTranslationRepository, PersonTranslationService, DraftingStandings, DraftingChains, DocumentReads, DocumentService, CommentService, CommentMentions, AmendmentService, DraftingBallots, DraftingBallotViews, BracketRepository, StreamliningRepository, StreamliningReads, AdoptionPreflight, AdoptionGuards, TranslationRepository, LanguageVersionsService],
  exports: [Citations, CitationRepository, PublicationModule, BracketRepository, DocumentRepository, DraftingStandings, DraftingChains, DocumentReads, DocumentService, CommentService, AmendmentService, DraftingBallots, DraftingBallotViews, StreamliningRepository, StreamliningReads, AmendmentRepository, AdoptionPreflight, AdoptionGuards, LanguageVersionsService],
})
export class DraftingModule {}
