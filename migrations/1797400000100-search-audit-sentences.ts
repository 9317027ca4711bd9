import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit sentences in search (issue #25, decision 0053): "who chaired what".
 * - `search_audit_phrases`: the words a sentence is made of, per language (the six): each act as
 *   the group and document feeds word it (`act:<action>`), the stakeholder groups' names, the
 *   platform as actor, quotation marks. The API writes them at start from its feed catalogue
 *   (SearchAuditPhrases) and, when they changed, calls `search_audit_reindex()`: every act indexed
 *   again in the new words (the first start after this migration is the backfill).
 * - `search_audit_sentence(language, …)`: the act as one sentence: the actor with the affiliation
 *   recorded at the act, what they did, on which group or document, then the names the act is
 *   about (the chair confirmed, the nominee, the applicant…). Never a text's words: a comment's
 *   body or an amendment's wording stay out, as they stay out of the feeds.
 * - Every act of a working group's chain that the feeds carry is indexed by an AFTER INSERT
 *   statement trigger on audit_events, in the event's transaction: kind 'audit', body the English
 *   sentence, the tsvector of the sentence in all six languages, the group, the document, the
 *   version whose members-only terms govern it (the version the act names, else the document's
 *   current version), the actor and their snapshot (organisation and stakeholder group filters),
 *   the event's scope and sequence (the link to its audit page). Single votes, turns at the floor
 *   and check-ins are never indexed (the feeds' rule; secret and hidden-until-close ballots stay so).
 */
const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** The INSERT that indexes the audit events read from `rows`. */
const INDEX_AUDIT = (rows: string) => `
  INSERT INTO search_entries (kind, source_id, working_group_id, document_id, version_id, version_number, clause_id, language, author_id, snapshot, at,
                              title, body, detail, organisation_id, stakeholder_group, tsv, audit_scope, audit_sequence)
  SELECT 'audit', md5(a.scope || ':' || a.sequence)::uuid, g.id, d.id, v.id, v.number, NULL, NULL, a.actor_id, a.actor_snapshot, a.occurred_at,
         NULL, s.en, a.action, search_uuid(a.actor_snapshot->>'organisationId'), a.actor_snapshot->>'stakeholderGroup', s.tsv, a.scope, a.sequence
    FROM ${rows} a
    JOIN working_groups g ON a.scope LIKE 'wg:%' AND g.id = search_uuid(substr(a.scope, 4))
    LEFT JOIN documents d ON d.id = search_uuid(CASE WHEN a.action = 'document.created' THEN a.subject_id ELSE a.change->>'documentId' END)
    LEFT JOIN document_versions v ON v.document_id = d.id
          AND v.number = coalesce(search_int(a.change->'version'), search_int(a.change->'number'), search_int(a.change->'baseVersion'), d.current_version)
   CROSS JOIN LATERAL (
     SELECT search_audit_sentence('en', a.action, a.actor_name, a.actor_snapshot, a.change, g.name, d.title, v.number) AS en,
            ${LANGUAGES.map((l) => `to_tsvector(parley_search_config('${l}'), coalesce(search_audit_sentence('${l}', a.action, a.actor_name, a.actor_snapshot, a.change, g.name, d.title, v.number), ''))`).join('\n || ')}
            AS tsv
   ) s
   WHERE s.en IS NOT NULL AND a.action NOT LIKE 'vote.%' AND a.action NOT LIKE 'meeting.floor-%' AND a.action <> 'meeting.attendance-recorded'
  ON CONFLICT (kind, source_id, version_id) DO NOTHING`;

export class SearchAuditSentences1797400000100 implements MigrationInterface {
  name = 'SearchAuditSentences1797400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE search_entries DROP CONSTRAINT search_entries_kind_check;
      ALTER TABLE search_entries ADD CONSTRAINT search_entries_kind_check
        CHECK (kind IN ('clause','comment','amendment','ballot','explanation','person','organisation','working-group','audit'));
      ALTER TABLE search_entries ADD COLUMN audit_scope text, ADD COLUMN audit_sequence bigint,
        ADD CONSTRAINT search_entries_audit_link CHECK ((kind = 'audit') = (audit_scope IS NOT NULL AND audit_sequence IS NOT NULL));

      -- A uuid or an integer read from an event's change, or null when it is not one (an act never fails for its index).
      CREATE FUNCTION search_uuid(t text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN t ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN t::uuid END $$;
      CREATE FUNCTION search_int(j jsonb) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN jsonb_typeof(j) = 'number' AND (j #>> '{}') ~ '^[0-9]{1,9}$' THEN (j #>> '{}')::int END $$;

      CREATE TABLE search_audit_phrases (language text NOT NULL, key text NOT NULL, phrase text NOT NULL, PRIMARY KEY (language, key));

      CREATE FUNCTION search_audit_phrase(language text, key text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT phrase FROM search_audit_phrases p WHERE p.language = $1 AND p.key = $2 $$;

      -- The act as one sentence in a language, as the feeds word it, then the names it is about; null for an act without wording.
      CREATE FUNCTION search_audit_sentence(language text, action text, actor_name text, snapshot jsonb, change jsonb, group_name text, doc_title text, n int)
      RETURNS text LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        template text := search_audit_phrase(language, 'act:' || action);
        open_q text := search_audit_phrase(language, 'quote-open');
        close_q text := search_audit_phrase(language, 'quote-close');
        actor text;
        sg text;
        names text;
      BEGIN
        IF template IS NULL THEN RETURN NULL; END IF;
        IF actor_name IS NULL THEN
          actor := search_audit_phrase(language, 'platform');
        ELSIF snapshot IS NULL OR snapshot->>'organisationName' IS NULL THEN
          actor := actor_name;
        ELSE
          sg := coalesce(search_audit_phrase(language, 'sg:' || (snapshot->>'stakeholderGroup')), snapshot->>'stakeholderGroup', '');
          actor := CASE language WHEN 'zh' THEN actor_name || '（' || (snapshot->>'organisationName') || '，' || sg || '）'
                                 WHEN 'ar' THEN actor_name || ' (' || (snapshot->>'organisationName') || '، ' || sg || ')'
                                 ELSE actor_name || ' (' || (snapshot->>'organisationName') || ', ' || sg || ')' END;
        END IF;
        template := replace(template, '{doc}', open_q || coalesce(doc_title, group_name, '') || close_q);
        template := replace(template, '{group}', open_q || coalesce(group_name, '') || close_q);
        template := regexp_replace(replace(template, '{n}', coalesce(n::text, '')), ' {2,}', ' ', 'g');
        names := concat_ws(', ', change->>'name', change->>'nomineeName', change->>'applicantName', change->>'grantorName', change->>'holderName');
        RETURN actor || CASE language WHEN 'zh' THEN '' ELSE ' ' END || template || CASE WHEN names <> '' THEN ' — ' || names ELSE '' END;
      END $$;

      CREATE FUNCTION search_index_audit_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${INDEX_AUDIT('added')}; RETURN NULL; END $$;
      CREATE TRIGGER search_index AFTER INSERT ON audit_events REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_index_audit_events();

      -- Every act of the log indexed again, in the words search_audit_phrases now holds.
      CREATE FUNCTION search_audit_reindex() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM search_entries WHERE kind = 'audit'; ${INDEX_AUDIT('audit_events')}; END $$;
    `);
    // The phrases are the API's (SearchAuditPhrases writes them at start, and re-indexes every act when they change): the backfill happens then.
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER search_index ON audit_events;
      DROP FUNCTION search_index_audit_events();
      DROP FUNCTION search_audit_reindex();
      DELETE FROM search_entries WHERE kind = 'audit';
      DROP FUNCTION search_audit_sentence(text, text, text, jsonb, jsonb, text, text, int);
      DROP FUNCTION search_audit_phrase(text, text);
      DROP TABLE search_audit_phrases;
      DROP FUNCTION search_int(jsonb);
      DROP FUNCTION search_uuid(text);
      ALTER TABLE search_entries DROP CONSTRAINT search_entries_audit_link, DROP COLUMN audit_scope, DROP COLUMN audit_sequence;
      ALTER TABLE search_entries DROP CONSTRAINT search_entries_kind_check;
      ALTER TABLE search_entries ADD CONSTRAINT search_entries_kind_check
        CHECK (kind IN ('clause','comment','amendment','ballot','explanation','person','organisation','working-group'));
    `);
  }
}
