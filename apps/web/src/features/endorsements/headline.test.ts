import type { SignatoryCounts } from '@parley/contracts';
import { createI18n } from '../../test/i18n';
import { signatoryHeadline } from './headline';

const counts = (n: { national?: number; local?: number; company?: number; ngo?: number; academia?: number }): SignatoryCounts => ({
  total: Object.values(n).reduce((a, b) => a + (b ?? 0), 0),
  byStakeholderGroup: [
    {
      stakeholderGroup: 'government',
      count: (n.national ?? 0) + (n.local ?? 0),
      bySubtype: [
        { subtype: 'national', count: n.national ?? 0 },
        { subtype: 'local', count: n.local ?? 0 },
        { subtype: 'intergovernmental', count: 0 },
      ],
    },
    {
      stakeholderGroup: 'private-sector',
      count: n.company ?? 0,
      bySubtype: [
        { subtype: 'company', count: n.company ?? 0 },
        { subtype: 'business-association', count: 0 },
      ],
    },
    {
      stakeholderGroup: 'civil-society',
      count: (n.ngo ?? 0) + (n.academia ?? 0),
      bySubtype: [
        { subtype: 'ngo', count: n.ngo ?? 0 },
        { subtype: 'academia', count: n.academia ?? 0 },
        { subtype: 'technical-community', count: 0 },
        { subtype: 'individual', count: 0 },
      ],
    },
  ],
});

describe('the signatory headline, as the Paris Call counts its supporters', () => {
  const en = createI18n({ lng: 'en', detect: false });
  const fr = createI18n({ lng: 'fr', detect: false });

  it.each([
    [
      { national: 81, local: 36, company: 706, ngo: 300, academia: 90 },
      '81 states, 36 local governments, 706 companies and 390 civil-society organisations',
      '81 États, 36 collectivités locales, 706 entreprises et 390 organisations de la société civile',
    ],
    [{ national: 1, ngo: 1 }, '1 state and 1 civil-society organisation', '1 État et 1 organisation de la société civile'],
    [{ company: 2 }, '2 companies', '2 entreprises'],
    [{}, 'No organisation has endorsed this text yet.', 'Aucune organisation n’a encore approuvé ce texte.'],
  ])('%j', (n, english, french) => {
    expect(signatoryHeadline(en.t, counts(n), 'en')).toBe(english);
    expect(signatoryHeadline(fr.t, counts(n), 'fr')).toBe(french);
  });
});
