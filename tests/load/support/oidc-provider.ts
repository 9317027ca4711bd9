import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** A person in the test provider's directory; a test changes their e-mail or its verification at will. */
export interface DirectoryAccount {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who is in the institution's directory, by subject. */
  directory: Map<string, DirectoryAccount>;
  /** The account the next login at the provider signs in as (the interaction answers it at once). */
  loginAs(sub: string): void;
  close(): Promise<void>;
  /** Lets the process end while it still listens (a provider a suite starts for all its cells). */
  unref(): void;
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const closing = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/**
 * A certified OpenID Connect provider (oidc-provider) inside the test, on 127.0.0.1: one client
 * (Parley) allowed to come back to `redirectUri`, PKCE required, and a login interaction of our own
 * that signs in as the account `loginAs` named and grants the openid, email and profile scopes.
 */
export async function startOidcProvider(redirectUris: string[]): Promise<TestOidcProvider> {
  const directory = new Map<string, DirectoryAccount>();
  let next: string | null = null;
  const clientId = `parley-${randomBytes(3).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const server = createServer();
  const issuer = await listen(server);
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    async findAccount(_ctx, sub) {
      const account = directory.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: account.email, email_verified: account.emailVerified, name: account.name }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims go into the ID token itself: Parley reads nothing from the userinfo endpoint.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const accountId = next;
      if (!accountId || !directory.has(accountId)) {
        res.statusCode = 400;
        return void res.end('no account to sign in as');
      }
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope('openid email profile');
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    directory,
    loginAs: (sub) => {
      next = sub;
    },
    close: () => closing(server),
    unref: () => void server.unref(),
  };
}

export type RogueMode = 'wrong-key' | 'expired';

/**
 * A provider that answers as an OpenID Connect provider should, except for the ID token: signed by
 * a key it does not publish ('wrong-key'), or expired an hour ago ('expired'). Built with jose.
 */
export async function startRogueProvider(mode: RogueMode, account: DirectoryAccount): Promise<{ issuer: string; clientId: string; clientSecret: string; close(): Promise<void> }> {
  const published = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(published.publicKey)), kid: 'published', alg: 'RS256', use: 'sig' };
  const clientId = 'parley-rogue';
  const clientSecret = randomBytes(16).toString('hex');
  const codes = new Map<string, { nonce: string; redirectUri: string }>();
  const server = createServer();
  const issuer = await listen(server);
  const json = (res: ServerResponse, body: unknown) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration')
      return json(res, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    if (url.pathname === '/jwks') return json(res, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const code = randomBytes(12).toString('hex');
      const redirectUri = url.searchParams.get('redirect_uri')!;
      codes.set(code, { nonce: url.searchParams.get('nonce') ?? '', redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.statusCode = 302;
      res.setHeader('location', back.href);
      return void res.end();
    }
    if (url.pathname === '/token') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const code = new URLSearchParams(body).get('code') ?? '';
        const grant = codes.get(code);
        codes.delete(code);
        if (!grant) {
          res.statusCode = 400;
          return json(res, { error: 'invalid_grant' });
        }
        const now = Math.floor(Date.now() / 1000);
        const [key, iat] = mode === 'wrong-key' ? [other.privateKey, now] : [published.privateKey, now - 7200];
        void sign(key, { iss: issuer, aud: clientId, sub: account.sub, nonce: grant.nonce, email: account.email, email_verified: account.emailVerified, name: account.name, iat, exp: iat + 3600 }).then((idToken) =>
          json(res, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 3600, id_token: idToken }),
        );
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  return { issuer, clientId, clientSecret, close: () => closing(server) };
}

const sign = (key: CryptoKey, claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'published' }).sign(key);

/**
 * A browser for the tests: one cookie jar per origin, following redirects by hand across Parley and
 * the provider, until the browser lands on a page of Parley (not an /api address).
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(readonly parleyUrl: string) {}

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string | null): void {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    if (value === null) jar.delete(name);
    else jar.set(name, value);
  }

  /** One request with this origin's cookies; keeps what it sets. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const { origin } = new URL(url);
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair.split('=');
      const value = v.join('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c)) jar.delete(k.trim());
      else jar.set(k.trim(), value);
    }
    return res;
  }

  /**
   * Goes to `url` and follows redirects (at most 20) until a page of Parley: its path and query
   * (`/`, `/login?error=…`). `stopAt` stops earlier, at the first address it matches (the callback, to replay it).
   */
  async follow(url: string, stopAt?: (u: URL) => boolean): Promise<{ landed: string; lastUrl: string }> {
    let current = new URL(url, this.parleyUrl);
    for (let i = 0; i < 20; i++) {
      if (stopAt?.(current)) return { landed: current.pathname + current.search, lastUrl: current.href };
      if (current.origin === this.parleyUrl && !current.pathname.startsWith('/api/')) return { landed: current.pathname + current.search, lastUrl: current.href };
      const res = await this.fetch(current.href);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) throw new Error(`${current.href} answered ${res.status} without a redirect: ${await res.text()}`);
      current = new URL(location, current);
    }
    throw new Error('too many redirects');
  }
}
