import { StreamliningReads } from '../negotiation/streamlining/streamlining.reads';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { numberClauses, withoutMentionMarkup, workingGroupScope } from '@parley/domain';
import type {
  CommentListQuery,
  CommentResponse,
  CommentThreadPage,
  CreateCommentRequest,
  CreateReplyRequest,
  DispositionReport,
  DispositionReportEntry,
  DispositionRequest,
  HomeCommentToAnswer,
} from '@parley/contracts';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { refusal } from '@parley/contracts';
import { toCsv } from '../platform/http/csv';
import { authorise, notFound, refuse, refused, validationProblem } from '../platform/http/problem';
import { CommentRepository, type CommentRow } from './comment.repository';
import { DocumentRepository } from './document.repository';
import { DocumentReads } from './document-reads.service';
import { canComment, canDispose, canAddParticipantTranslation, type DraftingStanding } from './drafting.policy';
import { PersonTranslationRepository } from './person-translation.repository';
import { DraftingStandings } from './drafting-standings';
import { toCommentResponse, toReportEntry } from './drafting.mapper';
import { threadCursor } from './thread-cursor';
import { CommentMentions, mentionsChange } from './comment-mentions';
import { DraftingChains } from './drafting-chains';
import type { ChainTx } from '../platform/batching/chain-batcher';

