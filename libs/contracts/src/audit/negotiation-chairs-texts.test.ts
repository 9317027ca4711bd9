import { AUDIT_CATALOGUE } from './catalogue';

const issued = {
  documentId: 'd',
  number: 3,
  previous: 2,
  label: 'Rev.1',
  symbol: null,
  standing: 'draft',
  office: 'chair',
  penHolder: {
    id: 'p',
    name: 'Ana Ruiz',
    snapshot: { affiliationId: 'a', organisationId: 'o', organisationName: 'Microsoft', stakeholderGroup: 'private-sector', subtype: 'company', country: 'US', title: 'Delegate', organisationVerified: true },
  },
  changed: ['c1'],
  added: [],
  removed: [],
  outdated: [],
  carriedForward: [],
  clauses: 12,
  textDigest: 'e3b0',
  note: null,
};

describe('version.chairs-text-issued in the audit catalogue', () => {
  const schema = AUDIT_CATALOGUE['version.chairs-text-issued'].change;

  it('reads a chair’s text with its office, standing and pen holder (as at the issue)', () => {
    expect(schema.safeParse(issued).success).toBe(true);
    expect(AUDIT_CATALOGUE['version.chairs-text-issued'].subjectType).toBe('version');
  });

  it('refuses an unknown office or standing, a missing pen holder, or an extra key', () => {
    expect(schema.safeParse({ ...issued, office: 'president' }).success).toBe(false);
    expect(schema.safeParse({ ...issued, standing: 'binding' }).success).toBe(false);
    const { penHolder: _pen, ...withoutPen } = issued;
    expect(schema.safeParse(withoutPen).success).toBe(false);
    expect(schema.safeParse({ ...issued, applied: [] }).success).toBe(false);
  });
});
