import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { inVouchedDomain, PLATFORM_SCOPE } from '@parley/domain';
import { registerRequest, type LinkedAccountsResponse, type OidcError } from '@parley/contracts';
import { AuditedTransaction, type Tx } from '../../audit/audited-transaction';
import { Clock } from '../../platform/clock/clock';
import { PARLEY_CONFIG, type ParleyConfig } from '../../platform/config/config';
import { notFound, refuse, validationProblem } from '../../platform/http/problem';
import type { Actor } from '../actor';
import { AuthService } from '../auth.service';
import { PeopleRepository } from '../people.repository';
import { PeopleService } from '../people.service';
import { verifyPassword } from '../password';
import { SessionRepository } from '../session.repository';
import { SessionSockets } from '../sessions/session-sockets';
import { IdentityProviderRepository, type AttemptRow, type ProviderRow } from './identity-provider.repository';
import { IdentityProvidersService } from './identity-providers.service';
import { OidcClient, type VerifiedIdentity } from './oidc-client';
import { ProviderVouchingService } from './provider-vouching.service';

/** How long a sign-in may stay at the provider before it must start again. */
export const ATTEMPT_TTL_MS = 10 * 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

/** A refused institutional sign-in: the sign-in page says why; nothing was written. */
export class OidcFailure extends Error {
  constructor(readonly code: OidcError) {
    super(code);
  }
}

/** Where to go back to: a path of this site only (never `//elsewhere` nor a full address). */
export function safeReturnTo(returnTo: string | undefined, fallback: string): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\') || /[\u0000-\u001f\\]/.test(returnTo)) return fallback;
  return returnTo;
}

export interface Started {
  redirectUrl: string;
  /** The value of the browser-binding cookie: only its hash is kept with the attempt. */
  binding: string;
}

/** Who the callback signed in, and where the browser goes next. */
export type Finished = { purpose: 'sign-in'; personId: string; providerId: string; returnTo: string } | { purpose: 'link'; returnTo: string };

/**
 * Institutional sign-in (issue #24, decision record 0049): starting a sign-in or a link at a
 * provider, and its callback. An attempt is kept server-side (hashed state, PKCE verifier, nonce,
 * single use, ten minutes) and bound to the browser that started it by an httpOnly cookie; the
 * callback takes it once, exchanges the code, and links, creates or finds the person in one
 * transaction with the provider's vouch for their affiliation. Nothing of the provider's tokens is kept.
 */
