import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import {
  type AdoptionPreflightResponse,
  type ConsolidationPreviewResponse,
  amendmentListQuery,
  addTranslationRequest,
  commentListQuery,
  compareQuery,
  consolidateRequest,
  createAmendmentRequest,
  createCommentRequest,
  createDocumentRequest,
  createReplyRequest,
  csvExportQuery,
  dispositionRequest,
  openAdoptionBallotRequest,
  openAmendmentBallotRequest,
  versionQuery,
  type AmendmentPage,
  type AmendmentResponse,
  type CommentResponse,
  type PersonTranslation,
  type CommentThreadPage,
  type CompareResponse,
  type DispositionReport,
  type DocumentResponse,
  type DocumentListResponse,
  type OpenedBallotResponse,
  type ProvenanceResponse,
  type VersionResponse,
} from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../identity/actor';
import { Public } from '../identity/public.decorator';
import { csvHeaderIn, csvLanguage } from '../platform/http/csv-language';
import { IdParam } from '../platform/http/id-param';
import { parseWith } from '../platform/http/parse';
import { Allow } from '../policy/allow.decorator';
import { AmendmentService } from './amendment.service';
import { CommentService } from './comment.service';
import { PersonTranslationService } from './person-translation.service';
import { DocumentReads } from './document-reads.service';
import { DocumentService } from './document.service';
import { DraftingBallots } from './drafting-ballots.service';
import { positiveVersion, VersionParam } from './version-param';

class CreateDocumentDto extends createZodDto(createDocumentRequest) {}
class VersionQueryDto extends createZodDto(versionQuery) {}
class CompareQueryDto extends createZodDto(compareQuery) {}
class CsvExportQueryDto extends createZodDto(csvExportQuery) {}
class CreateCommentDto extends createZodDto(createCommentRequest) {}
class AddTranslationDto extends createZodDto(addTranslationRequest) {}
class CreateReplyDto extends createZodDto(createReplyRequest) {}
class CommentListQueryDto extends createZodDto(commentListQuery) {}
class DispositionDto extends createZodDto(dispositionRequest) {}
class AmendmentListQueryDto extends createZodDto(amendmentListQuery) {}
class OpenAmendmentBallotDto extends createZodDto(openAmendmentBallotRequest) {}
class OpenAdoptionBallotDto extends createZodDto(openAdoptionBallotRequest) {}
class ConsolidateDto extends createZodDto(consolidateRequest) {}

/** The amendment body is a union on `kind`, so it is documented from its schema rather than a DTO class. */
const { $schema: _dialect, ...AMENDMENT_BODY_SCHEMA } = z.toJSONSchema(createAmendmentRequest, { io: 'input', unrepresentable: 'any' }) as SchemaObject & { $schema?: string };

@ApiTags('drafting')
@Controller('working-groups')
export class WorkingGroupDocumentsController {
  constructor(
    private readonly documents: DocumentService,
    private readonly documentReads: DocumentReads,
  ) {}

  @Allow('document.create')
  @Post(':id/documents')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a document (a chair or rapporteur of the group) from a title and clauses, or from pasted text, one clause per paragraph' })
  create(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateDocumentDto): Promise<DocumentResponse> {
    return this.documents.create(actor, id, body);
  }

  @Public()
  @Get(':id/documents')
  @ApiOperation({ summary: "A working group's documents, oldest first, and whether you may create one" })
  list(@OptionalActor() actor: Actor | null, @IdParam() id: string): Promise<DocumentListResponse> {
    return this.documentReads.list(actor, id);
  }
}

