import * as oidc from 'openid-client';
import { Injectable } from '@nestjs/common';
import type { ProviderRow } from './identity-provider.repository';

/** Seconds Parley waits for a provider (discovery, token endpoint, keys) before giving up. */
const PROVIDER_TIMEOUT_SECONDS = 10;
/** A provider's metadata and keys are read again after this long, or at once when a steward changes it. */
const DISCOVERY_TTL_MS = 10 * 60_000;

/** http:// issuers are taken on this machine only (tests, a provider run beside Parley): decision record 0049. */
export function loopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

export const issuerAllowed = (issuer: URL): boolean => issuer.protocol === 'https:' || loopbackHttp(issuer);

export interface VerifiedIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/**
 * openid-client 6 used directly (decision record 0049): discovery per registered provider, the
 * authorization URL with PKCE (S256), state and nonce, and the code exchange whose ID token
 * openid-client checks (signature against the provider's keys, issuer, audience, expiry, nonce).
 */
@Injectable()
export class OidcClient {
  private readonly configs = new Map<string, { key: string; at: number; config: Promise<oidc.Configuration> }>();

  /** Reads the provider's metadata; throws when nothing answers as an OpenID Connect provider there. */
  discover(issuer: string, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
    const url = new URL(issuer);
    return oidc.discovery(url, clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      // openid-client trusts an ID token from the token endpoint on TLS alone unless told to check its
      // signature against the provider's published keys: Parley always checks it (decision record 0049).
      execute: loopbackHttp(url) ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] : [oidc.enableNonRepudiationChecks],
    });
  }

  configOf(p: ProviderRow, clientSecret: () => string): Promise<oidc.Configuration> {
    const key = `${p.updatedAt.toISOString()}`;
    const cached = this.configs.get(p.id);
    if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
    const config = this.discover(p.issuer, p.clientId, clientSecret());
    this.configs.set(p.id, { key, at: Date.now(), config });
    config.catch(() => this.configs.delete(p.id));
    return config;
  }

  /** A fresh PKCE verifier, state and nonce, and the provider's authorization URL carrying them. */
  async authorizationRequest(config: oidc.Configuration, redirectUri: string): Promise<{ url: URL; state: string; nonce: string; codeVerifier: string }> {
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, codeVerifier };
  }

  /** Exchanges the code once and returns who the validated ID token says signed in; throws on anything amiss. */
  async exchange(config: oidc.Configuration, callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<VerifiedIdentity> {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
    const given = [claims.given_name, claims.family_name].filter((s) => typeof s === 'string' && s.trim()).join(' ');
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : given || null;
    return { subject: claims.sub, email, emailVerified: claims.email_verified === true, name };
  }
}
