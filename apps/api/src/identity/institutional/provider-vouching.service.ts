import { Injectable } from '@nestjs/common';
import { isAffiliationCurrent, isoDay, PLATFORM_SCOPE, vouches, vouchLapsed, type VouchGap } from '@parley/domain';
import type { AuditActor, Tx } from '../../audit/audited-transaction';
import { OrganisationRepository } from '../../organisations/organisation.repository';
import { PeopleRepository } from '../people.repository';
import { IdentityProviderRepository, type ProviderConfirmationRow, type ProviderRow } from './identity-provider.repository';

/** The title of an affiliation a provider's vouch creates where the person declared none (decision record 0049). */
export const VOUCHED_AFFILIATION_TITLE = 'Staff member';

/** Why a provider's confirmation ended, in the words of the audit log. */
export type VouchEnd = VouchGap | 'organisation-changed' | 'lapsed' | 'unlinked';
const END_REASONS: Record<VouchEnd, (provider: string, days: number) => string> = {
  'provider-disabled': (p) => `${p} was disabled by a steward: it no longer vouches for anyone`,
  'no-organisation': (p) => `${p} no longer speaks for an organisation`,
  'organisation-changed': (p) => `${p} now speaks for another organisation`,
  'email-not-verified': (p) => `${p} no longer states a verified e-mail address for this person`,
  'domain-not-vouched': (p) => `${p} no longer vouches for this person's e-mail domain`,
  lapsed: (p, days) => `No sign-in through ${p} for ${days} days: its vouch lapsed`,
  unlinked: (p) => `The person unlinked their ${p} account: it no longer vouches for them`,
};

/** The provider as the actor of what it does on its own (confirming, ending at sign-in). */
const providerActor = (p: { name: string }): AuditActor => ({ id: null, name: p.name, snapshot: null });

/**
 * An identity provider's vouch for affiliations (issue #24, decision record 0049): at sign-in it
 * adds and confirms the person's affiliation to the organisation it speaks for when it vouches for
 * their verified e-mail and they have none there yet, and ends that confirmation when it no longer does; stewards' changes and the
 * periodic lapse check end it too. The rules are libs/domain identity/provider-vouching.ts.
 */