@ApiTags('drafting')
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentService,
    private readonly documentReads: DocumentReads,
    private readonly comments: CommentService,
    private readonly amendments: AmendmentService,
    private readonly ballots: DraftingBallots,
  ) {}

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'A document at its current version (or `version`): numbered clauses with comment counts and amendment markers, its versions, and what you may do' })
  get(@OptionalActor() actor: Actor | null, @IdParam() id: string, @Query() q: VersionQueryDto): Promise<DocumentResponse> {
    return this.documentReads.get(actor, id, q.version);
  }

  @Public()
  @Get(':id/versions/:n')
  @ApiOperation({ summary: 'One version of a document (versions never change once made)' })
  version(@OptionalActor() actor: Actor | null, @IdParam() id: string, @VersionParam() n: number): Promise<VersionResponse> {
    return this.documentReads.version(actor, id, positiveVersion(n));
  }

  @Allow('version.consolidate')
  @Post(':id/versions')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Consolidate the next version from every accepted amendment (a chair or rapporteur), with a `note` stored and shown with it; open amendments are carried forward or outdated' })
  consolidate(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ConsolidateDto): Promise<DocumentResponse> {
    return this.documents.consolidate(actor, id, body);
  }

  @Public()
  @Get(':id/consolidation-preview')
  @ApiOperation({ summary: 'The version consolidating now would create, computed as the consolidation does: its text compared with the current version, and the amendments applied (409 when none is waiting)' })
  consolidationPreview(@OptionalActor() actor: Actor | null, @IdParam() id: string): Promise<ConsolidationPreviewResponse> {
    return this.documents.preview(actor, id);
  }

  @Public()
  @Get(':id/compare')
  @ApiOperation({ summary: 'Compare two versions clause by clause with word diffs (inserted, deleted, changed and moved clauses)' })
  compare(@OptionalActor() actor: Actor | null, @IdParam() id: string, @Query() q: CompareQueryDto): Promise<CompareResponse> {
    return this.documentReads.compare(actor, id, q.from, q.to);
  }

  @Public()
  @Get(':id/versions/:n/provenance')
  @ApiOperation({ summary: 'Who wrote each word of a version: segments by origin with the author’s snapshot, totals by stakeholder group, sub-type and organisation, and each clause’s history' })
  provenance(@OptionalActor() actor: Actor | null, @IdParam() id: string, @VersionParam() n: number): Promise<ProvenanceResponse> {
    return this.documentReads.provenance(actor, id, positiveVersion(n));
  }

  @Public()
  @Get(':id/versions/:n/adoption-preflight')
  @ApiOperation({ summary: 'What a chair reads before opening the adoption ballot of a version: every warning (unanswered clarifications, open amendment ballots, accepted amendments not consolidated) and the default terms' })
  adoptionPreflight(@IdParam() id: string, @VersionParam() n: number): Promise<AdoptionPreflightResponse> {
    return this.ballots.adoptionPreflight(id, positiveVersion(n));
  }

  @Allow('version.adoption-ballot')
  @Post(':id/versions/:n/adoption-ballot')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Open the adoption ballot on the current version (a chair); 409 listing the warnings that apply unless each is acknowledged (`acknowledgedWarnings`; `confirmUnanswered` for clarification questions)' })
  adoptionBallot(@CurrentActor() actor: Actor, @IdParam() id: string, @VersionParam() n: number, @Body() body: OpenAdoptionBallotDto): Promise<OpenedBallotResponse> {
    return this.ballots.openAdoptionBallot(actor, id, positiveVersion(n), body);
  }

  @Public()
  @Get(':id/versions/:n/dispositions')
  @ApiOperation({ summary: 'The disposition-of-comments report of a version, with the clarification questions still unanswered' })
  dispositions(@OptionalActor() actor: Actor | null, @IdParam() id: string, @VersionParam() n: number): Promise<DispositionReport> {
    return this.comments.report(actor, id, positiveVersion(n));
  }

  @Public()
  @Get(':id/versions/:n/dispositions.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The disposition-of-comments report as CSV' })
  async dispositionsCsv(
    @OptionalActor() actor: Actor | null,
    @IdParam() id: string,
    @VersionParam() n: number,
    @Query() query: CsvExportQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.comments.reportCsv(actor, id, positiveVersion(n));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="dispositions-v${n}.csv"`);
    return csvHeaderIn(csv, csvLanguage(query.lang, acceptLanguage));
  }

  @Allow('comment.post')
  @Post(':id/comments')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Comment on a clause of the current version, optionally on a quoted passage (members and observers)' })
  comment(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateCommentDto): Promise<CommentResponse> {
    return this.comments.post(actor, id, body);
  }

  @Public()
  @Get(':id/comments')
  @ApiOperation({ summary: "One clause's comment threads as read at a version, a page at a time, with replies" })
  listComments(@OptionalActor() actor: Actor | null, @IdParam() id: string, @Query() q: CommentListQueryDto): Promise<CommentThreadPage> {
    return this.comments.list(actor, id, q);
  }

  @Allow('amendment.propose')
  @Post(':id/amendments')
  @ApiBody({ schema: AMENDMENT_BODY_SCHEMA })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Propose an amendment to the current version: replace, insert or delete, with a rationale (members)' })
  propose(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: unknown): Promise<AmendmentResponse> {
    // A union of three shapes (by `kind`), so parsed here rather than by a DTO class.
    return this.amendments.propose(actor, id, parseWith(createAmendmentRequest, body));
  }

  @Public()
  @Get(':id/amendments')
  @ApiOperation({ summary: "A document's amendments with word diffs, co-sponsors and competitors, a page at a time; and every group of competing amendments" })
  listAmendments(@OptionalActor() actor: Actor | null, @IdParam() id: string, @Query() q: AmendmentListQueryDto): Promise<AmendmentPage> {
    return this.amendments.list(actor, id, q);
  }
}

@ApiTags('drafting')
@Controller('comments')
export class CommentsController {
  constructor(
    private readonly comments: CommentService,
    private readonly translations: PersonTranslationService,
  ) {}

  @Allow('translation.add')
  @Post(':id/translations')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add your translation of a comment or reply into another language (a member of its group); shown as yours, never as official' })
  translate(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AddTranslationDto): Promise<PersonTranslation> {
    return this.translations.translateComment(actor, id, body);
  }

  @Allow('comment.post')
  @Post(':id/replies')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Reply in a comment’s thread' })
  reply(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateReplyDto): Promise<CommentResponse> {
    return this.comments.reply(actor, id, body);
  }

  @Allow('comment.dispose')
  @Post(':id/disposition')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Give a comment its disposition (accepted, noted, rejected) with a reason, once (a chair or rapporteur of its group)' })
  dispose(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DispositionDto): Promise<CommentResponse> {
    return this.comments.dispose(actor, id, body);
  }
}

@ApiTags('drafting')
@Controller('amendments')
export class AmendmentsController {
  constructor(
    private readonly amendments: AmendmentService,
    private readonly ballots: DraftingBallots,
    private readonly translations: PersonTranslationService,
  ) {}

  @Allow('translation.add')
  @Post(':id/rationale-translations')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add your translation of an amendment’s rationale into another language (a member of its group); shown as yours, never as official' })
  translateRationale(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AddTranslationDto): Promise<PersonTranslation> {
    return this.translations.translateRationale(actor, id, body);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'One amendment with its word diff, co-sponsors and competitors' })
  get(@OptionalActor() actor: Actor | null, @IdParam() id: string): Promise<AmendmentResponse> {
    return this.amendments.get(actor, id);
  }

  @Allow('amendment.cosponsor')
  @Post(':id/cosponsors')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Co-sponsor a proposed amendment (a member other than its author)' })
  cosponsor(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AmendmentResponse> {
    return this.amendments.cosponsor(actor, id);
  }

  @Allow('amendment.withdraw-cosponsorship')
  @Post(':id/cosponsors/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw your co-sponsorship of an amendment while it is proposed (recorded, never deleted)' })
  withdrawCosponsorship(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AmendmentResponse> {
    return this.amendments.withdrawCosponsorship(actor, id);
  }

  @Allow('amendment.withdraw')
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw your amendment while it is not under ballot' })
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AmendmentResponse> {
    return this.amendments.withdraw(actor, id);
  }

  @Allow('amendment.ballot')
  @Post(':id/ballot')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Open the ballot on a proposed amendment (a chair); its outcome accepts or rejects it' })
  ballot(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: OpenAmendmentBallotDto): Promise<AmendmentResponse> {
    return this.ballots.openAmendmentBallot(actor, id, body);
  }
}
