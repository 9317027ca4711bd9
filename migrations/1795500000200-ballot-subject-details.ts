import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a ballot on a subject is about, as data (kind of amendment, clause label, document title and
 * version; or the chair's name, organisation and group), recorded when it opens so the web can say
 * its title in the reader's language. Part of the ballot's fixed terms: a trigger beside
 * ballots_guard refuses to change it. Older ballots have none and keep showing their stored title.
 */
export class BallotSubjectDetails1795500000200 implements MigrationInterface {
  name = 'BallotSubjectDetails1795500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ballots ADD COLUMN subject_details jsonb;
      ALTER TABLE ballots ADD CONSTRAINT ballots_subject_details_type CHECK (subject_details IS NULL OR subject_details->>'type' = subject_type);
      CREATE FUNCTION ballots_subject_details_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.subject_details IS DISTINCT FROM OLD.subject_details THEN
          RAISE EXCEPTION 'a ballot''s terms never change: an open ballot can only be closed, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ballots_subject_details_guard BEFORE UPDATE ON ballots FOR EACH ROW EXECUTE FUNCTION ballots_subject_details_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER ballots_subject_details_guard ON ballots;
      DROP FUNCTION ballots_subject_details_guard;
      ALTER TABLE ballots DROP COLUMN subject_details;
    `);
  }
}
