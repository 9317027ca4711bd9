import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { DraftingModule } from '../drafting/drafting.module';
import { EndorsementsModule } from '../endorsements/endorsements.module';
import { IdentityModule } from '../identity/identity.module';
import { BracketsModule } from '../negotiation/brackets/brackets.module';
import { WorkingGroupsModule } from '../working-groups/working-groups.module';
import { COMMENT_TEMPLATE_CONTROLLERS, COMMENT_TEMPLATE_PROVIDERS } from './comment-template';
import { DOCX_EXPORT_CONTROLLERS, DOCX_EXPORT_PROVIDERS } from './docx-export';
import { DOCX_IMPORT_CONTROLLERS, DOCX_IMPORT_PROVIDERS } from './docx-import';
import { PDF_EXPORT_CONTROLLERS, PDF_EXPORT_PROVIDERS } from './pdf';

/**
 * Texts in and out as ministries exchange them (issue #22, decision 0044): Word with tracked changes,
 * print-grade PDF, Word import, the ISO commenting template. Reads every context through its services
 * and writes only through them (a document, amendments, comments), so every act is the usual audited act.
 */
@Module({
  imports: [IdentityModule, WorkingGroupsModule, DecisionsModule, DraftingModule, EndorsementsModule, BracketsModule],
  controllers: [...DOCX_EXPORT_CONTROLLERS, ...PDF_EXPORT_CONTROLLERS, ...DOCX_IMPORT_CONTROLLERS, ...COMMENT_TEMPLATE_CONTROLLERS],
  providers: [...DOCX_EXPORT_PROVIDERS, ...PDF_EXPORT_PROVIDERS, ...DOCX_IMPORT_PROVIDERS, ...COMMENT_TEMPLATE_PROVIDERS],
})
export class ExchangeModule {}
