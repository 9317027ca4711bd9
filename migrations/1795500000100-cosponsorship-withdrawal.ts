import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A co-sponsor may withdraw their co-sponsorship while the amendment is proposed: the row is kept
 * with the time it was withdrawn (never deleted, never otherwise edited), and they may co-sponsor
 * again later as a new row. So the primary key gives way to a unique index on current co-sponsorships.
 */
export class CosponsorshipWithdrawal1795500000100 implements MigrationInterface {
  name = 'CosponsorshipWithdrawal1795500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE amendment_cosponsors ADD COLUMN withdrawn_at timestamptz;
      ALTER TABLE amendment_cosponsors ADD CHECK (withdrawn_at IS NULL OR withdrawn_at >= created_at);
      ALTER TABLE amendment_cosponsors DROP CONSTRAINT amendment_cosponsors_pkey;
      CREATE UNIQUE INDEX amendment_cosponsors_current_idx ON amendment_cosponsors (amendment_id, person_id) WHERE withdrawn_at IS NULL;
      CREATE INDEX amendment_cosponsors_amendment_idx ON amendment_cosponsors (amendment_id, created_at);

      CREATE OR REPLACE FUNCTION amendment_cosponsors_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL
           AND NEW.amendment_id = OLD.amendment_id AND NEW.person_id = OLD.person_id
           AND NEW.snapshot = OLD.snapshot AND NEW.created_at = OLD.created_at THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'co-sponsorships are never edited or removed; only withdrawn, once' USING ERRCODE = 'P0001';
      END $$;
    `);
  }

  /** Refuses to run while a withdrawn co-sponsorship and a later one share a person and an amendment (the old key could not hold both). */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION amendment_cosponsors_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'co-sponsorships are never edited or removed' USING ERRCODE = 'P0001';
      END $$;
      DROP INDEX amendment_cosponsors_amendment_idx;
      DROP INDEX amendment_cosponsors_current_idx;
      ALTER TABLE amendment_cosponsors ADD PRIMARY KEY (amendment_id, person_id);
      ALTER TABLE amendment_cosponsors DROP COLUMN withdrawn_at;
    `);
  }
}
