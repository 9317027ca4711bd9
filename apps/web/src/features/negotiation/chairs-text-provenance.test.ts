import type { ProvenanceResponse } from '@parley/contracts';
import { createI18n } from '../../test/i18n';
import { provenanceHeadline } from '../documents/provenance-headline';

const en = createI18n({ lng: 'en', detect: false });
const fr = createI18n({ lng: 'fr', detect: false });
const percentIn = (lng: string) => (share: number) => new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 0 }).format(share);

type Headline = NonNullable<ProvenanceResponse['headline']>;
// A company's delegate chairs and wrote Rev.1: the office never hides who held the pen.
const rev1: Headline = {
  source: 'chairs-text',
  group: 'private-sector',
  organisationName: 'Microsoft',
  words: 38,
  share: 0.38,
  percent: 38,
  text: '',
  chairsText: { version: 3, label: 'Rev.1', office: 'chair' },
};

describe('the provenance headline of a chair’s text', () => {
  it('names the office, the label, and the pen holder’s organisation and stakeholder group', () => {
    expect(provenanceHeadline(en.t, rev1, percentIn('en'))).toBe("38% of this text was written in the Chair's text Rev.1 (pen: Microsoft, private sector)");
    expect(provenanceHeadline(fr.t, rev1, percentIn('fr'))).toBe(`${percentIn('fr')(0.38)} de ce texte ont été rédigés dans le texte de la présidence Rev.1 (plume : Microsoft, secteur privé)`);
  });

  it('names the pen holder’s group when their organisation had not confirmed them', () => {
    expect(provenanceHeadline(en.t, { ...rev1, organisationName: null, chairsText: { version: 2, label: 'Zero draft', office: 'secretariat' } }, percentIn('en'))).toBe(
      "38% of this text was written in the Secretariat's text Zero draft (pen: a private-sector delegate)",
    );
  });
});
