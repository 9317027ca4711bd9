import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { SearchAuditPhrases } from './search-audit-phrases';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/** Search everything (issue #25, decision 0053): search_entries, kept by triggers in each write's transaction, read here; the words of audit sentences written at start. */
@Module({
  imports: [IdentityModule],
  controllers: [SearchController],
  providers: [SearchRepository, SearchService, SearchAuditPhrases],
})
export class SearchModule {}
