import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafting: documents, their immutable versions and clauses, comments with dispositions, amendments
 * with co-sponsors, and adoption ballots. The database keeps history honest:
 * - a version and its clauses are never edited or deleted; a version can only be marked adopted, once;
 * - a comment's text, clause, author and snapshot never change; its disposition is given once;
 * - an amendment's content never changes; its status only moves forward along the allowed transitions;
 * - co-sponsorships are unique and never removed; nothing here is ever deleted.
 * Indexes serve the document page (per-clause counts by aggregate, never all comments at once) and
 * per-clause comment threads read a page at a time.
 */
export class Drafting1763900004000 implements MigrationInterface {
  name = 'Drafting1763900004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        title text NOT NULL CHECK (btrim(title) <> ''),
        status text NOT NULL DEFAULT 'drafting' CHECK (status IN ('drafting','adopted')),
        current_version int NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        created_by uuid NOT NULL REFERENCES people(id),
        author_snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX documents_group_idx ON documents (working_group_id, created_at, id);

      CREATE FUNCTION documents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'documents are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.working_group_id <> OLD.working_group_id OR NEW.title <> OLD.title OR NEW.created_by <> OLD.created_by
           OR NEW.author_snapshot <> OLD.author_snapshot OR NEW.created_at <> OLD.created_at THEN
          RAISE EXCEPTION 'a document only moves to its next version or to adopted' USING ERRCODE = 'P0001';
        END IF;
        IF OLD.status = 'adopted' THEN RAISE EXCEPTION 'an adopted document is frozen' USING ERRCODE = 'P0001'; END IF;
        IF NEW.current_version < OLD.current_version OR NEW.current_version > OLD.current_version + 1 THEN
          RAISE EXCEPTION 'versions are numbered one after the other' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER documents_guard BEFORE UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION documents_guard();

