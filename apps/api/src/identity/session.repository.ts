import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hashSessionToken } from './session-token';

export interface SessionWithPerson {
  sessionId: string;
  personId: string;
  name: string;
  email: string;
  isSteward: boolean;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(manager: EntityManager, personId: string, token: string, expiresAt: Date): Promise<string> {
    const rows: { id: string }[] = await manager.query(`INSERT INTO sessions (person_id, token_hash, expires_at) VALUES ($1,$2,$3) RETURNING id`, [personId, hashSessionToken(token), expiresAt]);
    return rows[0].id;
  }

  async findLive(token: string, now: Date): Promise<SessionWithPerson | null> {
    const rows = await this.dataSource.query(
      `SELECT s.id AS "sessionId", p.id AS "personId", p.name, p.email, p.is_steward AS "isSteward"
         FROM sessions s JOIN people p ON p.id = s.person_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [hashSessionToken(token), now],
    );
    return rows[0] ?? null;
  }

  async revoke(sessionId: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now]);
  }
}
