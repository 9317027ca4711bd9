import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications, follows and e-mail (issue #20, decision 0042). Notifications are derived from the
 * audit log after commit, in a transaction that also advances `notifier_cursors` (one row per
 * chain): each event is read once, even across a crash. `dedupe_key` makes the derivation and the
 * reminders idempotent. E-mail deliveries are rendered once, stored, and sent by jobs of a
 * PostgreSQL queue (pg-boss, its own schema); a delivery's status says whether it left. None of
 * this is audited: preferences are private and what was sent reports acts the log already holds.
 */
export class Notifications1796800000000 implements MigrationInterface {
  name = 'Notifications1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE people ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language ~ '^[a-z]{2}(-[A-Za-z]{2,4})?$');
      ALTER TABLE people ADD COLUMN email_verified_at timestamptz;
      -- Members a comment mentions, with their affiliation when mentioned (as comment.posted records them).
      ALTER TABLE comments ADD COLUMN mentions jsonb NOT NULL DEFAULT '[]';

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES people(id),
        kind text NOT NULL,
        dedupe_key text NOT NULL,
        working_group_id uuid REFERENCES working_groups(id),
        document_id uuid REFERENCES documents(id),
        link text NOT NULL,
        data jsonb NOT NULL,
        source_scope text,
        source_sequence bigint,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        -- false: the recipient wants this kind by e-mail only (the centre does not show it).
        in_app boolean NOT NULL,
        email_mode text NOT NULL CHECK (email_mode IN ('immediately', 'daily', 'weekly', 'never')),
        email_delivery_id uuid,
        UNIQUE (recipient_id, kind, dedupe_key)
      );
      CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC, id DESC) WHERE in_app;
      CREATE INDEX notifications_unread_idx ON notifications (recipient_id) WHERE read_at IS NULL AND in_app;
      CREATE INDEX notifications_mail_due_idx ON notifications (email_mode, created_at) WHERE email_delivery_id IS NULL AND email_mode <> 'never';

      CREATE TABLE notification_preferences (
        person_id uuid NOT NULL REFERENCES people(id),
        kind text NOT NULL,
        in_app boolean NOT NULL,
        email text NOT NULL CHECK (email IN ('immediately', 'daily', 'weekly', 'never')),
        PRIMARY KEY (person_id, kind)
      );

      CREATE TABLE follows (
        person_id uuid NOT NULL REFERENCES people(id),
        target_type text NOT NULL CHECK (target_type IN ('working-group', 'document', 'clause')),
        target_id uuid NOT NULL,
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, target_type, target_id)
      );
      CREATE INDEX follows_target_idx ON follows (target_type, target_id);

      CREATE TABLE notifier_cursors (
        scope text PRIMARY KEY,
        sequence bigint NOT NULL CHECK (sequence >= 0)
      );
      -- A database that already has a history is not notified of its past.
      INSERT INTO notifier_cursors (scope, sequence) SELECT scope, last_sequence FROM audit_chains;

      CREATE TABLE email_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES people(id),
        to_address text NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('immediate', 'daily-digest', 'weekly-digest', 'verification')),
        dedupe_key text NOT NULL UNIQUE,
        language text NOT NULL,
        message_id text NOT NULL UNIQUE,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        transport text CHECK (transport IN ('smtp', 'outbox')),
        status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      );
      CREATE INDEX email_deliveries_outbox_idx ON email_deliveries (created_at DESC, id DESC) WHERE transport = 'outbox';
      CREATE INDEX email_deliveries_recipient_idx ON email_deliveries (recipient_id, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE email_deliveries; DROP TABLE notifier_cursors; DROP TABLE follows;
      DROP TABLE notification_preferences; DROP TABLE notifications;
      ALTER TABLE comments DROP COLUMN mentions; ALTER TABLE people DROP COLUMN email_verified_at; ALTER TABLE people DROP COLUMN language;
    `);
  }
}
