import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AffiliationSnapshot } from '@parley/domain';
import type { BracketResolution } from '@parley/contracts';

/** One option of a bracket as stored, with its proposer's name. */
export interface BracketOptionRow {
  id: string;
  bracketId: string;
  text: string;
  rationale: string | null;
  proposedBy: string;
  proposerName: string;
  proposerSnapshot: AffiliationSnapshot;
  proposedAt: Date;
  mergedInto: string | null;
}

/** One bracket as stored, with the names of who asked for it and who removed it, and its options (oldest first). */
export interface BracketRow {
  id: string;
  documentId: string;
  versionId: string;
  openedInVersion: number;
  clauseId: string;
  passage: string;
  passageStart: number;
  passageEnd: number;
  reason: string;
  requestedBy: string;
  requesterName: string;
  requesterSnapshot: AffiliationSnapshot;
  requestedAt: Date;
  resolution: BracketResolution | null;
  chosenOptionId: string | null;
  removalReason: string | null;
  removedBy: string | null;
  removerName: string | null;
  removerSnapshot: AffiliationSnapshot | null;
  removedAt: Date | null;
  consolidatedInVersion: number | null;
  consolidation: 'applied' | 'not-applied' | null;
  options: BracketOptionRow[];
}

export interface NewBracket {
  documentId: string;
  versionId: string;
  openedInVersion: number;
  clauseId: string;
  passage: string;
  start: number;
  end: number;
  reason: string;
  by: string;
  snapshot: AffiliationSnapshot;
  at: Date;
}

export interface NewOption {
  bracketId: string;
  text: string;
  rationale: string | null;
  by: string;
  snapshot: AffiliationSnapshot;
  at: Date;
}

const BRACKET_COLUMNS = `b.*, rq.name AS requester_name, rm.name AS remover_name`;
const BRACKET_JOINS = `JOIN people rq ON rq.id = b.requested_by LEFT JOIN people rm ON rm.id = b.removed_by`;

function toBracket(r: Record<string, unknown>): BracketRow {
  return {
    id: r.id as string,
    documentId: r.document_id as string,
    versionId: r.version_id as string,
    openedInVersion: r.opened_in_version as number,
    clauseId: r.clause_id as string,
    passage: r.passage as string,
    passageStart: r.passage_start as number,
    passageEnd: r.passage_end as number,
    reason: r.reason as string,
    requestedBy: r.requested_by as string,
    requesterName: r.requester_name as string,
    requesterSnapshot: r.requester_snapshot as AffiliationSnapshot,
    requestedAt: r.requested_at as Date,
    resolution: (r.resolution as BracketResolution | null) ?? null,
    chosenOptionId: (r.chosen_option_id as string | null) ?? null,
    removalReason: (r.removal_reason as string | null) ?? null,
    removedBy: (r.removed_by as string | null) ?? null,
    removerName: (r.remover_name as string | null) ?? null,
    removerSnapshot: (r.remover_snapshot as AffiliationSnapshot | null) ?? null,
    removedAt: (r.removed_at as Date | null) ?? null,
    consolidatedInVersion: (r.consolidated_in_version as number | null) ?? null,
    consolidation: (r.consolidation as BracketRow['consolidation']) ?? null,
    options: [],
  };
}

function toOption(r: Record<string, unknown>): BracketOptionRow {
  return {
    id: r.id as string,
    bracketId: r.bracket_id as string,
    text: r.text as string,
    rationale: (r.rationale as string | null) ?? null,
    proposedBy: r.proposed_by as string,
    proposerName: r.proposer_name as string,
    proposerSnapshot: r.proposer_snapshot as AffiliationSnapshot,
    proposedAt: r.proposed_at as Date,
    mergedInto: (r.merged_into as string | null) ?? null,
  };
}

/**
 * Brackets and their options. Reads are two queries whatever the number of brackets: the brackets,
 * then all their options (the brackets_document_idx and bracket_options_bracket_idx indexes).
 */