@Injectable()
export class OidcSignInService {
  constructor(
    private readonly providers: IdentityProviderRepository,
    private readonly providerService: IdentityProvidersService,
    private readonly client: OidcClient,
    private readonly vouching: ProviderVouchingService,
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly auth: AuthService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly sessions: SessionRepository,
    private readonly sockets: SessionSockets,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  /**
   * Starting a link (security review H3): from the browser's own session (a bearer token is refused:
   * the callback checks the browser's session cookie again) and with the person's password typed
   * again. An account without a password cannot link a provider: its only ways in are providers.
   */
  async startLink(actor: Actor, providerId: string, password: string | undefined, returnTo: string, redirectUri: string): Promise<Started> {
    if (actor.authenticatedBy !== 'cookie') throw refuse('link-needs-browser-session');
    const person = await this.people.findById(actor.id);
    if (!person?.passwordHash) throw refuse('link-needs-password');
    if (!password || !(await verifyPassword(person.passwordHash, password))) throw validationProblem('password', 'password-incorrect');
    return this.start(providerId, 'link', actor, returnTo, redirectUri);
  }

  /** A sign-in (anonymous) or a link (`person`, signed in): the provider's authorization URL and the browser binding. */
  async start(providerId: string, purpose: 'sign-in' | 'link', person: Actor | null, returnTo: string, redirectUri: string): Promise<Started> {
    const provider = await this.providers.find(undefined, providerId);
    if (!provider || !provider.enabled) {
      if (purpose === 'link') throw provider ? refuse('identity-provider-disabled', { provider: provider.name }) : notFound('identity-provider');
      throw new OidcFailure('provider-unavailable');
    }
    if (person && (await this.providers.linksOfPerson(undefined, person.id)).some((l) => l.providerId === provider.id)) throw refuse('already-linked', { provider: provider.name });
    let request: Awaited<ReturnType<OidcClient['authorizationRequest']>>;
    try {
      request = await this.client.authorizationRequest(await this.providerService.configOf(provider), redirectUri);
    } catch {
      if (purpose === 'link') throw refuse('identity-provider-unreachable', { provider: provider.name });
      throw new OidcFailure('provider-unavailable');
    }
    const binding = randomBytes(32).toString('base64url');
    await this.providers.insertAttempt(undefined, {
      stateHash: sha256(request.state),
      bindingHash: sha256(binding),
      providerId: provider.id,
      purpose,
      personId: person?.id ?? null,
      codeVerifier: request.codeVerifier,
      nonce: request.nonce,
      returnTo,
      redirectUri,
      expiresAt: new Date(this.clock.now().getTime() + ATTEMPT_TTL_MS),
    });
    return { redirectUrl: request.url.href, binding };
  }

  /** The provider sent the browser back: everything checked, the attempt used up, the person found, created or linked. */
  async callback(query: { code?: string; state?: string; error?: string }, rawQuery: string, binding: string | undefined, sessionToken: string | undefined): Promise<Finished> {
    if (!query.state || !binding) throw new OidcFailure('sign-in-expired');
    return this.tx.run(async (tx) => {
      const attempt = await this.providers.takeAttempt(tx.manager, sha256(query.state!), sha256(binding), tx.now);
      if (!attempt) throw new OidcFailure('sign-in-expired');
      if (query.error) throw new OidcFailure('provider-refused');
      // A link completes only in the live session of the person who started it: not after they signed
      // out, nor for whoever signed in next on the same browser (security review H3).
      if (attempt.purpose === 'link') {
        const live = sessionToken ? await this.sessions.findLive(sessionToken, tx.now) : null;
        if (!live || live.personId !== attempt.personId) throw new OidcFailure('link-session-ended');
      }
      const provider = await this.providers.find(tx.manager, attempt.providerId, true);
      if (!provider || !provider.enabled) throw new OidcFailure('provider-unavailable');
      let identity: VerifiedIdentity;
      try {
        const config = await this.providerService.configOf(provider);
        const callbackUrl = new URL(attempt.redirectUri);
        callbackUrl.search = rawQuery;
        identity = await this.client.exchange(config, callbackUrl, { state: query.state!, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier });
      } catch {
        throw new OidcFailure('provider-answer-invalid');
      }
      if (attempt.purpose === 'link') {
        await this.link(tx, provider, attempt, identity);
        return { purpose: 'link', returnTo: attempt.returnTo };
      }
      const personId = await this.signIn(tx, provider, identity);
      return { purpose: 'sign-in', personId, providerId: provider.id, returnTo: attempt.returnTo };
    });
  }

  /**
   * A linked identity is its person; an unknown one with a verified e-mail no account has becomes a
   * new account; an unknown one whose e-mail has an account is refused: the provider's word does not
   * take over an account (its owner signs in with their password and links the provider).
   */
  private async signIn(tx: Tx, provider: ProviderRow, identity: VerifiedIdentity): Promise<string> {
    const emailStated = identity.emailVerified ? identity.email : null;
    const link = await this.providers.linkOf(tx.manager, provider.id, identity.subject);
    // A subject means someone only at the issuer that stated it (security review H1).
    if (link && link.issuer !== identity.issuer) throw new OidcFailure('provider-answer-invalid');
    if (link) {
      await this.providers.touchLink(tx.manager, link.id, emailStated, tx.now);
      await this.vouching.atSignIn(tx, provider, link.personId, identity);
      return link.personId;
    }
    if (!identity.email || !identity.emailVerified) throw new OidcFailure('email-unverified');
    // The same answer whether the address has an account (its owner links the provider from their
    // security page) or the provider may not open one for it: the sign-in page tells nobody which
    // addresses have accounts (security review M1).
    if (!inVouchedDomain(provider.domains, identity.email)) throw new OidcFailure('no-account-for-identity');
    const checked = registerRequest.pick({ name: true, email: true }).safeParse({ name: (identity.name ?? identity.email.split('@')[0]).slice(0, 120), email: identity.email });
    if (!checked.success) throw new OidcFailure('identity-invalid');
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('parley:register'))`);
    if (await this.people.emailTaken(tx.manager, checked.data.email)) throw new OidcFailure('no-account-for-identity');
    const personId = await this.auth.createPerson(tx, checked.data.name, checked.data.email, null);
    await this.providers.insertLink(tx.manager, { providerId: provider.id, issuer: identity.issuer, subject: identity.subject, personId, email: checked.data.email }, tx.now);
    await this.recordLink(tx, provider, personId, 'sign-up');
    await this.vouching.atSignIn(tx, provider, personId, identity);
    return personId;
  }

  private async link(tx: Tx, provider: ProviderRow, attempt: AttemptRow, identity: VerifiedIdentity): Promise<void> {
    const personId = attempt.personId!;
    const existing = await this.providers.linkOf(tx.manager, provider.id, identity.subject);
    if (existing) throw new OidcFailure('already-linked-elsewhere');
    if ((await this.providers.linksOfPerson(tx.manager, personId)).some((l) => l.providerId === provider.id)) throw new OidcFailure('already-linked-elsewhere');
    await this.providers.insertLink(tx.manager, { providerId: provider.id, issuer: identity.issuer, subject: identity.subject, personId, email: identity.emailVerified ? identity.email : null }, tx.now);
    await this.recordLink(tx, provider, personId, 'link');
    await this.vouching.atSignIn(tx, provider, personId, identity);
  }

  private async recordLink(tx: Tx, provider: ProviderRow, personId: string, via: 'sign-up' | 'link'): Promise<void> {
    const actor = await this.peopleService.auditActor(tx.manager, personId, tx.now);
    await tx.record({ scope: PLATFORM_SCOPE, actor, action: 'identity-provider.linked', subjectType: 'person', subjectId: personId, change: { name: actor.name ?? '', providerId: provider.id, providerName: provider.name, via } });
  }

  async linkedAccounts(actor: Actor): Promise<LinkedAccountsResponse> {
    const person = await this.people.findById(actor.id);
    const links = await this.providers.linksOfPerson(undefined, actor.id);
    return {
      hasPassword: !!person?.passwordHash,
      links: links.map((l) => ({ providerId: l.providerId, providerName: l.providerName, linkedAt: l.linkedAt.toISOString(), lastSignInAt: l.lastSignInAt?.toISOString() ?? null })),
    };
  }

  /** Unlinks a provider from the person, unless it is their only way in; its vouch for them ends with it, and so do the sessions opened through it. */
  async unlink(actor: Actor, providerId: string): Promise<void> {
    const ended = await this.tx.run(async (tx) => {
      await this.people.lockPerson(tx.manager, actor.id);
      const links = await this.providers.linksOfPerson(tx.manager, actor.id);
      const link = links.find((l) => l.providerId === providerId);
      if (!link) throw notFound('linked-account');
      const person = (await this.people.findById(actor.id, tx.manager))!;
      // A disabled provider signs nobody in: it is no way in (security review L6).
      const otherWaysIn = links.filter((l) => l.id !== link.id && l.providerEnabled).length;
      if (!person.passwordHash && otherWaysIn === 0) throw refuse('last-way-in', { provider: link.providerName });
      const provider = (await this.providers.find(tx.manager, providerId, true))!;
      const auditActor = await this.peopleService.auditActor(tx.manager, actor.id, tx.now);
      await this.providers.deleteLink(tx.manager, link.id);
      const sessions = await this.vouching.atUnlink(tx, provider, actor.id, auditActor);
      await tx.record({ scope: PLATFORM_SCOPE, actor: auditActor, action: 'identity-provider.unlinked', subjectType: 'person', subjectId: actor.id, change: { name: person.name, providerId, providerName: provider.name } });
      return sessions;
    });
    this.sockets.disconnect(ended);
  }
}
