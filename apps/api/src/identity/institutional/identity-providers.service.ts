import { Inject, Injectable } from '@nestjs/common';
import { normaliseDomain, PLATFORM_SCOPE } from '@parley/domain';
import type { CreateIdentityProviderRequest, IdentityProviderResponse, SignInProviderResponse, UpdateIdentityProviderRequest } from '@parley/contracts';
import type { Configuration } from 'openid-client';
import { AuditedTransaction, type Tx } from '../../audit/audited-transaction';
import { OrganisationRepository } from '../../organisations/organisation.repository';
import { PARLEY_CONFIG, type ParleyConfig } from '../../platform/config/config';
import { notFound, refuse, validationProblem } from '../../platform/http/problem';
import type { Actor } from '../actor';
import { PeopleService } from '../people.service';
import { IdentityProviderRepository, type ProviderRow } from './identity-provider.repository';
import { SessionSockets } from '../sessions/session-sockets';
import { OidcClient } from './oidc-client';
import { ProviderVouchingService } from './provider-vouching.service';
import { SecretBox } from '../../platform/crypto/secret-box';

/** Where every provider sends people back (register it with the provider). */
export const CALLBACK_PATH = '/api/auth/oidc/callback';

type Settings = Omit<ProviderRow, 'id' | 'organisationName' | 'createdAt' | 'updatedAt'>;

/**
 * Identity providers, registered and changed by stewards (the route's rule): each change is one
 * audited transaction, the issuer is checked by discovery before it is saved, the client secret is
 * sealed at rest and never answered nor recorded; a change that narrows what the provider vouches
 * for ends the confirmations it no longer supports.
 */
@Injectable()
export class IdentityProvidersService {
  private readonly secrets: SecretBox;

  constructor(
    private readonly providers: IdentityProviderRepository,
    private readonly organisations: OrganisationRepository,
    private readonly peopleService: PeopleService,
    private readonly vouching: ProviderVouchingService,
    private readonly client: OidcClient,
    private readonly tx: AuditedTransaction,
    private readonly sockets: SessionSockets,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {
    this.secrets = new SecretBox(config.secret, 'identity-provider-client-secret');
  }

  configOf(p: ProviderRow): Promise<Configuration> {
    return this.client.configOf(p, () => this.secrets.open(p.clientSecretSealed));
  }

  async list(): Promise<IdentityProviderResponse[]> {
    return (await this.providers.list()).map((p) => this.toResponse(p));
  }

  async signInChoices(): Promise<SignInProviderResponse[]> {
    return (await this.providers.list()).filter((p) => p.enabled).map((p) => ({ id: p.id, name: p.name }));
  }

  async create(actor: Actor, input: CreateIdentityProviderRequest & { domains: string[]; organisationId: string | null; enabled: boolean; lapseDays: number }): Promise<IdentityProviderResponse> {
    await this.checkIssuer(input.issuer, input.clientId, input.clientSecret);
    return this.tx.run(async (tx) => {
      const settings: Settings = {
        name: input.name,
        issuer: input.issuer,
        clientId: input.clientId,
        clientSecretSealed: this.secrets.seal(input.clientSecret),
        domains: uniqueDomains(input.domains),
        organisationId: input.organisationId,
        enabled: input.enabled,
        lapseDays: input.lapseDays,
      };
      await this.checkSettings(tx, settings, null);
      const id = await this.providers.insert(tx.manager, settings, tx.now);
      const saved = (await this.providers.find(tx.manager, id))!;
      await tx.record({ scope: PLATFORM_SCOPE, actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now), action: 'identity-provider.registered', subjectType: 'identity-provider', subjectId: id, change: facts(saved) });
      return this.toResponse(saved);
    });
  }

