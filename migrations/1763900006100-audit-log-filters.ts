import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the public audit log's filters and keyset pages: every chain read together in time
 * order (time, scope, sequence), by actor, by the organisation of the actor's snapshot, and by
 * action. One chain alone reads by its primary key (scope, sequence).
 */
export class AuditLogFilters1763900006100 implements MigrationInterface {
  name = 'AuditLogFilters1763900006100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX audit_events_log_idx ON audit_events (occurred_at, scope, sequence);
      CREATE INDEX audit_events_actor_time_idx ON audit_events (actor_id, occurred_at, scope, sequence);
      CREATE INDEX audit_events_organisation_idx ON audit_events ((actor_snapshot->>'organisationId'), occurred_at, scope, sequence);
      CREATE INDEX audit_events_action_idx ON audit_events (action text_pattern_ops, occurred_at);
      DROP INDEX audit_events_time_idx;
      DROP INDEX audit_events_actor_idx;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX audit_events_actor_idx ON audit_events (actor_id);
      CREATE INDEX audit_events_time_idx ON audit_events (occurred_at);
      DROP INDEX audit_events_action_idx; DROP INDEX audit_events_organisation_idx; DROP INDEX audit_events_actor_time_idx; DROP INDEX audit_events_log_idx;
    `);
  }
}
