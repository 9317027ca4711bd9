import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AffiliationSnapshot } from '@parley/domain';
import { EndorsementEntity } from './endorsement.entity';

/** An endorsement with the names of the people who made and withdrew it. */
export interface EndorsementRow extends EndorsementEntity {
  endorserName: string;
  withdrawerName: string | null;
}

const COLUMNS = `e.id, e.working_group_id AS "workingGroupId", e.document_id AS "documentId", e.version_number AS "versionNumber",
  e.organisation_id AS "organisationId", e.endorsed_by AS "endorsedBy", e.endorser_snapshot AS "endorserSnapshot", e.endorsed_at AS "endorsedAt",
  e.withdrawn_at AS "withdrawnAt", e.withdrawn_by AS "withdrawnBy", e.withdrawer_snapshot AS "withdrawerSnapshot", e.withdrawal_reason AS "withdrawalReason",
  pe.name AS "endorserName", pw.name AS "withdrawerName"`;
const FROM = `endorsements e JOIN people pe ON pe.id = e.endorsed_by LEFT JOIN people pw ON pw.id = e.withdrawn_by`;

export const versionKey = (v: { documentId: string; version: number }) => `${v.documentId}:${v.version}`;

/** Every query on endorsements, named. Only the endorsements context writes this table. */
@Injectable()
export class EndorsementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises endorsements of one version by one organisation (with the partial unique index as the backstop). */
  async lockOrganisationVersion(manager: EntityManager, documentId: string, version: number, organisationId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('endorsement:' || $1 || ':' || $2 || ':' || $3))`, [documentId, version, organisationId]);
  }

  async insert(
    manager: EntityManager,
    e: {
      workingGroupId: string;
      documentId: string;
      versionNumber: number;
      organisationId: string;
      endorsedBy: string;
      snapshot: AffiliationSnapshot;
      at: Date;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO endorsements (working_group_id, document_id, version_number, organisation_id, endorsed_by, endorser_snapshot, endorsed_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [e.workingGroupId, e.documentId, e.versionNumber, e.organisationId, e.endorsedBy, JSON.stringify(e.snapshot), e.at],
    );
    return row.id as string;
  }

  async withdraw(manager: EntityManager, id: string, w: { by: string; snapshot: AffiliationSnapshot; at: Date; reason: string | null }): Promise<void> {
    await manager.query(`UPDATE endorsements SET withdrawn_at = $2, withdrawn_by = $3, withdrawer_snapshot = $4, withdrawal_reason = $5 WHERE id = $1`, [
      id,
      w.at,
      w.by,
      JSON.stringify(w.snapshot),
      w.reason,
    ]);
  }

  async findRow(id: string, manager?: EntityManager): Promise<EndorsementRow | null> {
    const [row] = await (manager ?? this.dataSource.manager).query(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.id = $1`, [id]);
    return row ?? null;
  }

  /** Reads and row-locks one endorsement (withdrawals of it are serialised). */
  async lock(manager: EntityManager, id: string): Promise<EndorsementRow | null> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.id = $1 FOR UPDATE OF e`, [id]);
    return row ?? null;
  }

  async activeFor(manager: EntityManager, documentId: string, version: number, organisationId: string): Promise<EndorsementRow | null> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE e.document_id = $1 AND e.version_number = $2 AND e.organisation_id = $3 AND e.withdrawn_at IS NULL`,
      [documentId, version, organisationId],
    );
    return row ?? null;
  }

  /** The latest endorsements still standing, newest first (endorsements_recent_idx). */
  latestActive(limit: number): Promise<EndorsementRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.withdrawn_at IS NULL ORDER BY e.endorsed_at DESC, e.id DESC LIMIT $1`, [limit]);
  }

  /** How many organisations endorse each of these versions now (endorsements_version_idx). */
  async activeCounts(versions: { documentId: string; version: number }[]): Promise<Map<string, number>> {
    if (versions.length === 0) return new Map();
    const rows: { documentId: string; version: number; n: number }[] = await this.dataSource.query(
      `SELECT e.document_id AS "documentId", e.version_number AS "version", count(*)::int AS n
         FROM endorsements e JOIN unnest($1::uuid[], $2::int[]) AS w(document_id, version_number) USING (document_id, version_number)
        WHERE e.withdrawn_at IS NULL GROUP BY 1, 2`,
      [versions.map((v) => v.documentId), versions.map((v) => v.version)],
    );
    return new Map(rows.map((r) => [versionKey(r), r.n]));
  }

  /** Every endorsement of a version, active and withdrawn, in the order they were made. */
  async ofVersion(documentId: string, version: number): Promise<EndorsementRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.document_id = $1 AND e.version_number = $2 ORDER BY e.endorsed_at, e.id`, [
      documentId,
      version,
    ]);
  }
}
