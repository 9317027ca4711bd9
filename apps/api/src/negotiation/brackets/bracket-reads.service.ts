import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BracketListResponse, BracketView } from '@parley/contracts';
import type { Actor } from '../../identity/actor';
import { Clock } from '../../platform/clock/clock';
import { notFound } from '../../platform/http/problem';
import { DocumentRepository } from '../../drafting/document.repository';
import { DocumentReads } from '../../drafting/document-reads.service';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { BracketRepository, type BracketRow } from './bracket.repository';
import { toBracketView } from './bracket-views';
import { canOpenBracket, canProposeOption, canRemoveBracket } from './brackets.policy';
import { VersionVisibility } from '../../procedures/publication/version-visibility';

/**
 * Brackets as read in one version of a document: each located again in its clause's text there
 * (libs/domain `locatePassage`). Other parts (compilation, counts) call `located`.
 */
@Injectable()
export class BracketReads {
  constructor(
    private readonly brackets: BracketRepository,
    private readonly documents: DocumentRepository,
    private readonly documentReads: DocumentReads,
    private readonly standings: DraftingStandings,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly visibility: VersionVisibility,
  ) {}

  /** Every bracket opened on version `n` (the current one when omitted) or earlier, located in `n`, with what the reader may do. */
  async list(actor: Actor | null, documentId: string, n?: number): Promise<BracketListResponse> {
    const doc = await this.documents.findDocument(documentId);
    if (!doc) throw notFound('document');
    const version = n ?? doc.currentVersion;
    await this.documentReads.requireVersion(doc, version, 'version');
    // Brackets quote their passages: none of a version kept to members reaches anyone else (decision 0041).
    (await this.visibility.lens(actor, doc)).assertReadable(version);
    const [brackets, standing] = await Promise.all([
      this.located(doc.id, version, { openOnly: false }),
      this.standings.of(this.dataSource.manager, doc.workingGroupId, actor?.id ?? null, this.clock.now()),
    ]);
    const drafting = doc.status === 'drafting';
    const current = drafting && version === doc.currentVersion;
    return {
      documentId: doc.id,
      version,
      brackets,
      can: {
        open: current && canOpenBracket(standing) === true,
        proposeOption: drafting && canProposeOption(standing) === true,
        remove: drafting && canRemoveBracket(standing) === true,
      },
    };
  }

  /**
   * The brackets of a document as read in version `n`, in the clauses' reading order then oldest
   * first (brackets whose clause is not in `n` last): open ones only unless `openOnly` is false.
   * Brackets opened on a later version than `n` are left out. Two queries for the brackets and one
   * for the clauses, whatever their number.
   */
  async located(documentId: string, n: number, o: { openOnly?: boolean; manager?: EntityManager } = {}): Promise<BracketView[]> {
    const version = await this.documents.findVersion(documentId, n, o.manager);
    if (!version) return [];
    const [rows, clauses] = await Promise.all([
      o.openOnly === false ? this.brackets.ofDocument(documentId, n, o.manager) : this.brackets.openOf(documentId, o.manager),
      this.documents.clausesOf(version.id, o.manager),
    ]);
    const position = new Map(clauses.map((c, i) => [c.clauseId, i]));
    const textOf = new Map(clauses.map((c) => [c.clauseId, c.text]));
    const inVersion = rows.filter((b: BracketRow) => b.openedInVersion <= n);
    const at = (b: BracketRow) => position.get(b.clauseId) ?? Number.MAX_SAFE_INTEGER;
    return inVersion
      .map((b, i) => ({ b, i }))
      .sort((x, y) => at(x.b) - at(y.b) || x.i - y.i)
      .map(({ b }) => toBracketView(b, textOf.get(b.clauseId) ?? null));
  }

  /** The open brackets of a document located in its current version. */
  async openOfDocument(documentId: string, manager?: EntityManager): Promise<BracketView[]> {
    const doc = await this.documents.findDocument(documentId, manager);
    if (!doc) return [];
    return this.located(documentId, doc.currentVersion, { openOnly: true, manager });
  }

  /** One bracket located in the document's current version. */
  async one(actor: Actor | null, id: string): Promise<BracketView> {
    const row = await this.brackets.find(id);
    if (!row) throw notFound('bracket');
    const doc = (await this.documents.findDocument(row.documentId))!;
    (await this.visibility.lens(actor, doc)).assertReadable(doc.currentVersion, row.openedInVersion);
    const version = (await this.documents.findVersion(doc.id, doc.currentVersion))!;
    const clause = await this.documents.clauseOf(version.id, row.clauseId);
    return toBracketView(row, clause?.text ?? null);
  }
}