@Injectable()
export class BracketRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insert(manager: EntityManager, b: NewBracket): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO brackets (document_id, version_id, opened_in_version, clause_id, passage, passage_start, passage_end, reason, requested_by, requester_snapshot, requested_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
      [b.documentId, b.versionId, b.openedInVersion, b.clauseId, b.passage, b.start, b.end, b.reason, b.by, JSON.stringify(b.snapshot), b.at],
    );
    return row.id;
  }

  async insertOption(manager: EntityManager, o: NewOption): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO bracket_options (bracket_id, text, rationale, proposed_by, proposer_snapshot, proposed_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [o.bracketId, o.text, o.rationale, o.by, JSON.stringify(o.snapshot), o.at],
    );
    return row.id;
  }

  async remove(
    manager: EntityManager,
    id: string,
    r: { resolution: BracketResolution; optionId: string | null; reason: string; by: string; snapshot: AffiliationSnapshot; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE brackets SET resolution = $2, chosen_option_id = $3, removal_reason = $4, removed_by = $5, remover_snapshot = $6, removed_at = $7
        WHERE id = $1 AND resolution IS NULL`,
      [id, r.resolution, r.optionId, r.reason, r.by, JSON.stringify(r.snapshot), r.at],
    );
  }

  /** Records which version's consolidation dealt with chosen options, and whether it applied them. */
  async markConsolidated(manager: EntityManager, version: number, applied: string[], notApplied: string[]): Promise<void> {
    if (applied.length > 0)
      await manager.query(
        `UPDATE brackets SET consolidated_in_version = $2, consolidation = 'applied' WHERE id = ANY($1::uuid[]) AND consolidated_in_version IS NULL`,
        [applied, version],
      );
    if (notApplied.length > 0)
      await manager.query(
        `UPDATE brackets SET consolidated_in_version = $2, consolidation = 'not-applied' WHERE id = ANY($1::uuid[]) AND consolidated_in_version IS NULL`,
        [notApplied, version],
      );
  }

  /** Who proposed each of these options, with their affiliation then (provenance credits a chosen option's words to them). */
  async optionAuthors(ids: string[], manager?: EntityManager): Promise<Map<string, { authorId: string; snapshot: AffiliationSnapshot }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; proposed_by: string; proposer_snapshot: AffiliationSnapshot }[] = await this.m(manager).query(
      `SELECT id, proposed_by, proposer_snapshot FROM bracket_options WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { authorId: r.proposed_by, snapshot: r.proposer_snapshot }]));
  }

  /** One bracket with its options; `lock` row-locks the bracket (its removal is recorded once). */
  async find(id: string, manager?: EntityManager, lock = false): Promise<BracketRow | null> {
    if (lock) await this.m(manager).query(`SELECT id FROM brackets WHERE id = $1 FOR UPDATE`, [id]);
    const rows = await this.rows(`b.id = $1`, [id], manager);
    return rows[0] ?? null;
  }

  /** Every bracket of a document opened on version `upTo` or earlier (all when null), oldest first, with options. */
  ofDocument(documentId: string, upTo: number | null = null, manager?: EntityManager): Promise<BracketRow[]> {
    return this.rows(`b.document_id = $1 AND ($2::int IS NULL OR b.opened_in_version <= $2)`, [documentId, upTo], manager);
  }

  /** The open brackets of a document (not removed), oldest first, with their options. */
  openOf(documentId: string, manager?: EntityManager): Promise<BracketRow[]> {
    return this.rows(`b.document_id = $1 AND b.resolution IS NULL`, [documentId], manager);
  }

  /** Open brackets of one clause (the overlap check when opening one). */
  openInClause(documentId: string, clauseId: string, manager?: EntityManager): Promise<BracketRow[]> {
    return this.rows(`b.document_id = $1 AND b.clause_id = $2 AND b.resolution IS NULL`, [documentId, clauseId], manager);
  }

  /** Brackets removed by choosing an option that no consolidation has dealt with yet. */
  chosenUnconsolidated(documentId: string, manager?: EntityManager): Promise<BracketRow[]> {
    return this.rows(`b.document_id = $1 AND b.resolution = 'option-chosen' AND b.consolidated_in_version IS NULL`, [documentId], manager);
  }

  private async rows(where: string, params: unknown[], manager?: EntityManager): Promise<BracketRow[]> {
    const m = this.m(manager);
    const raw: Record<string, unknown>[] = await m.query(
      `SELECT ${BRACKET_COLUMNS} FROM brackets b ${BRACKET_JOINS} WHERE ${where} ORDER BY b.requested_at, b.id`,
      params,
    );
    const brackets = raw.map(toBracket);
    if (brackets.length === 0) return brackets;
    const options: Record<string, unknown>[] = await m.query(
      `SELECT o.*, p.name AS proposer_name FROM bracket_options o JOIN people p ON p.id = o.proposed_by
        WHERE o.bracket_id = ANY($1::uuid[]) ORDER BY o.seq`,
      [brackets.map((b) => b.id)],
    );
    const byId = new Map(brackets.map((b) => [b.id, b]));
    for (const o of options) byId.get(o.bracket_id as string)!.options.push(toOption(o));
    return brackets;
  }
}
