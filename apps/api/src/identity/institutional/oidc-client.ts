import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import * as oidc from 'openid-client';
import { Inject, Injectable } from '@nestjs/common';
import { PARLEY_CONFIG, type ParleyConfig } from '../../platform/config/config';
import type { ProviderRow } from './identity-provider.repository';

/** Seconds Parley waits for a provider (discovery, token endpoint, keys) before giving up. */
const PROVIDER_TIMEOUT_SECONDS = 10;
/** A provider's metadata and keys are read again after this long, or at once when a steward changes it. */
const DISCOVERY_TTL_MS = 10 * 60_000;

/** http:// issuers on this machine (tests, a provider run beside Parley), only when the configuration allows them: decision record 0049. */
export function loopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

export const issuerAllowed = (issuer: URL, allowLoopback: boolean): boolean => issuer.protocol === 'https:' || (allowLoopback && loopbackHttp(issuer));

/** Addresses an issuer may not resolve to unless loopback issuers are allowed: this machine, private networks, link-local, unspecified. */
const NOT_PUBLIC = (() => {
  const b = new BlockList();
  for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) b.addSubnet(net, bits, 'ipv4');
  for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) b.addSubnet(net, bits, 'ipv6');
  return b;
})();

/** Whether an address is one of this machine's, a private network's or link-local (IPv4-mapped IPv6 included). */
export function privateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return NOT_PUBLIC.check(mapped[1], 'ipv4');
  const family = isIP(address);
  return family === 0 ? true : NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether the issuer's host names (or is) a private address; a name that does not resolve is left to discovery to refuse. */
export async function resolvesPrivately(issuer: URL): Promise<boolean> {
  const host = issuer.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return privateAddress(host);
  try {
    return (await lookup(host, { all: true })).some((a) => privateAddress(a.address));
  } catch {
    return false;
  }
}

export interface VerifiedIdentity {
  /** The ID token's `iss`: a link is found only through the issuer that stated its subject. */
  issuer: string;
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

  constructor(@Inject(PARLEY_CONFIG) private readonly config: ParleyConfig) {}

  /** Whether Parley may talk to this issuer: https to a public address, or (configuration allowing) this machine or a private network. */
  async allowed(issuer: URL): Promise<'ok' | 'not-https' | 'not-allowed'> {
    if (!issuerAllowed(issuer, this.config.oidcAllowLoopbackIssuers)) return issuer.protocol === 'http:' && loopbackHttp(issuer) ? 'not-allowed' : 'not-https';
    if (!this.config.oidcAllowLoopbackIssuers && (await resolvesPrivately(issuer))) return 'not-allowed';
    return 'ok';
  }

  /** Reads the provider's metadata; throws when nothing answers as an OpenID Connect provider there. */
  discover(issuer: string, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
    const url = new URL(issuer);
    return oidc.discovery(url, clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      // openid-client trusts an ID token from the token endpoint on TLS alone unless told to check its
      // signature against the provider's published keys: Parley always checks it (decision record 0049).
      execute: this.config.oidcAllowLoopbackIssuers && loopbackHttp(url) ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] : [oidc.enableNonRepudiationChecks],
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
    return { issuer: claims.iss, subject: claims.sub, email, emailVerified: claims.email_verified === true, name };
  }
}
