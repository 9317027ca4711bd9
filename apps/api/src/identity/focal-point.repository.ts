import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ConfirmationStatus, ConfirmerRole } from '@parley/domain';

export interface FocalPointRow {
  id: string;
  organisationId: string;
  personId: string;
  personName: string;
  title: string | null;
  appointedBy: string;
  appointedByName: string;
  appointedAs: ConfirmerRole;
  appointedAt: Date;
  appointmentReason: string | null;
  endedAt: Date | null;
  endedBy: string | null;
  endedByName: string | null;
  endReason: string | null;
}

/** An affiliation as a confirmation decision reads it (row-locked). */
export interface AffiliationForDecision {
  id: string;
  personId: string;
  personName: string;
  organisationId: string;
  organisationName: string;
  status: ConfirmationStatus;
  endDate: string | null;
}

export interface PendingAffiliationRow {
  affiliationId: string;
  personId: string;
  personName: string;
  organisationId: string;
  organisationName: string;
  stakeholderGroup: string;
  subtype: string;
  verified: boolean;
  title: string;
  startDate: string;
  endDate: string | null;
  declaredAt: Date;
}

/** "Current on `today`": started, not ended (end date exclusive), as isAffiliationCurrent says. */
const CURRENT = `a.start_date <= $TODAY::date AND (a.end_date IS NULL OR a.end_date > $TODAY::date)`;
const current = (param: string) => CURRENT.replace(/\$TODAY/g, param);

const FOCAL_POINT_COLUMNS = `f.id, f.organisation_id AS "organisationId", f.person_id AS "personId", p.name AS "personName",
  (SELECT a.title FROM affiliations a WHERE a.person_id = f.person_id AND a.organisation_id = f.organisation_id ORDER BY a.start_date DESC LIMIT 1) AS title,
  f.appointed_by AS "appointedBy", ap.name AS "appointedByName", f.appointed_as AS "appointedAs", f.appointed_at AS "appointedAt",
  f.appointment_reason AS "appointmentReason", f.ended_at AS "endedAt", f.ended_by AS "endedBy", ep.name AS "endedByName", f.end_reason AS "endReason"`;
const FOCAL_POINT_FROM = `focal_points f JOIN people p ON p.id = f.person_id JOIN people ap ON ap.id = f.appointed_by LEFT JOIN people ep ON ep.id = f.ended_by`;

/**
 * Focal points and the confirmation columns of affiliations. A person acts as a focal point of an
 * organisation while their appointment is open AND they hold a current, confirmed affiliation to it
 * (someone who left the organisation stops answering for it, without anyone ending the appointment).
 */
