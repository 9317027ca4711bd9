import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { acceptedDraft, proposalsAgainstVersion, readWordImport, type WordImport } from '@parley/domain';
import type {
  CreateAmendmentRequest,
  DocxImportPreview,
  ImportAmendmentsRequest,
  ImportDocumentRequest,
  ImportedAmendmentRequest,
  ImportedAmendmentsResponse,
  ImportedDocumentResponse,
  VersionImportPreview,
} from '@parley/contracts';
import { AuditedTransaction, type Tx } from '../../audit/audited-transaction';
import { AmendmentService } from '../../drafting/amendment.service';
import { DocumentRepository } from '../../drafting/document.repository';
import { DocumentService } from '../../drafting/document.service';
import { canAmend, canCreateDocument } from '../../drafting/drafting.policy';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { toClause } from '../../drafting/drafting.mapper';
import type { Actor } from '../../identity/actor';
import { Clock } from '../../platform/clock/clock';
import { MAX_CLAUSES, refusal } from '@parley/contracts';
import { authorise, notFound, ProblemException, refused } from '../../platform/http/problem';
import { readUploadedDocx } from '../docx-file';
import { fileRefused } from '../docx-file/file-refusals';

/** The rationale of an imported amendment the importer left without one (stored text, in both languages). */
export const IMPORTED_RATIONALE = 'From a tracked change in the imported Word file. — Issu d’une modification suivie du fichier Word importé.';

/** A refusal of the i-th amendment of a batch: its fields named under `amendments.i`, so the importer finds which one. */
function forAmendment(e: unknown, index: number): unknown {
  if (!(e instanceof ProblemException) || !e.problem.errors) return e;
  return new ProblemException({ ...e.problem, errors: e.problem.errors.map((f) => ({ ...f, field: `amendments.${index}.${f.field}` })) });
}

/**
 * Word import (decision 0044), in two steps with nothing stored between them: an upload answers what
 * the file would become; the importer's confirmation creates it in one transaction, through the
 * drafting services, so each act is the usual audited act by the importer. Who may is checked before
 * the file is read.
 */
@Injectable()
export class DocxImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentService,
    private readonly documentRows: DocumentRepository,
    private readonly amendments: AmendmentService,
    private readonly standings: DraftingStandings,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  /** What the file would become as a new document of the group: its clauses and its tracked changes as proposals. */
  async previewNewDocument(actor: Actor, workingGroupId: string, upload: unknown): Promise<DocxImportPreview> {
    const standing = await this.standings.of(this.dataSource.manager, workingGroupId, actor.id, this.clock.now());
    authorise(canCreateDocument(standing));
    const read = readImport(upload);
    return { title: read.title, clauses: read.clauses, proposals: read.proposals, warnings: read.warnings };
  }

  /** What the file says about the document's current version: its changes as amendments to propose. */
  async previewAmendments(actor: Actor, documentId: string, upload: unknown): Promise<VersionImportPreview> {
    const { doc, version } = await this.amendable(actor, documentId);
    const read = readImport(upload);
    const clauses = (await this.documentRows.clausesOf(version.id)).map(toClause);
    return { documentId: doc.id, basedOn: version.number, ...proposalsAgainstVersion(read, clauses), draft: acceptedDraft(read, clauses) };
  }

  /** Version 1 from the confirmed clauses, and each confirmed tracked change as an amendment on it by the importer, all in one transaction. */
  async importDocument(actor: Actor, workingGroupId: string, input: ImportDocumentRequest): Promise<ImportedDocumentResponse> {
    return this.tx.run(async (tx) => {
      const documentId = await this.documents.createIn(tx, actor, workingGroupId, { title: input.title, clauses: input.clauses, membersOnlyUntil: input.membersOnlyUntil });
      const version = (await this.documentRows.findVersion(documentId, 1, tx.manager))!;
      const clauseIds = (await this.documentRows.clausesOf(version.id, tx.manager)).map((c) => c.clauseId);
      const requests = input.amendments.map((a) => onVersionOne(a, clauseIds));
      return { documentId, version: 1, amendmentIds: await this.proposeAll(tx, actor, documentId, requests) };
    });
  }

  /** The confirmed amendments to the current version, proposed together: all or none. */
  async importAmendments(actor: Actor, documentId: string, input: ImportAmendmentsRequest): Promise<ImportedAmendmentsResponse> {
    await this.amendable(actor, documentId);
    return this.tx.run(async (tx) => ({ documentId, amendmentIds: await this.proposeAll(tx, actor, documentId, input.amendments) }));
  }

  private async proposeAll(tx: Tx, actor: Actor, documentId: string, requests: CreateAmendmentRequest[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [index, request] of requests.entries()) {
      try {
        ids.push((await this.amendments.proposeIn(tx, actor, documentId, request)).id);
      } catch (e) {
        throw forAmendment(e, index);
      }
    }
    return ids;
  }

  /** The document and its current version, when the actor may propose amendments to it; checked before any file is read. */
  private async amendable(actor: Actor, documentId: string) {
    const manager = this.dataSource.manager;
    const doc = await this.documentRows.findDocument(documentId, manager);
    if (!doc) throw notFound('document');
    authorise(canAmend(await this.standings.of(manager, doc.workingGroupId, actor.id, this.clock.now())));
    const version = (await this.documentRows.findVersion(doc.id, doc.currentVersion, manager))!;
    if (doc.status === 'adopted' || version.adoptedAt) throw refused(refusal('version-frozen', { version: version.number }));
    return { doc, version };
  }
}

/** An imported amendment, by clause index, as the amendment on version 1 it is, by clause id. */
function onVersionOne(a: ImportedAmendmentRequest, clauseIds: readonly string[]): CreateAmendmentRequest {
  const rationale = a.rationale ?? IMPORTED_RATIONALE;
  switch (a.kind) {
    case 'replace':
      return { kind: 'replace', baseVersion: 1, targetClauseId: clauseIds[a.clauseIndex], text: a.text, rationale };
    case 'insert':
      return { kind: 'insert', baseVersion: 1, afterClauseId: a.afterClauseIndex === null ? null : clauseIds[a.afterClauseIndex], clauseKind: a.clauseKind, text: a.text, rationale };
    case 'delete':
      return { kind: 'delete', baseVersion: 1, targetClauseId: clauseIds[a.clauseIndex], rationale };
  }
}

/** The uploaded file read for an import; more paragraphs than a document may have clauses is refused before any matching. */
function readImport(upload: unknown): WordImport {
  const read = readWordImport(readUploadedDocx(upload));
  if (read.clauses.length > MAX_CLAUSES) throw fileRefused('docx-too-many-paragraphs', { limit: MAX_CLAUSES });
  return read;
}
