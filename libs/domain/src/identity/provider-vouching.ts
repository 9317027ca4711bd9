/**
 * When an institution's identity provider vouches for a person's affiliation (decision record 0049):
 * the provider speaks for an organisation and for a list of e-mail domains; it vouches for a person
 * whose e-mail it says is verified and whose domain is one of those. A vouch lasts while the person
 * keeps signing in through the provider: it lapses after `lapseDays` without a sign-in.
 */
export const DEFAULT_VOUCH_LAPSE_DAYS = 30;

/** Why a provider does not (or no longer) vouch for a person. */
export type VouchGap = 'provider-disabled' | 'no-organisation' | 'email-not-verified' | 'domain-not-vouched';

export interface VouchingProvider {
  enabled: boolean;
  organisationId: string | null;
  /** Lower-case domains, without a leading `@`. */
  domains: readonly string[];
}

/** A domain as stewards type it and as an address carries it: lower case, no `@`, no trailing dot. */
export function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
}

/** The domain of an e-mail address, lower case (`null` when the address has none). */
export function domainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return normaliseDomain(email.slice(at + 1));
}

/** A domain is vouched for exactly, or through a parent domain the provider lists (staff.example.org under example.org). */
export function domainVouched(domains: readonly string[], domain: string): boolean {
  return domains.some((d) => {
    const v = normaliseDomain(d);
    return domain === v || domain.endsWith(`.${v}`);
  });
}

/** A provider opens accounts only for addresses in the domains it vouches for: none when it lists none (security review M1). */
export function inVouchedDomain(domains: readonly string[], email: string): boolean {
  const domain = domainOf(email);
  return domain !== null && domainVouched(domains, domain);
}

/** Does the provider vouch now for the affiliation of a person with this e-mail (as the provider states it)? */
export function vouches(p: VouchingProvider, claims: { email: string | null; emailVerified: boolean }): { vouches: true } | { vouches: false; gap: VouchGap } {
  if (!p.enabled) return { vouches: false, gap: 'provider-disabled' };
  if (p.organisationId === null) return { vouches: false, gap: 'no-organisation' };
  if (!claims.email || !claims.emailVerified) return { vouches: false, gap: 'email-not-verified' };
  const domain = domainOf(claims.email);
  if (domain === null || !domainVouched(p.domains, domain)) return { vouches: false, gap: 'domain-not-vouched' };
  return { vouches: true };
}

/** Has a vouch lapsed: no sign-in through the provider for `lapseDays` days (the last one at `lastSignInAt`)? */
export function vouchLapsed(lastSignInAt: Date, lapseDays: number, now: Date): boolean {
  return now.getTime() - lastSignInAt.getTime() >= lapseDays * 86_400_000;
}

/** The latest instant a vouch still stands for a sign-in at `now` (the lapse job ends those whose last sign-in is at or before it). */
export function lapseCutoff(lapseDays: number, now: Date): Date {
  return new Date(now.getTime() - lapseDays * 86_400_000);
}
