import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  acceptedText,
  actingRoleRefusal,
  clauseReferences,
  isoDay,
  readCommentTemplate,
  splitProposedChange,
  templateTypeOf,
  withoutMentionMarkup,
  withProposedChange,
  MAX_TEMPLATE_COMMENT,
  type AffiliationSnapshot,
  type TemplateReading,
  type WordContent,
} from '@parley/domain';
import { refusal, type CommentTemplatePreview, type CsvLanguage, type DispositionReportEntry, type ImportCommentsRequest, type ImportedCommentsResponse } from '@parley/contracts';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { CommentService } from '../../drafting/comment.service';
import { DocumentReads } from '../../drafting/document-reads.service';
import { DocumentRepository } from '../../drafting/document.repository';
import { canComment } from '../../drafting/drafting.policy';
import { DraftingStandings } from '../../drafting/drafting-standings';
import type { Actor } from '../../identity/actor';
import { FocalPointRepository } from '../../identity/focal-point.repository';
import { Clock } from '../../platform/clock/clock';
import { authorise, notFound, refuse, refused, validationProblem } from '../../platform/http/problem';
import { readUploadedDocx } from '../docx-file';
import { commentTemplateDocx, type TemplateCells } from './template-docx';
import { TEMPLATE_WORDS } from './template-words';

/** The tables of a Word file as rows of cell texts (a cell's paragraphs one line each, tracked changes accepted). */
const tablesOf = (content: WordContent): string[][][] =>
  content.blocks.flatMap((b) => (b.type === 'table' ? [b.rows.map((cells) => cells.map((paragraphs) => paragraphs.map(acceptedText).join('\n')))] : []));

/**
 * The ISO commenting template of a version (decision 0044): written with its comments and their
 * dispositions; read back from a focal point's completed file as comments of their organisation,
 * shown before anything is posted, then posted together through the comments' own service.
 */
@Injectable()
export class CommentTemplateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly comments: CommentService,
    private readonly documents: DocumentRepository,
    private readonly documentReads: DocumentReads,
    private readonly standings: DraftingStandings,
    private readonly focalPoints: FocalPointRepository,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  /** The template as a Word file: a row per comment made on the version, then a blank row per clause. Read as the disposition report is. */
  async file(actor: Actor | null, documentId: string, n: number, lang: CsvLanguage): Promise<Buffer> {
    const report = await this.comments.report(actor, documentId, n);
    const clauses = await this.clausesOf(documentId, n);
    const refs = clauseReferences(clauses);
    const words = TEMPLATE_WORDS[lang];
    const made = report.entries.map((e): TemplateCells => {
      const { comment, proposedChange } = splitProposedChange(withoutMentionMarkup(e.body));
      return {
        organisation: e.author.snapshot?.organisationName ?? '',
        clause: refs.get(e.clauseId) ?? '',
        type: templateTypeOf(e.kind),
        comment,
        proposedChange: proposedChange ?? '',
        observation: e.disposition ? `${words.dispositions[e.disposition.disposition]}: ${e.disposition.reason}` : '',
      };
    });
    const blank = clauses.map((c): TemplateCells => ({ clause: refs.get(c.id) }));
    return commentTemplateDocx({ title: report.title, version: n, rows: [...made, ...blank], lang });
  }

  /** What an uploaded template would post; the uploader's right is checked before the file is read. Nothing is posted. */
  async preview(actor: Actor, documentId: string, n: number, upload: unknown): Promise<CommentTemplatePreview> {
    const { snapshot } = await this.focalPointOn(this.dataSource.manager, actor, documentId, n, this.clock.now());
    const content = readUploadedDocx(upload);
    const report = await this.comments.report(actor, documentId, n);
    const posted = report.entries.map((e: DispositionReportEntry) => ({ clauseId: e.clauseId, body: withoutMentionMarkup(e.body) }));
    const clauses = await this.clausesOf(documentId, n);
    const reading = tablesOf(content).reduce<TemplateReading | null>((found, table) => found ?? readCommentTemplate(table, clauses, posted), null);
    if (!reading) throw refuse('template-no-table');
    return { documentId, version: n, organisation: { id: snapshot.organisationId, name: snapshot.organisationName }, ...reading };
  }

  /** The confirmed rows, posted as the focal point's comments (their affiliation names the organisation), all or none. */
  post(actor: Actor, documentId: string, n: number, input: ImportCommentsRequest): Promise<ImportedCommentsResponse> {
    return this.tx.run(async (tx) => {
      await this.focalPointOn(tx.manager, actor, documentId, n, tx.now);
      const clauseIds = new Set((await this.clausesOf(documentId, n, tx.manager)).map((c) => c.id));
      const bodies = input.rows.map((r, i) => {
        if (!clauseIds.has(r.clauseId)) throw validationProblem(`rows.${i}.clauseId`, 'not-a-clause', { version: n });
        const body = withProposedChange(r.comment, r.proposedChange);
        if (body.length > MAX_TEMPLATE_COMMENT) throw validationProblem(`rows.${i}.proposedChange`, 'too-long', { maximum: MAX_TEMPLATE_COMMENT });
        return { clauseId: r.clauseId, version: n, kind: r.kind, body };
      });
      const commentIds = await this.comments.postAllIn(tx, actor, documentId, bodies);
      return { documentId, version: n, commentIds };
    });
  }

  /**
   * The uploader's standing: someone who may comment on the document, acting as a focal point of the
   * organisation of their current affiliation (the one their comments record), on the current version.
   */
  private async focalPointOn(manager: EntityManager, actor: Actor, documentId: string, n: number, now: Date): Promise<{ snapshot: AffiliationSnapshot }> {
    const doc = await this.documents.findDocument(documentId, manager);
    if (!doc) throw notFound('document');
    await this.documentReads.requireVersion(doc, n, undefined, manager);
    const standing = await this.standings.of(manager, doc.workingGroupId, actor.id, now);
    authorise(canComment(standing));
    const snapshot = standing.currentSnapshot!;
    if (!(await this.focalPoints.isActing(manager, snapshot.organisationId, actor.id, isoDay(now)))) throw refuse('template-focal-points-only');
    const overdue = actingRoleRefusal(actor.twoFactor?.overdue);
    if (overdue) throw refuse(overdue);
    if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
    if (n !== doc.currentVersion) throw refused(refusal('not-current-version', { version: n, current: doc.currentVersion, act: 'comment' }));
    return { snapshot };
  }

  private async clausesOf(documentId: string, n: number, manager?: EntityManager): Promise<{ id: string; kind: 'heading' | 'preamble' | 'operative' }[]> {
    const version = await this.documents.findVersion(documentId, n, manager);
    if (!version) throw refuse('version-not-found', { version: n });
    return (await this.documents.clausesOf(version.id, manager)).map((c) => ({ id: c.clauseId, kind: c.kind }));
  }
}