@Injectable()
export class FocalPointRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async isActing(manager: EntityManager | undefined, organisationId: string, personId: string, today: string): Promise<boolean> {
    const rows = await this.m(manager).query(
      `SELECT 1 FROM focal_points f WHERE f.organisation_id = $1 AND f.person_id = $2 AND f.ended_at IS NULL
         AND EXISTS (SELECT 1 FROM affiliations a WHERE a.person_id = f.person_id AND a.organisation_id = f.organisation_id AND a.confirmation_status = 'confirmed' AND ${current('$3')})`,
      [organisationId, personId, today],
    );
    return rows.length > 0;
  }

  /** The organisations a person currently answers for. */
  actingFor(manager: EntityManager | undefined, personId: string, today: string): Promise<{ id: string; name: string }[]> {
    return this.m(manager).query(
      `SELECT o.id, o.name FROM focal_points f JOIN organisations o ON o.id = f.organisation_id
        WHERE f.person_id = $1 AND f.ended_at IS NULL
          AND EXISTS (SELECT 1 FROM affiliations a WHERE a.person_id = f.person_id AND a.organisation_id = f.organisation_id AND a.confirmation_status = 'confirmed' AND ${current('$2')})
        ORDER BY lower(o.name)`,
      [personId, today],
    );
  }

  async hasOpenAppointments(manager: EntityManager, organisationId: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM focal_points WHERE organisation_id = $1 AND ended_at IS NULL LIMIT 1`, [organisationId])).length > 0;
  }

  openAppointments(manager: EntityManager | undefined, organisationId: string): Promise<FocalPointRow[]> {
    return this.m(manager).query(`SELECT ${FOCAL_POINT_COLUMNS} FROM ${FOCAL_POINT_FROM} WHERE f.organisation_id = $1 AND f.ended_at IS NULL ORDER BY f.appointed_at, f.id`, [organisationId]);
  }

  async find(manager: EntityManager, id: string): Promise<FocalPointRow | null> {
    const rows: FocalPointRow[] = await manager.query(`SELECT ${FOCAL_POINT_COLUMNS} FROM ${FOCAL_POINT_FROM} WHERE f.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Serialises appointments and decisions of one organisation. */
  async lockOrganisation(manager: EntityManager, organisationId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('focal-points:' || $1))`, [organisationId]);
  }

  async insert(manager: EntityManager, f: { organisationId: string; personId: string; appointedBy: string; appointedAs: ConfirmerRole; appointedAt: Date; reason: string | null }): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO focal_points (organisation_id, person_id, appointed_by, appointed_as, appointed_at, appointment_reason) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [f.organisationId, f.personId, f.appointedBy, f.appointedAs, f.appointedAt, f.reason],
    );
    return row.id;
  }

  async end(manager: EntityManager, id: string, e: { by: string; as: ConfirmerRole; at: Date; reason: string | null }): Promise<void> {
    await manager.query(`UPDATE focal_points SET ended_at = $2, ended_by = $3, ended_as = $4, end_reason = $5 WHERE id = $1 AND ended_at IS NULL`, [id, e.at, e.by, e.as, e.reason]);
  }

  /** The person's current affiliation to the organisation that best speaks for it: confirmed first, then pending, then the others. */
  async currentAffiliationTo(manager: EntityManager, personId: string, organisationId: string, today: string): Promise<{ id: string; status: ConfirmationStatus } | null> {
    const rows = await manager.query(
      `SELECT a.id, a.confirmation_status AS status FROM affiliations a WHERE a.person_id = $1 AND a.organisation_id = $2 AND ${current('$3')}
        ORDER BY CASE a.confirmation_status WHEN 'confirmed' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, a.start_date DESC, a.created_at DESC LIMIT 1 FOR UPDATE OF a`,
      [personId, organisationId, today],
    );
    return rows[0] ?? null;
  }

  async organisationOfAffiliation(manager: EntityManager, id: string): Promise<string | null> {
    const rows = await manager.query(`SELECT organisation_id AS id FROM affiliations WHERE id = $1`, [id]);
    return rows[0]?.id ?? null;
  }

  async lockAffiliation(manager: EntityManager, id: string): Promise<AffiliationForDecision | null> {
    const rows = await manager.query(
      `SELECT a.id, a.person_id AS "personId", p.name AS "personName", a.organisation_id AS "organisationId", o.name AS "organisationName",
              a.confirmation_status AS status, to_char(a.end_date, 'YYYY-MM-DD') AS "endDate"
         FROM affiliations a JOIN people p ON p.id = a.person_id JOIN organisations o ON o.id = a.organisation_id
        WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    );
    return rows[0] ?? null;
  }

  async confirm(manager: EntityManager, id: string, c: { by: string; as: ConfirmerRole; at: Date; reason: string | null }): Promise<void> {
    await manager.query(
      `UPDATE affiliations SET confirmation_status = 'confirmed', confirmed_by = $2, confirmed_as = $3, confirmed_at = $4, confirmation_reason = $5 WHERE id = $1 AND confirmation_status = 'pending'`,
      [id, c.by, c.as, c.at, c.reason],
    );
  }

  async close(manager: EntityManager, id: string, status: Extract<ConfirmationStatus, 'refused' | 'ended'>, c: { by: string; as: ConfirmerRole; at: Date; reason: string }): Promise<void> {
    await manager.query(
      `UPDATE affiliations SET confirmation_status = $2, confirmation_closed_by = $3, confirmation_closed_as = $4, confirmation_closed_at = $5, confirmation_closed_reason = $6 WHERE id = $1`,
      [id, status, c.by, c.as, c.at, c.reason],
    );
  }

  /** Current affiliations awaiting confirmation, oldest first: of some organisations, or of all (a steward's view). */
  pending(manager: EntityManager | undefined, organisationIds: string[] | 'all', today: string, limit = 500): Promise<PendingAffiliationRow[]> {
    const where = organisationIds === 'all' ? '' : `AND a.organisation_id = ANY($3::uuid[])`;
    return this.m(manager).query(
      `SELECT a.id AS "affiliationId", a.person_id AS "personId", p.name AS "personName", o.id AS "organisationId", o.name AS "organisationName",
              o.stakeholder_group AS "stakeholderGroup", o.subtype, o.verified_at IS NOT NULL AS verified, a.title,
              to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.end_date, 'YYYY-MM-DD') AS "endDate", a.created_at AS "declaredAt"
         FROM affiliations a JOIN people p ON p.id = a.person_id JOIN organisations o ON o.id = a.organisation_id
        WHERE a.confirmation_status = 'pending' AND (a.end_date IS NULL OR a.end_date > $1::date) ${where}
        ORDER BY a.created_at, a.id LIMIT $2`,
      organisationIds === 'all' ? [today, limit] : [today, limit, organisationIds],
    );
  }

  async pendingCount(organisationId: string, today: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM affiliations a WHERE a.organisation_id = $1 AND a.confirmation_status = 'pending' AND (a.end_date IS NULL OR a.end_date > $2::date)`,
      [organisationId, today],
    );
    return row.n;
  }

  /** People holding a current confirmed affiliation to the organisation. */
  confirmedPeople(organisationId: string, today: string): Promise<{ personId: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT a.person_id AS "personId", p.name FROM affiliations a JOIN people p ON p.id = a.person_id
        WHERE a.organisation_id = $1 AND a.confirmation_status = 'confirmed' AND ${current('$2')} ORDER BY p.name`,
      [organisationId, today],
    );
  }
}
