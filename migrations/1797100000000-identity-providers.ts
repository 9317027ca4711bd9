import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Institutional sign-in with OpenID Connect (issue #24, decision record 0049).
 * - `identity_providers`: registered by stewards; the client secret is sealed (AES-256-GCM, key
 *   derived from PARLEY_SECRET), never stored in clear.
 * - `identity_provider_links`: a provider's subject linked to a person (one per provider and person).
 * - `oidc_attempts`: a sign-in or link in flight: hashed state, PKCE verifier, nonce, the hash of the
 *   browser binding cookie; single use, ten minutes.
 * - `people.password_hash` may be null: an account created through a provider has no password.
 * - An affiliation may be confirmed (and its confirmation ended) by an identity provider:
 *   `confirmed_as = 'identity-provider'` with `confirmed_by_provider` instead of a person.
 */
export class IdentityProviders1797100000000 implements MigrationInterface {
  name = 'IdentityProviders1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity_providers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        issuer text NOT NULL,
        client_id text NOT NULL,
        client_secret_sealed text NOT NULL,
        domains text[] NOT NULL DEFAULT '{}',
        organisation_id uuid REFERENCES organisations(id),
        enabled boolean NOT NULL DEFAULT true,
        lapse_days integer NOT NULL DEFAULT 30 CHECK (lapse_days BETWEEN 1 AND 365),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX identity_providers_name ON identity_providers (lower(name));

      CREATE TABLE identity_provider_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider_id uuid NOT NULL REFERENCES identity_providers(id),
        subject text NOT NULL,
        person_id uuid NOT NULL REFERENCES people(id),
        -- The e-mail the provider last stated as verified (null: none), which its vouch rests on.
        email text,
        linked_at timestamptz NOT NULL,
        last_sign_in_at timestamptz,
        UNIQUE (provider_id, subject),
        UNIQUE (provider_id, person_id)
      );
      CREATE INDEX identity_provider_links_person ON identity_provider_links (person_id);

      CREATE TABLE oidc_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        state_hash text NOT NULL UNIQUE,
        binding_hash text NOT NULL,
        provider_id uuid NOT NULL REFERENCES identity_providers(id),
        purpose text NOT NULL CHECK (purpose IN ('sign-in','link')),
        person_id uuid REFERENCES people(id),
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        return_to text NOT NULL,
        redirect_uri text NOT NULL,
        expires_at timestamptz NOT NULL,
        CHECK ((purpose = 'link') = (person_id IS NOT NULL))
      );
      CREATE INDEX oidc_attempts_expiry ON oidc_attempts (expires_at);

      ALTER TABLE people ALTER COLUMN password_hash DROP NOT NULL;

      ALTER TABLE affiliations
        DROP CONSTRAINT affiliations_confirmation_shape,
        DROP CONSTRAINT affiliations_confirmed_as_check,
        DROP CONSTRAINT affiliations_confirmation_closed_as_check,
        ADD COLUMN confirmed_by_provider uuid REFERENCES identity_providers(id),
        ADD COLUMN confirmation_closed_by_provider uuid REFERENCES identity_providers(id),
        ADD CONSTRAINT affiliations_confirmed_as_check CHECK (confirmed_as IN ('focal-point','steward','identity-provider')),
        ADD CONSTRAINT affiliations_confirmation_closed_as_check CHECK (confirmation_closed_as IN ('focal-point','steward','identity-provider')),
        -- A provider's confirmation names the provider, a person's names the person: never both.
        ADD CONSTRAINT affiliations_provider_confirmation CHECK (
          (confirmed_by_provider IS NULL OR (confirmed_by IS NULL AND confirmed_as = 'identity-provider'))
          AND (confirmed_as IS DISTINCT FROM 'identity-provider' OR confirmed_by_provider IS NOT NULL)),
        ADD CONSTRAINT affiliations_confirmation_shape CHECK (
          ((confirmed_by IS NULL AND confirmed_by_provider IS NULL) = (confirmed_at IS NULL)) AND (confirmed_at IS NULL) = (confirmed_as IS NULL)
          AND (confirmation_closed_at IS NULL) = (confirmation_closed_as IS NULL) AND (confirmation_closed_at IS NULL) = (confirmation_closed_reason IS NULL)
          AND (confirmation_closed_at IS NULL) = (confirmation_closed_by IS NULL AND confirmation_closed_by_provider IS NULL)
          AND CASE confirmation_status
            WHEN 'pending' THEN confirmed_at IS NULL AND confirmation_closed_at IS NULL
            WHEN 'confirmed' THEN confirmed_at IS NOT NULL AND confirmation_closed_at IS NULL
            WHEN 'refused' THEN confirmed_at IS NULL AND confirmation_closed_at IS NOT NULL
            ELSE confirmed_at IS NOT NULL AND confirmation_closed_at IS NOT NULL
          END);

      CREATE INDEX affiliations_provider_confirmed ON affiliations (confirmed_by_provider) WHERE confirmation_status = 'confirmed';

      -- As before (0017), with the provider columns among those written once.
      CREATE OR REPLACE FUNCTION affiliations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'affiliations are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.person_id <> OLD.person_id OR NEW.organisation_id <> OLD.organisation_id OR NEW.title <> OLD.title
           OR NEW.start_date <> OLD.start_date OR NEW.created_at <> OLD.created_at
           OR (OLD.end_date IS NOT NULL AND NEW.end_date IS DISTINCT FROM OLD.end_date) THEN
          RAISE EXCEPTION 'affiliations are never rewritten: only an open affiliation can be ended' USING ERRCODE = 'P0001';
        END IF;
        IF NEW.confirmation_status <> OLD.confirmation_status AND NOT (
             (OLD.confirmation_status = 'pending' AND NEW.confirmation_status IN ('confirmed','refused'))
          OR (OLD.confirmation_status = 'confirmed' AND NEW.confirmation_status = 'ended')) THEN
          RAISE EXCEPTION 'an affiliation''s confirmation moves forward only' USING ERRCODE = 'P0001';
        END IF;
        IF (OLD.confirmed_at IS NOT NULL AND (NEW.confirmed_by, NEW.confirmed_by_provider, NEW.confirmed_as, NEW.confirmed_at, NEW.confirmation_reason) IS DISTINCT FROM (OLD.confirmed_by, OLD.confirmed_by_provider, OLD.confirmed_as, OLD.confirmed_at, OLD.confirmation_reason))
           OR (OLD.confirmation_closed_at IS NOT NULL AND (NEW.confirmation_closed_by, NEW.confirmation_closed_by_provider, NEW.confirmation_closed_as, NEW.confirmation_closed_at, NEW.confirmation_closed_reason) IS DISTINCT FROM (OLD.confirmation_closed_by, OLD.confirmation_closed_by_provider, OLD.confirmation_closed_as, OLD.confirmation_closed_at, OLD.confirmation_closed_reason)) THEN
          RAISE EXCEPTION 'who confirmed, refused or ended an affiliation is never rewritten' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX affiliations_provider_confirmed;
      ALTER TABLE affiliations DROP CONSTRAINT affiliations_provider_confirmation, DROP COLUMN confirmed_by_provider, DROP COLUMN confirmation_closed_by_provider;
      DROP TABLE oidc_attempts; DROP TABLE identity_provider_links; DROP TABLE identity_providers;
    `);
  }
}