      CREATE TABLE document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        number int NOT NULL CHECK (number >= 1),
        created_by uuid NOT NULL REFERENCES people(id),
        author_snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        -- for versions after the first: applied / not applied / outdated / carried-forward amendments
        consolidation jsonb,
        adopted_at timestamptz,
        adoption_ballot_id uuid,
        CHECK ((number = 1) = (consolidation IS NULL)),
        CHECK ((adopted_at IS NULL) = (adoption_ballot_id IS NULL)),
        UNIQUE (document_id, number)
      );

      CREATE FUNCTION document_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'versions are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.adopted_at IS NOT NULL OR NEW.adopted_at IS NULL OR NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id
           OR NEW.number <> OLD.number OR NEW.created_by <> OLD.created_by OR NEW.author_snapshot <> OLD.author_snapshot
           OR NEW.created_at <> OLD.created_at OR NEW.consolidation IS DISTINCT FROM OLD.consolidation THEN
          RAISE EXCEPTION 'versions are immutable: a version can only be marked adopted, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER document_versions_guard BEFORE UPDATE OR DELETE ON document_versions FOR EACH ROW EXECUTE FUNCTION document_versions_guard();

      -- clause_id is stable across versions: the same clause keeps it when its text changes or it moves.
      CREATE TABLE version_clauses (
        version_id uuid NOT NULL REFERENCES document_versions(id),
        clause_id uuid NOT NULL,
        position int NOT NULL CHECK (position >= 0),
        kind text NOT NULL CHECK (kind IN ('heading','preamble','operative')),
        text text NOT NULL,
        PRIMARY KEY (version_id, clause_id),
        UNIQUE (version_id, position)
      );
      CREATE FUNCTION version_clauses_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the clauses of a version never change' USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER version_clauses_guard BEFORE UPDATE OR DELETE ON version_clauses FOR EACH ROW EXECUTE FUNCTION version_clauses_guard();

      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        version_id uuid NOT NULL,
        version_number int NOT NULL,
        clause_id uuid NOT NULL,
        -- the top-level comment of the thread; null for a top-level comment
        parent_id uuid REFERENCES comments(id),
        kind text NOT NULL CHECK (kind IN ('general','technical','editorial','clarification')),
        body text NOT NULL CHECK (btrim(body) <> ''),
        quote text,
        quote_start int,
        quote_end int,
        author_id uuid NOT NULL REFERENCES people(id),
        author_snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        disposition text CHECK (disposition IN ('accepted','noted','rejected')),
        disposition_reason text,
        disposed_by uuid REFERENCES people(id),
        disposer_snapshot jsonb,
        disposed_at timestamptz,
        FOREIGN KEY (version_id, clause_id) REFERENCES version_clauses (version_id, clause_id),
        CHECK ((quote IS NULL) = (quote_start IS NULL) AND (quote IS NULL) = (quote_end IS NULL)),
        CHECK (quote_start IS NULL OR (quote_start >= 0 AND quote_end > quote_start)),
        CHECK ((disposition IS NULL) = (disposition_reason IS NULL) AND (disposition IS NULL) = (disposed_by IS NULL)
               AND (disposition IS NULL) = (disposed_at IS NULL) AND (disposition IS NULL) = (disposer_snapshot IS NULL))
      );
      -- threads of one clause, a page at a time, and the per-clause counts of the document page
      CREATE INDEX comments_clause_threads_idx ON comments (document_id, clause_id, created_at, id) WHERE parent_id IS NULL;
      CREATE INDEX comments_clause_counts_idx ON comments (document_id, clause_id, version_number) INCLUDE (kind, disposition);
      CREATE INDEX comments_replies_idx ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL;
      CREATE INDEX comments_version_idx ON comments (document_id, version_number, created_at, id);
      CREATE INDEX comments_unanswered_idx ON comments (document_id, version_number) WHERE kind = 'clarification' AND disposition IS NULL;

      CREATE FUNCTION comments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'comments are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.disposition IS NOT NULL OR NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id OR NEW.version_id <> OLD.version_id
           OR NEW.version_number <> OLD.version_number OR NEW.clause_id <> OLD.clause_id OR NEW.parent_id IS DISTINCT FROM OLD.parent_id
           OR NEW.kind <> OLD.kind OR NEW.body <> OLD.body OR NEW.quote IS DISTINCT FROM OLD.quote
           OR NEW.quote_start IS DISTINCT FROM OLD.quote_start OR NEW.quote_end IS DISTINCT FROM OLD.quote_end
           OR NEW.author_id <> OLD.author_id OR NEW.author_snapshot <> OLD.author_snapshot OR NEW.created_at <> OLD.created_at THEN
          RAISE EXCEPTION 'comments are never edited: a comment can only receive its disposition, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER comments_guard BEFORE UPDATE OR DELETE ON comments FOR EACH ROW EXECUTE FUNCTION comments_guard();

      CREATE TABLE amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        kind text NOT NULL CHECK (kind IN ('replace','insert','delete')),
        -- the version it was written against, and the one it now applies to (later when carried forward)
        base_version int NOT NULL CHECK (base_version >= 1),
        applies_to_version int NOT NULL CHECK (applies_to_version >= base_version),
        -- replace/delete: the clause rewritten; insert: the clause it goes after (null: at the start)
        target_clause_id uuid,
        -- the target's text in the version it was written against (replace/delete)
        target_text text,
        text text,
        new_clause_kind text CHECK (new_clause_kind IN ('heading','preamble','operative')),
        rationale text NOT NULL CHECK (btrim(rationale) <> ''),
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','withdrawn','balloting','accepted','rejected','outdated')),
        status_note text,
        author_id uuid NOT NULL REFERENCES people(id),
        author_snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        ballot_id uuid,
        decided_at timestamptz,
        applied_in_version int,
        CHECK (kind = 'insert' OR (target_clause_id IS NOT NULL AND target_text IS NOT NULL)),
        CHECK ((kind = 'delete') = (text IS NULL)),
        CHECK ((kind = 'insert') = (new_clause_kind IS NOT NULL)),
        CHECK (status NOT IN ('balloting','accepted','rejected') OR ballot_id IS NOT NULL),
        CHECK (status NOT IN ('accepted','rejected') OR decided_at IS NOT NULL),
        CHECK (applied_in_version IS NULL OR (status = 'accepted' AND applied_in_version > applies_to_version))
      );
      CREATE INDEX amendments_document_idx ON amendments (document_id, created_at, id);
      CREATE INDEX amendments_target_idx ON amendments (document_id, target_clause_id, status);
      CREATE INDEX amendments_open_idx ON amendments (document_id, applies_to_version) WHERE status IN ('proposed','balloting','accepted') AND applied_in_version IS NULL;
      CREATE INDEX amendments_applied_idx ON amendments (document_id, applied_in_version) WHERE applied_in_version IS NOT NULL;
      CREATE UNIQUE INDEX amendments_ballot_idx ON amendments (ballot_id) WHERE ballot_id IS NOT NULL;

      CREATE FUNCTION amendments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'amendments are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id OR NEW.kind <> OLD.kind OR NEW.base_version <> OLD.base_version
           OR NEW.target_clause_id IS DISTINCT FROM OLD.target_clause_id OR NEW.target_text IS DISTINCT FROM OLD.target_text
           OR NEW.text IS DISTINCT FROM OLD.text OR NEW.new_clause_kind IS DISTINCT FROM OLD.new_clause_kind OR NEW.rationale <> OLD.rationale
           OR NEW.author_id <> OLD.author_id OR NEW.author_snapshot <> OLD.author_snapshot OR NEW.created_at <> OLD.created_at
           OR (OLD.ballot_id IS NOT NULL AND NEW.ballot_id IS DISTINCT FROM OLD.ballot_id)
           OR (OLD.decided_at IS NOT NULL AND NEW.decided_at IS DISTINCT FROM OLD.decided_at)
           OR (OLD.applied_in_version IS NOT NULL AND NEW.applied_in_version IS DISTINCT FROM OLD.applied_in_version)
           OR NEW.applies_to_version < OLD.applies_to_version THEN
          RAISE EXCEPTION 'an amendment''s content never changes' USING ERRCODE = 'P0001';
        END IF;
        IF NEW.status <> OLD.status AND NOT (
             (OLD.status = 'proposed' AND NEW.status IN ('withdrawn','balloting','outdated'))
          OR (OLD.status = 'balloting' AND NEW.status IN ('accepted','rejected','outdated'))
          OR (OLD.status = 'accepted' AND NEW.status = 'outdated' AND OLD.applied_in_version IS NULL)) THEN
          RAISE EXCEPTION 'an amendment cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'P0001';
        END IF;
        IF OLD.status IN ('withdrawn','rejected','outdated') THEN RAISE EXCEPTION 'a % amendment is final', OLD.status USING ERRCODE = 'P0001'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER amendments_guard BEFORE UPDATE OR DELETE ON amendments FOR EACH ROW EXECUTE FUNCTION amendments_guard();

      CREATE TABLE amendment_cosponsors (
        amendment_id uuid NOT NULL REFERENCES amendments(id),
        person_id uuid NOT NULL REFERENCES people(id),
        snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (amendment_id, person_id)
      );
      CREATE FUNCTION amendment_cosponsors_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'co-sponsorships are never edited or removed' USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER amendment_cosponsors_guard BEFORE UPDATE OR DELETE ON amendment_cosponsors FOR EACH ROW EXECUTE FUNCTION amendment_cosponsors_guard();

      -- Adoption ballots opened on a version, with the warnings the chair confirmed past; the outcome once closed.
      CREATE TABLE adoption_ballots (
        ballot_id uuid PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES documents(id),
        version_id uuid NOT NULL REFERENCES document_versions(id),
        version_number int NOT NULL,
        opened_by uuid NOT NULL REFERENCES people(id),
        opened_at timestamptz NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]',
        outcome text CHECK (outcome IN ('passed','failed','no-quorum')),
        closed_at timestamptz,
        CHECK ((outcome IS NULL) = (closed_at IS NULL))
      );
      CREATE INDEX adoption_ballots_version_idx ON adoption_ballots (version_id);
      CREATE UNIQUE INDEX adoption_ballots_one_open ON adoption_ballots (document_id) WHERE outcome IS NULL;
      CREATE FUNCTION adoption_ballots_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'adoption ballots are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.outcome IS NOT NULL OR NEW.ballot_id <> OLD.ballot_id OR NEW.document_id <> OLD.document_id OR NEW.version_id <> OLD.version_id
           OR NEW.version_number <> OLD.version_number OR NEW.opened_by <> OLD.opened_by OR NEW.opened_at <> OLD.opened_at
           OR NEW.warnings <> OLD.warnings THEN
          RAISE EXCEPTION 'an adoption ballot only records its outcome, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER adoption_ballots_guard BEFORE UPDATE OR DELETE ON adoption_ballots FOR EACH ROW EXECUTE FUNCTION adoption_ballots_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE adoption_ballots; DROP FUNCTION adoption_ballots_guard;
      DROP TABLE amendment_cosponsors; DROP FUNCTION amendment_cosponsors_guard;
      DROP TABLE amendments; DROP FUNCTION amendments_guard;
      DROP TABLE comments; DROP FUNCTION comments_guard;
      DROP TABLE version_clauses; DROP FUNCTION version_clauses_guard;
      DROP TABLE document_versions; DROP FUNCTION document_versions_guard;
      DROP TABLE documents; DROP FUNCTION documents_guard;
    `);
  }
}
