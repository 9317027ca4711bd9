import type { ProvenanceResponse } from '@parley/contracts';
import { createI18n } from '../../test/i18n';
import { provenanceHeadline } from './provenance-headline';

const en = createI18n({ lng: 'en', detect: false });
const fr = createI18n({ lng: 'fr', detect: false });
const percentIn = (lng: string) => (share: number) => new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 0 }).format(share);

type Headline = NonNullable<ProvenanceResponse['headline']>;
// As in the demo: one company's original draft is 93% of the text; government amendments 5%.
const draft: Headline = { source: 'original', group: 'private-sector', organisationName: 'Microsoft', words: 93, share: 0.93, percent: 93, text: '' };
const amendments: Headline = { source: 'amendments', group: 'government', organisationName: null, words: 5, share: 0.05, percent: 5, text: '' };

describe('the provenance headline in the reader’s language', () => {
  it('leads with the original draft and the organisation that held it', () => {
    expect(provenanceHeadline(en.t, draft, percentIn('en'))).toBe('93% of this text is from the original draft by Microsoft (private sector)');
    expect(provenanceHeadline(fr.t, draft, percentIn('fr'))).toBe(`93\u00a0% de ce texte proviennent du projet initial de Microsoft (secteur privé)`);
  });

  it('names the group when the draft’s organisation is not known, and a group’s amendments when they lead', () => {
    expect(provenanceHeadline(en.t, { ...draft, organisationName: null }, percentIn('en'))).toBe(
      '93% of this text is from the original draft by a private-sector delegate',
    );
    expect(provenanceHeadline(en.t, { ...amendments, share: 0.6 }, percentIn('en'))).toBe(
      '60% of this text was introduced by government delegates through amendments',
    );
    expect(provenanceHeadline(fr.t, null, percentIn('fr'))).toBe(fr.t('documents.provenance.noAmendments'));
  });
});
