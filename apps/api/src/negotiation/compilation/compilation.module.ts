import { Module } from '@nestjs/common';
import { DocumentRepository } from '../../drafting/document.repository';
import { BracketRepository } from '../brackets/bracket.repository';
import { CompilationController } from './compilation.controller';
import { CompilationService } from './compilation.service';
import { PublicationModule } from '../../procedures/publication/publication.module';

/** The compilation text of a version (decision record 0032): reads documents, amendments, brackets and clause status. */
@Module({
  imports: [PublicationModule],
  controllers: [CompilationController],
  providers: [DocumentRepository, BracketRepository, CompilationService],
})
export class CompilationModule {}
