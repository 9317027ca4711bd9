import { Module } from '@nestjs/common';
import { DraftingModule } from '../drafting/drafting.module';
import { SearchRepository } from '../search/search.repository';
import { AgreedLanguageController } from './agreed-language.controller';
import { AgreedLanguageRepository } from './agreed-language.repository';
import { AgreedLanguageService } from './agreed-language.service';

/** The agreed-language library (issue #25, decision 0054): adopted clauses, read through the search's index and its readers' scope. */
@Module({
  imports: [DraftingModule],
  controllers: [AgreedLanguageController],
  providers: [AgreedLanguageRepository, AgreedLanguageService, SearchRepository],
})
export class AgreedLanguageModule {}
