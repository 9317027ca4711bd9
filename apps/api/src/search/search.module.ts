import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/** Search everything (issue #25, decision 0053): search_entries, kept by triggers in each write's transaction, read here. */
@Module({
  imports: [IdentityModule],
  controllers: [SearchController],
  providers: [SearchRepository, SearchService],
})
export class SearchModule {}
