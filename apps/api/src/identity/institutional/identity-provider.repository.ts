import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ProviderRow {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecretSealed: string;
  domains: string[];
  organisationId: string | null;
  organisationName: string | null;
  enabled: boolean;
  lapseDays: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface LinkRow {
  id: string;
  providerId: string;
  providerName: string;
  providerEnabled: boolean;
  /** The issuer that stated this subject (decision record 0049, security review H1). */
  issuer: string;
  subject: string;
  personId: string;
  email: string | null;
  linkedAt: Date;
  lastSignInAt: Date | null;
}

export interface AttemptRow {
  providerId: string;
  purpose: 'sign-in' | 'link';
  personId: string | null;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  redirectUri: string;
}

/** An affiliation an identity provider confirmed and that is still confirmed, with what its vouch rests on. */
export interface ProviderConfirmationRow {
  affiliationId: string;
  personId: string;
  personName: string;
  organisationId: string;
  organisationName: string;
  providerId: string;
  email: string | null;
  lastSignInAt: Date | null;
}

const PROVIDER = `p.id, p.name, p.issuer, p.client_id AS "clientId", p.client_secret_sealed AS "clientSecretSealed", p.domains, p.organisation_id AS "organisationId",
  o.name AS "organisationName", p.enabled, p.lapse_days AS "lapseDays", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const LINK = `l.id, l.provider_id AS "providerId", p.name AS "providerName", p.enabled AS "providerEnabled", l.issuer, l.subject, l.person_id AS "personId", l.email, l.linked_at AS "linkedAt", l.last_sign_in_at AS "lastSignInAt"`;

/** Identity providers, the identities linked to people, and sign-ins in flight (decision record 0049). */
@Injectable()
export class IdentityProviderRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  list(manager?: EntityManager): Promise<ProviderRow[]> {
    return this.m(manager).query(`SELECT ${PROVIDER} FROM identity_providers p LEFT JOIN organisations o ON o.id = p.organisation_id ORDER BY lower(p.name)`);
  }

  async find(manager: EntityManager | undefined, id: string, lock = false): Promise<ProviderRow | null> {
    const rows: ProviderRow[] = await this.m(manager).query(
      `SELECT ${PROVIDER} FROM identity_providers p LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async nameTaken(manager: EntityManager, name: string, except: string | null): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM identity_providers WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2`, [name, except])).length > 0;
  }

  async insert(manager: EntityManager, p: Omit<ProviderRow, 'id' | 'organisationName' | 'createdAt' | 'updatedAt'>, now: Date): Promise<string> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('parley:identity-provider-names'))`);
    const [row] = await manager.query(
      `INSERT INTO identity_providers (name, issuer, client_id, client_secret_sealed, domains, organisation_id, enabled, lapse_days, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
      [p.name, p.issuer, p.clientId, p.clientSecretSealed, p.domains, p.organisationId, p.enabled, p.lapseDays, now],
    );
    return row.id;
  }

  async update(manager: EntityManager, id: string, p: Omit<ProviderRow, 'id' | 'organisationName' | 'createdAt' | 'updatedAt'>, now: Date): Promise<void> {
    await manager.query(
      `UPDATE identity_providers SET name = $2, issuer = $3, client_id = $4, client_secret_sealed = $5, domains = $6, organisation_id = $7, enabled = $8, lapse_days = $9, updated_at = $10 WHERE id = $1`,
      [id, p.name, p.issuer, p.clientId, p.clientSecretSealed, p.domains, p.organisationId, p.enabled, p.lapseDays, now],
    );
  }

  // ---- links ----

  async linkOf(manager: EntityManager, providerId: string, subject: string): Promise<LinkRow | null> {
    const rows: LinkRow[] = await manager.query(`SELECT ${LINK} FROM identity_provider_links l JOIN identity_providers p ON p.id = l.provider_id WHERE l.provider_id = $1 AND l.subject = $2 FOR UPDATE OF l`, [providerId, subject]);
    return rows[0] ?? null;
  }

  linksOfPerson(manager: EntityManager | undefined, personId: string): Promise<LinkRow[]> {
    return this.m(manager).query(`SELECT ${LINK} FROM identity_provider_links l JOIN identity_providers p ON p.id = l.provider_id WHERE l.person_id = $1 ORDER BY l.linked_at`, [personId]);
  }

  async insertLink(manager: EntityManager, l: { providerId: string; issuer: string; subject: string; personId: string; email: string | null }, now: Date): Promise<void> {
    await manager.query(`INSERT INTO identity_provider_links (provider_id, issuer, subject, person_id, email, linked_at, last_sign_in_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`, [
      l.providerId,
      l.issuer,
      l.subject,
      l.personId,
      l.email,
      now,
    ]);
  }

  async hasLinks(manager: EntityManager, providerId: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM identity_provider_links WHERE provider_id = $1 LIMIT 1`, [providerId])).length > 0;
  }

  /**
   * Ends the live sessions opened through a provider (of one person, or of everyone): its word no
   * longer stands behind them. Answers the ids ended, for their sockets to be disconnected after commit.
   */
  async endSessionsVia(manager: EntityManager, providerId: string, personId: string | null, ending: { now: Date; by: string | null }): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE sessions SET revoked_at = $3, revoked_by = $4, revoked_reason = 'provider-ended'
        WHERE signed_in_via = 'identity-provider' AND identity_provider_id = $1 AND ($2::uuid IS NULL OR person_id = $2)
          AND revoked_at IS NULL AND expires_at > $3
        RETURNING id`,
      [providerId, personId, ending.now, ending.by],
    );
    return rows.map((r) => r.id);
  }

  async touchLink(manager: EntityManager, id: string, email: string | null, now: Date): Promise<void> {
    await manager.query(`UPDATE identity_provider_links SET email = $2, last_sign_in_at = $3 WHERE id = $1`, [id, email, now]);
  }

  async deleteLink(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM identity_provider_links WHERE id = $1`, [id]);
  }

  // ---- sign-ins in flight ----

  async insertAttempt(manager: EntityManager | undefined, a: AttemptRow & { stateHash: string; bindingHash: string; expiresAt: Date }): Promise<void> {
    await this.m(manager).query(
      `INSERT INTO oidc_attempts (state_hash, binding_hash, provider_id, purpose, person_id, code_verifier, nonce, return_to, redirect_uri, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [a.stateHash, a.bindingHash, a.providerId, a.purpose, a.personId, a.codeVerifier, a.nonce, a.returnTo, a.redirectUri, a.expiresAt],
    );
  }

  /** Takes the attempt this state names, if this browser started it and it has not expired: gone once taken (the caller's transaction commits it). */
  async takeAttempt(manager: EntityManager, stateHash: string, bindingHash: string, now: Date): Promise<AttemptRow | null> {
    const [rows] = await manager.query(
      `DELETE FROM oidc_attempts WHERE state_hash = $1 AND binding_hash = $2 AND expires_at > $3
       RETURNING provider_id AS "providerId", purpose, person_id AS "personId", code_verifier AS "codeVerifier", nonce, return_to AS "returnTo", redirect_uri AS "redirectUri"`,
      [stateHash, bindingHash, now],
    );
    return (rows as AttemptRow[])[0] ?? null;
  }

  async purgeExpiredAttempts(manager: EntityManager, now: Date): Promise<number> {
    const [, count] = await manager.query(`DELETE FROM oidc_attempts WHERE expires_at <= $1`, [now]);
    return Number(count ?? 0);
  }

  // ---- confirmations by providers ----

  /** Affiliations a provider confirmed that are still confirmed (locked), with the e-mail and last sign-in of the person's link to it. */
  confirmationsBy(manager: EntityManager, providerId: string | null, personId: string | null = null): Promise<ProviderConfirmationRow[]> {
    return manager.query(
      `SELECT a.id AS "affiliationId", a.person_id AS "personId", pe.name AS "personName", a.organisation_id AS "organisationId", o.name AS "organisationName",
              a.confirmed_by_provider AS "providerId", l.email, l.last_sign_in_at AS "lastSignInAt"
         FROM affiliations a
         JOIN people pe ON pe.id = a.person_id
         JOIN organisations o ON o.id = a.organisation_id
         LEFT JOIN identity_provider_links l ON l.provider_id = a.confirmed_by_provider AND l.person_id = a.person_id
        WHERE a.confirmation_status = 'confirmed' AND a.confirmed_by_provider IS NOT NULL
          AND ($1::uuid IS NULL OR a.confirmed_by_provider = $1) AND ($2::uuid IS NULL OR a.person_id = $2)
        ORDER BY a.id
        FOR UPDATE OF a`,
      [providerId, personId],
    );
  }

  async confirmByProvider(manager: EntityManager, affiliationId: string, providerId: string, now: Date, reason: string): Promise<void> {
    await manager.query(
      `UPDATE affiliations SET confirmation_status = 'confirmed', confirmed_by_provider = $2, confirmed_as = 'identity-provider', confirmed_at = $3, confirmation_reason = $4
        WHERE id = $1 AND confirmation_status = 'pending'`,
      [affiliationId, providerId, now, reason],
    );
  }

  async endByProvider(manager: EntityManager, affiliationId: string, providerId: string, now: Date, reason: string): Promise<void> {
    await manager.query(
      `UPDATE affiliations SET confirmation_status = 'ended', confirmation_closed_by_provider = $2, confirmation_closed_as = 'identity-provider', confirmation_closed_at = $3, confirmation_closed_reason = $4
        WHERE id = $1 AND confirmation_status = 'confirmed'`,
      [affiliationId, providerId, now, reason],
    );
  }
}