  async update(actor: Actor, id: string, input: UpdateIdentityProviderRequest): Promise<IdentityProviderResponse> {
    const current = await this.providers.find(undefined, id);
    if (!current) throw notFound('identity-provider');
    const repointed = (input.issuer !== undefined && input.issuer !== current.issuer) || (input.clientId !== undefined && input.clientId !== current.clientId);
    // The stored secret is never sent to another issuer or for another client (security review M2).
    if (repointed && input.clientSecret === undefined) throw validationProblem('clientSecret', 'client-secret-required');
    if (repointed || input.clientSecret !== undefined) await this.checkIssuer(input.issuer ?? current.issuer, input.clientId ?? current.clientId, input.clientSecret ?? this.secrets.open(current.clientSecretSealed));
    const { response, endedSessions } = await this.tx.run(async (tx) => {
      const before = (await this.providers.find(tx.manager, id, true))!;
      // A link is an issuer's subject: once people are linked, the provider keeps its issuer and client
      // for good, and a new one is registered instead (security review H1).
      if ((before.issuer !== (input.issuer ?? before.issuer) || before.clientId !== (input.clientId ?? before.clientId)) && (await this.providers.hasLinks(tx.manager, id)))
        throw refuse('identity-provider-has-links', { provider: before.name });
      const settings: Settings = {
        name: input.name ?? before.name,
        issuer: input.issuer ?? before.issuer,
        clientId: input.clientId ?? before.clientId,
        clientSecretSealed: input.clientSecret !== undefined ? this.secrets.seal(input.clientSecret) : before.clientSecretSealed,
        domains: input.domains !== undefined ? uniqueDomains(input.domains) : before.domains,
        organisationId: input.organisationId !== undefined ? input.organisationId : before.organisationId,
        enabled: input.enabled ?? before.enabled,
        lapseDays: input.lapseDays ?? before.lapseDays,
      };
      await this.checkSettings(tx, settings, id);
      await this.providers.update(tx.manager, id, settings, tx.now);
      const after = (await this.providers.find(tx.manager, id))!;
      const steward = await this.peopleService.auditActor(tx.manager, actor.id, tx.now);
      await tx.record({ scope: PLATFORM_SCOPE, actor: steward, action: 'identity-provider.updated', subjectType: 'identity-provider', subjectId: id, change: { ...facts(after), secretReplaced: input.clientSecret !== undefined } });
      const endedSessions = await this.vouching.afterProviderChange(tx, before, after, steward);
      return { response: this.toResponse(after), endedSessions };
    });
    this.sockets.disconnect(endedSessions);
    return response;
  }

  /** An issuer is taken only if an OpenID Connect provider answers there (discovery), over https to a public address unless the configuration allows this machine. */
  private async checkIssuer(issuer: string, clientId: string, clientSecret: string): Promise<void> {
    const allowed = await this.client.allowed(new URL(issuer));
    if (allowed !== 'ok') throw validationProblem('issuer', allowed === 'not-https' ? 'issuer-not-https' : 'issuer-not-allowed');
    try {
      await this.client.discover(issuer, clientId, clientSecret);
    } catch {
      throw validationProblem('issuer', 'issuer-discovery-failed', { issuer });
    }
  }

  private async checkSettings(tx: Tx, s: Settings, id: string | null): Promise<void> {
    if (s.organisationId && !(await this.organisations.findById(s.organisationId, tx.manager))) throw validationProblem('organisationId', 'no-such-organisation');
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('parley:identity-provider-names'))`);
    if (await this.providers.nameTaken(tx.manager, s.name, id)) throw refuse('identity-provider-name-taken', { name: s.name });
  }

  private toResponse(p: ProviderRow): IdentityProviderResponse {
    return {
      id: p.id,
      name: p.name,
      issuer: p.issuer,
      clientId: p.clientId,
      domains: p.domains,
      organisation: p.organisationId ? { id: p.organisationId, name: p.organisationName ?? '' } : null,
      enabled: p.enabled,
      lapseDays: p.lapseDays,
      redirectUri: `${this.config.publicUrl}${CALLBACK_PATH}`,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}

const uniqueDomains = (domains: string[]) => [...new Set(domains.map(normaliseDomain))].sort();

/** A provider as its audit events record it: everything but its client secret. */
const facts = (p: ProviderRow) => ({
  name: p.name,
  issuer: p.issuer,
  clientId: p.clientId,
  domains: p.domains,
  organisationId: p.organisationId,
  organisationName: p.organisationName,
  enabled: p.enabled,
  lapseDays: p.lapseDays,
});