@Injectable()
export class ProviderVouchingService {
  constructor(
    private readonly providers: IdentityProviderRepository,
    private readonly people: PeopleRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  /** At a sign-in (or link) through `provider`, with what it states of the person's e-mail: confirm or end. */
  async atSignIn(tx: Tx, provider: ProviderRow, personId: string, claims: { email: string | null; emailVerified: boolean }): Promise<void> {
    const verdict = vouches(provider, claims);
    if (!verdict.vouches) {
      await this.end(tx, provider, await this.providers.confirmationsBy(tx.manager, provider.id, personId), verdict.gap, providerActor(provider));
      return;
    }
    await this.confirm(tx, provider, personId);
  }

  /**
   * After a steward's change to a provider: end the confirmations it no longer vouches for, and the
   * sessions opened through it by the people concerned; all of them when it is disabled or points at
   * another issuer or client. Answers the sessions ended (their sockets go once the change commits).
   */
  async afterProviderChange(tx: Tx, before: ProviderRow, after: ProviderRow, steward: AuditActor): Promise<string[]> {
    const confirmations = await this.providers.confirmationsBy(tx.manager, after.id);
    const everyone = !after.enabled || after.issuer !== before.issuer || after.clientId !== before.clientId;
    let ended: ProviderConfirmationRow[];
    if (!after.enabled) ended = await this.end(tx, after, confirmations, 'provider-disabled', steward);
    else if (after.organisationId === null) ended = await this.end(tx, after, confirmations, 'no-organisation', steward);
    else if (after.organisationId !== before.organisationId) ended = await this.end(tx, after, confirmations, 'organisation-changed', steward);
    else ended = await this.end(tx, after, confirmations.filter((c) => !vouches(after, { email: c.email, emailVerified: c.email !== null }).vouches), 'domain-not-vouched', steward);
    if (everyone) return this.providers.endSessionsVia(tx.manager, after.id, null, { now: tx.now, by: steward.id });
    return this.endSessionsOf(tx, after, ended, steward);
  }

  /** The periodic check: confirmations whose person has not signed in through the provider for its lapse period, and those people's sessions through it. */
  async endLapsed(tx: Tx, scheduler: AuditActor): Promise<{ confirmations: number; sessions: string[] }> {
    let confirmations = 0;
    const sessions: string[] = [];
    for (const provider of await this.providers.list(tx.manager)) {
      const lapsed = (await this.providers.confirmationsBy(tx.manager, provider.id)).filter((c) => c.lastSignInAt === null || vouchLapsed(c.lastSignInAt, provider.lapseDays, tx.now));
      await this.end(tx, provider, lapsed, 'lapsed', scheduler);
      sessions.push(...(await this.endSessionsOf(tx, provider, lapsed, scheduler)));
      confirmations += lapsed.length;
    }
    return { confirmations, sessions };
  }

  /** When a person unlinks the provider, its vouch for them ends with the link, and so do the sessions they opened through it. */
  async atUnlink(tx: Tx, provider: ProviderRow, personId: string, person: AuditActor): Promise<string[]> {
    await this.end(tx, provider, await this.providers.confirmationsBy(tx.manager, provider.id, personId), 'unlinked', person);
    return this.providers.endSessionsVia(tx.manager, provider.id, personId, { now: tx.now, by: person.id });
  }

  private async endSessionsOf(tx: Tx, provider: ProviderRow, ended: ProviderConfirmationRow[], by: AuditActor): Promise<string[]> {
    const sessions: string[] = [];
    for (const personId of new Set(ended.map((c) => c.personId))) sessions.push(...(await this.providers.endSessionsVia(tx.manager, provider.id, personId, { now: tx.now, by: by.id })));
    return sessions;
  }

  private async confirm(tx: Tx, provider: ProviderRow, personId: string): Promise<void> {
    const organisationId = provider.organisationId!;
    await this.people.lockPerson(tx.manager, personId);
    const today = isoDay(tx.now);
    const affiliations = await this.people.affiliationsOf(personId, tx.manager);
    const current = affiliations.filter((a) => a.organisationId === organisationId && isAffiliationCurrent(a, today));
    // Already confirmed (by a focal point, a steward or this provider): the sign-in itself keeps the vouch alive.
    if (current.some((a) => a.confirmationStatus === 'confirmed')) return;
    // A refusal or an ended confirmation stands: the provider does not overrule a decision on its own.
    // A pending declaration is the person's own word (its title, its start): a focal point weighs it,
    // never the provider, which confirms only the affiliation it adds itself (security review H2).
    if (current.length > 0) return;
    const person = (await this.people.findById(personId, tx.manager))!;
    const organisation = (await this.organisations.findById(organisationId, tx.manager))!;
    const makePrimary = !affiliations.some((a) => a.isPrimary && isAffiliationCurrent(a, today));
    if (makePrimary) await this.people.clearPrimary(tx.manager, personId);
    const added = await this.people.insertAffiliation(tx.manager, { personId, organisationId, title: VOUCHED_AFFILIATION_TITLE, startDate: today, endDate: null, isPrimary: makePrimary, createdAt: tx.now });
    await tx.record({
      scope: PLATFORM_SCOPE,
      actor: providerActor(provider),
      action: 'affiliation.added',
      subjectType: 'affiliation',
      subjectId: added.id,
      change: { organisationId, organisationName: organisation.name, stakeholderGroup: organisation.stakeholderGroup, subtype: organisation.subtype, title: VOUCHED_AFFILIATION_TITLE, startDate: today, endDate: null, primary: makePrimary },
    });
    const reason = `${provider.name} vouches for this person's verified e-mail address`;
    await this.providers.confirmByProvider(tx.manager, added.id, provider.id, tx.now, reason);
    await tx.record({
      scope: PLATFORM_SCOPE,
      actor: providerActor(provider),
      action: 'affiliation.confirmed',
      subjectType: 'affiliation',
      subjectId: added.id,
      change: { personId, name: person.name, organisationId, organisationName: provider.organisationName ?? '', as: 'identity-provider', reason, via: 'identity-provider' },
    });
  }

  private async end(tx: Tx, provider: ProviderRow, confirmations: ProviderConfirmationRow[], why: VouchEnd, actor: AuditActor): Promise<ProviderConfirmationRow[]> {
    const reason = END_REASONS[why](provider.name, provider.lapseDays);
    for (const c of confirmations) {
      await this.providers.endByProvider(tx.manager, c.affiliationId, provider.id, tx.now, reason);
      await tx.record({
        scope: PLATFORM_SCOPE,
        actor,
        action: 'affiliation.confirmation-ended',
        subjectType: 'affiliation',
        subjectId: c.affiliationId,
        change: { personId: c.personId, name: c.personName, organisationId: c.organisationId, organisationName: c.organisationName, as: 'identity-provider', reason },
      });
    }
    return confirmations;
  }
}
