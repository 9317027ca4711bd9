import { DEFAULT_VOUCH_LAPSE_DAYS, domainOf, domainVouched, inVouchedDomain, lapseCutoff, normaliseDomain, vouches, vouchLapsed } from './provider-vouching';

const provider = { enabled: true, organisationId: 'org-1', domains: ['ministry.example'] };
const verified = (email: string) => ({ email, emailVerified: true });

describe('does a provider vouch for an e-mail', () => {
  it('vouches for a verified address in a listed domain, and in its subdomains', () => {
    expect(vouches(provider, verified('ana@ministry.example'))).toEqual({ vouches: true });
    expect(vouches(provider, verified('Ana@Staff.Ministry.Example'))).toEqual({ vouches: true });
  });

  it('does not vouch for a look-alike domain that merely ends with the same letters', () => {
    expect(vouches(provider, verified('ana@evilministry.example'))).toEqual({ vouches: false, gap: 'domain-not-vouched' });
    expect(vouches(provider, verified('ana@ministry.example.attacker.test'))).toEqual({ vouches: false, gap: 'domain-not-vouched' });
  });

  it('does not vouch for an unverified or missing address', () => {
    expect(vouches(provider, { email: 'ana@ministry.example', emailVerified: false })).toEqual({ vouches: false, gap: 'email-not-verified' });
    expect(vouches(provider, { email: null, emailVerified: true })).toEqual({ vouches: false, gap: 'email-not-verified' });
  });

  it('vouches for nobody while disabled or without an organisation', () => {
    expect(vouches({ ...provider, enabled: false }, verified('ana@ministry.example'))).toEqual({ vouches: false, gap: 'provider-disabled' });
    expect(vouches({ ...provider, organisationId: null }, verified('ana@ministry.example'))).toEqual({ vouches: false, gap: 'no-organisation' });
  });

  it('stops vouching once the domain is removed', () => {
    expect(vouches({ ...provider, domains: [] }, verified('ana@ministry.example'))).toEqual({ vouches: false, gap: 'domain-not-vouched' });
  });

  it('reads domains as stewards type them', () => {
    expect(normaliseDomain(' @Ministry.Example. ')).toBe('ministry.example');
    expect(domainOf('no-at-sign')).toBeNull();
    expect(domainOf('trailing@')).toBeNull();
    expect(domainVouched(['@MINISTRY.example'], 'ministry.example')).toBe(true);
  });
});

describe('has a vouch lapsed', () => {
  const last = new Date('2026-01-01T12:00:00Z');
  it('stands until N days after the last sign-in through the provider, and lapses on the dot', () => {
    expect(DEFAULT_VOUCH_LAPSE_DAYS).toBe(30);
    expect(vouchLapsed(last, 30, new Date('2026-01-31T11:59:59Z'))).toBe(false);
    expect(vouchLapsed(last, 30, new Date('2026-01-31T12:00:00Z'))).toBe(true);
    expect(vouchLapsed(last, 1, new Date('2026-01-03T00:00:00Z'))).toBe(true);
  });

  it('gives the cutoff the periodic check compares last sign-ins with', () => {
    expect(lapseCutoff(30, new Date('2026-01-31T12:00:00Z')).toISOString()).toBe(last.toISOString());
  });
});

describe('may a provider open an account for an e-mail', () => {
  it('only in a domain it vouches for (or a subdomain of one); a provider without domains opens none', () => {
    expect(inVouchedDomain(['ministry.example'], 'ana@ministry.example')).toBe(true);
    expect(inVouchedDomain(['ministry.example'], 'ana@staff.ministry.example')).toBe(true);
    expect(inVouchedDomain(['ministry.example'], 'ana@elsewhere.example')).toBe(false);
    expect(inVouchedDomain(['ministry.example'], 'ana@notministry.example')).toBe(false);
    expect(inVouchedDomain([], 'ana@ministry.example')).toBe(false);
    expect(inVouchedDomain(['ministry.example'], 'no-domain')).toBe(false);
  });
});