/** Comments on clauses, threads, dispositions and the disposition-of-comments report. */
import { VersionVisibility } from '../procedures/publication/version-visibility';
@Injectable()
export class CommentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly comments: CommentRepository,
    private readonly documents: DocumentRepository,
    private readonly documentReads: DocumentReads,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly clock: Clock,
    private readonly negotiation: StreamliningReads,
    private readonly visibility: VersionVisibility,
    private readonly mentions: CommentMentions,
    private readonly translations: PersonTranslationRepository,
    private readonly chains: DraftingChains,
  ) {}

  /** A comment on a clause of the current version, optionally on a quoted passage of it. */
  async post(actor: Actor, documentId: string, input: CreateCommentRequest): Promise<CommentResponse> {
    const { rows, standing, drafting } = await this.chains.run({ document: documentId }, (tx) => this.postAllWith(tx, actor, documentId, [input]));
    // Answered from the row as inserted: a comment just posted has no translation and no disposition yet.
    return toCommentResponse(rows[0], this.commentPermissions(standing, drafting, rows[0]), [], undefined);
  }

  /**
   * Comments by one person on clauses of the current version, in the caller's transaction (a commenting
   * template's rows: all or none), each the usual `comment.posted` act. Their ids, in the order given.
   */
  async postAllIn(tx: ChainTx, actor: Actor, documentId: string, inputs: readonly CreateCommentRequest[]): Promise<string[]> {
    return (await this.postAllWith(tx, actor, documentId, inputs)).rows.map((r) => r.id);
  }

  /** postAllIn, with the rows inserted, the author's standing it read and whether the document is in drafting (the answer needs all three, so they are not read again). */
  private async postAllWith(tx: ChainTx, actor: Actor, documentId: string, inputs: readonly CreateCommentRequest[]): Promise<{ rows: CommentRow[]; standing: DraftingStanding; drafting: boolean }> {
    const doc = await this.documents.findDocument(documentId, tx.manager);
    if (!doc) throw notFound('document');
    const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
    const verdict = canComment(standing);
    authorise(verdict);
    if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
    const auditActor = await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot);
    const rows: CommentRow[] = [];
    for (const input of inputs) {
      const n = input.version ?? doc.currentVersion;
      if (n !== doc.currentVersion) {
        await this.documentReads.requireVersion(doc, n, 'version', tx.manager);
        throw refused(refusal('not-current-version', { version: n, current: doc.currentVersion, act: 'comment' }), 'version');
      }
      const version = (await this.documents.findVersion(doc.id, n, tx.manager))!;
      const clause = await this.documents.clauseOf(version.id, input.clauseId, tx.manager);
      if (!clause) throw validationProblem('clauseId', 'not-a-clause', { version: n });
      if (input.quote && clause.text.slice(input.quote.start, input.quote.end) !== input.quote.text)
        throw validationProblem('quote', 'quote-mismatch');

      const mentions = await this.mentions.resolve(tx.manager, doc.workingGroupId, input.body, tx.now);
      const comment = await this.comments.insertRow(tx.manager, {
        documentId: doc.id,
        versionId: version.id,
        versionNumber: n,
        clauseId: clause.clauseId,
        parentId: null,
        kind: input.kind,
        body: input.body,
        writtenLanguage: input.writtenLanguage ?? null,
        quote: input.quote ?? null,
        authorId: actor.id,
        snapshot: standing.currentSnapshot!,
        mentions,
        at: tx.now,
      }, auditActor.name ?? '');
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: auditActor,
        action: 'comment.posted',
        subjectType: 'comment',
        subjectId: comment.id,
        change: { documentId: doc.id, version: n, clauseId: clause.clauseId, parentId: null, kind: input.kind, body: input.body, quote: input.quote ?? null, ...mentionsChange(mentions), ...writtenIn(input.writtenLanguage) },
      });
      rows.push(comment);
    }
    return { rows, standing, drafting: doc.status === 'drafting' };
  }

  /** A reply joins the thread of the comment answered (threads are one level deep), on that comment's clause and version. */
  async reply(actor: Actor, commentId: string, input: CreateReplyRequest): Promise<CommentResponse> {
    const { id, standing, drafting } = await this.chains.run({ comment: commentId }, async (tx) => {
      const answered = await this.comments.findRow(commentId, tx.manager);
      if (!answered) throw notFound('comment');
      const root = answered.parentId ? (await this.comments.findRow(answered.parentId, tx.manager))! : answered;
      const doc = (await this.documents.findDocument(root.documentId, tx.manager))!;
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      const verdict = canComment(standing);
      authorise(verdict);
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      const mentions = await this.mentions.resolve(tx.manager, doc.workingGroupId, input.body, tx.now);
      const comment = await this.comments.insert(tx.manager, {
        documentId: doc.id,
        versionId: root.versionId,
        versionNumber: root.versionNumber,
        clauseId: root.clauseId,
        parentId: root.id,
        kind: input.kind,
        body: input.body,
        writtenLanguage: input.writtenLanguage ?? null,
        quote: null,
        authorId: actor.id,
        snapshot: standing.currentSnapshot!,
        mentions,
        at: tx.now,
      });
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot),
        action: 'comment.posted',
        subjectType: 'comment',
        subjectId: comment.id,
        change: { documentId: doc.id, version: root.versionNumber, clauseId: root.clauseId, parentId: root.id, kind: input.kind, body: input.body, quote: null, ...mentionsChange(mentions), ...writtenIn(input.writtenLanguage) },
      });
      return { id: comment.id, standing, drafting: doc.status === 'drafting' };
    });
    return this.one(actor, id, { standing, drafting });
  }

  /** A chair or rapporteur of the comment's own working group gives it a disposition with a reason, once. */
  async dispose(actor: Actor, commentId: string, input: DispositionRequest): Promise<CommentResponse> {
    await this.chains.run({ comment: commentId }, async (tx) => {
      const comment = await this.comments.lock(tx.manager, commentId);
      if (!comment) throw notFound('comment');
      const doc = (await this.documents.findDocument(comment.documentId, tx.manager))!;
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      const verdict = canDispose(standing);
      authorise(verdict);
      if (comment.disposition) throw refuse('comment-disposed', { disposition: comment.disposition });
      await this.comments.setDisposition(tx.manager, comment.id, { disposition: input.disposition, reason: input.reason, by: actor.id, snapshot: standing.currentSnapshot!, at: tx.now });
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'comment.disposed',
        subjectType: 'comment',
        subjectId: comment.id,
        change: { documentId: doc.id, version: comment.versionNumber, clauseId: comment.clauseId, kind: comment.kind, disposition: input.disposition, reason: input.reason },
      });
    });
    return this.one(actor, commentId);
  }

  /**
   * The comments waiting for this person's answer: those without a disposition in the groups where
   * they may dispose of comments (a chair or rapporteur: canDispose), clarifications first.
   */
  async awaitingAnswerFrom(actor: Actor, limit: number): Promise<{ items: HomeCommentToAnswer[]; total: number }> {
    const now = this.clock.now();
    const manager = this.dataSource.manager;
    const groups = new Map<string, string>();
    for (const g of await this.standings.ledGroups(manager, actor.id, now))
      if ((g.isChair || g.isRapporteur) && canDispose(await this.standings.of(manager, g.id, actor.id, now)) === true) groups.set(g.id, g.name);
    const { rows, total } = await this.comments.awaitingDisposition([...groups.keys()], limit);
    return {
      items: rows.map((r) => ({
        id: r.id,
        documentId: r.documentId,
        documentTitle: r.documentTitle,
        version: r.version,
        clauseId: r.clauseId,
        kind: r.kind,
        // The front door's excerpt reads as text: `@Name`, not the mention's markup.
        excerpt: withoutMentionMarkup(r.excerpt),
        author: { id: r.authorId, name: r.authorName, snapshot: r.authorSnapshot },
        createdAt: new Date(r.createdAt).toISOString(),
        workingGroup: { id: r.workingGroupId, name: groups.get(r.workingGroupId) ?? '' },
      })),
      total,
    };
  }

  /** One page of a clause's threads as read at a version (comments made on it and on earlier versions), with their replies. */
  async list(actor: Actor | null, documentId: string, q: CommentListQuery): Promise<CommentThreadPage> {
    const doc = await this.documents.findDocument(documentId);
    if (!doc) throw notFound('document');
    const n = q.version ?? doc.currentVersion;
    await this.documentReads.requireVersion(doc, n, 'version');
    // Comments quote the text they are on: none on a version kept to members reaches anyone else (decision 0041).
    const lens = await this.visibility.lens(actor, doc);
    lens.assertReadable(n);
    const rows = await this.comments.threadsPage(doc.id, q.clauseId, n, threadCursor.decode(q.cursor), q.limit + 1);
    const { items: all, nextCursor } = threadCursor.page(rows, q.limit, (last) => ({ at: last.createdAt.toISOString(), id: last.id }));
    const page = all.filter((c) => !lens.withheld(c.versionNumber));
    const replies = await this.comments.repliesOf(page.map((c) => c.id));
    const standing = await this.standings.of(this.dataSource.manager, doc.workingGroupId, actor?.id ?? null, this.clock.now());
    const translated = await this.translations.ofComments([...page, ...replies].map((c) => c.id));
    const can = (c: CommentRow) => this.commentPermissions(standing, doc.status === 'drafting', c);
    const items = page.map((c) =>
      toCommentResponse(
        c,
        can(c),
        replies.filter((r) => r.parentId === c.id).map((r) => toCommentResponse({ ...r, onEarlierText: c.onEarlierText }, can(r), [], translated.get(r.id))),
        translated.get(c.id),
      ),
    );
    return { items, nextCursor };
  }

  /** The disposition-of-comments report of a version: every comment made on it, and the clarification questions still unanswered. */
  async report(actor: Actor | null, documentId: string, n: number): Promise<DispositionReport> {
    const doc = await this.documents.findDocument(documentId);
    if (!doc) throw notFound('document');
    const version = await this.documentReads.requireVersion(doc, n);
    const lens = await this.visibility.lens(actor, doc);
    lens.assertReadable(n);
    const clauses = await this.documents.clausesOf(version.id);
    const labels = new Map(numberClauses(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text }))).map((c, position) => [c.id, { label: c.label, position }]));
    const [made, carried, unanswered, recommendations] = await Promise.all([
      this.comments.madeOnVersion(doc.id, n),
      this.comments.carriedInto(doc.id, n),
      this.comments.unansweredClarifications(doc.id, n),
      this.negotiation.recordOn(doc.id, n, (id) => labels.get(id)?.label ?? null),
    ]);
    const entries = made.map((c) => toReportEntry(c, labels));
    const totals = { accepted: 0, noted: 0, rejected: 0, pending: 0 };
    for (const e of entries) totals[e.disposition?.disposition ?? 'pending']++;
    return {
      documentId: doc.id,
      title: doc.title,
      version: n,
      entries,
      carried: carried.filter((c) => !lens.withheld(c.versionNumber)).map((c) => toReportEntry(c, labels)),
      totals,
      unansweredClarifications: unanswered.filter((c) => !lens.withheld(c.versionNumber)).map((c) => toReportEntry(c, labels)),
      recommendations,
    };
  }

  async reportCsv(actor: Actor | null, documentId: string, n: number): Promise<string> {
    return toDispositionCsv((await this.report(actor, documentId, n)).entries);
  }

  /** One comment as `actor` reads it; a command passes the standing and document status it has just read, so they are not read again. */
  private async one(actor: Actor, id: string, known?: { standing: DraftingStanding; drafting: boolean }): Promise<CommentResponse> {
    const row = (await this.comments.findRow(id))!;
    const translated = await this.translations.ofComments([row.id]);
    let { standing, drafting } = known ?? { standing: null, drafting: false };
    if (!standing) {
      const doc = (await this.documents.findDocument(row.documentId))!;
      standing = await this.standings.of(this.dataSource.manager, doc.workingGroupId, actor.id, this.clock.now());
      drafting = doc.status === 'drafting';
    }
    return toCommentResponse(row, this.commentPermissions(standing, drafting, row), [], translated.get(row.id));
  }

  private commentPermissions(s: DraftingStanding, drafting: boolean, c: CommentRow): CommentResponse['can'] {
    return { reply: drafting && canComment(s) === true, dispose: c.disposition === null && canDispose(s) === true, translate: canAddParticipantTranslation(s) === true };
  }
}

