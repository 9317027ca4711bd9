import { Injectable } from '@nestjs/common';
import type { AffiliationSnapshot, ChairsTextStanding, Office } from '@parley/domain';
import type { ConsolidationReport } from '@parley/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface NewChairsTextVersion {
  documentId: string;
  number: number;
  createdBy: string;
  snapshot: AffiliationSnapshot;
  at: Date;
  /** Nothing applied; the amendments the text outdated and carried forward (decision 0033). */
  consolidation: ConsolidationReport;
  note: string | null;
  label: string;
  symbol: string | null;
  standing: ChairsTextStanding;
  office: Office;
}

/** The chair's texts' own queries on document versions. */
@Injectable()
export class ChairsTextRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A version issued as a chair's text: its pen holder is its maker, with the same snapshot, set once (the versions' guard). */
  async insertVersion(manager: EntityManager, v: NewChairsTextVersion): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO document_versions (document_id, number, created_by, author_snapshot, created_at, consolidation, note,
                                      chairs_text_label, chairs_text_symbol, chairs_text_standing, chairs_text_office, pen_holder_id, pen_holder_snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $3, $4) RETURNING id`,
      [v.documentId, v.number, v.createdBy, JSON.stringify(v.snapshot), v.at, JSON.stringify(v.consolidation), v.note, v.label, v.symbol, v.standing, v.office],
    );
    return row.id;
  }

  /** The labels of the document's chair's texts, oldest first. */
  async labelsOf(documentId: string, manager?: EntityManager): Promise<string[]> {
    const rows: { label: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT chairs_text_label AS label FROM document_versions WHERE document_id = $1 AND chairs_text_label IS NOT NULL ORDER BY number`,
      [documentId],
    );
    return rows.map((r) => r.label);
  }
}