/** The audit record of the language a comment was written in: absent when not said (decision 0047). */
export const writtenIn = (language: CreateCommentRequest['writtenLanguage']) => (language ? { writtenLanguage: language } : {});

export const DISPOSITION_CSV_COLUMNS = [
  'clause',
  'clause_id',
  'comment_id',
  'reply_to',
  'kind',
  'author',
  'organisation',
  'stakeholder_group',
  'subtype',
  'country',
  'title',
  'posted_at',
  'quote',
  'comment',
  'disposition',
  'reason',
  'disposed_by',
  'disposed_by_organisation',
  'disposed_at',
] as const;

/** The disposition-of-comments report as CSV. */
export function toDispositionCsv(entries: DispositionReportEntry[]): string {
  const rows = entries.map((e) => [
    e.clauseLabel ?? (e.clausePosition === null ? '' : `#${e.clausePosition + 1}`),
    e.clauseId,
    e.commentId,
    e.parentId ?? '',
    e.kind,
    e.author.name ?? '',
    e.author.snapshot?.organisationName ?? '',
    e.author.snapshot?.stakeholderGroup ?? '',
    e.author.snapshot?.subtype ?? '',
    e.author.snapshot?.country ?? '',
    e.author.snapshot?.title ?? '',
    e.createdAt,
    e.quote ?? '',
    withoutMentionMarkup(e.body),
    e.disposition?.disposition ?? 'pending',
    e.disposition?.reason ?? '',
    e.disposition?.by.name ?? '',
    e.disposition?.by.snapshot?.organisationName ?? '',
    e.disposition?.at ?? '',
  ]);
  return toCsv(DISPOSITION_CSV_COLUMNS, rows);
}
