import type { ChairsTextSummary } from '@parley/contracts';
import { createI18n } from '../../test/i18n';
import { chairsTextName, chairsTextTitle, versionName } from './chairs-text-name';

const en = createI18n({ lng: 'en', detect: false });
const fr = createI18n({ lng: 'fr', detect: false });

const rev1: ChairsTextSummary = {
  label: 'Rev.1',
  symbol: null,
  standing: 'draft',
  office: 'chair',
  penHolder: {
    id: 'p1',
    name: 'Ana Ruiz',
    snapshot: {
      affiliationId: 'a1',
      organisationId: 'o1',
      organisationName: 'Government of X',
      stakeholderGroup: 'government',
      subtype: 'national',
      country: 'XX',
      title: 'Delegate',
      organisationVerified: true,
    },
  },
};

describe('naming a chair’s text', () => {
  it('in English: label, office, standing and the pen holder with their affiliation', () => {
    const t = en.t;
    expect(chairsTextTitle(t, rev1)).toBe("Rev.1 — Chair's text (draft)");
    expect(chairsTextName(t, rev1)).toBe("Rev.1 — Chair's text (draft), pen held by Ana Ruiz, Government of X (Government)");
    expect(versionName(t, { number: 3, chairsText: rev1 })).toBe("Version 3 — Rev.1 — Chair's text (draft)");
    expect(versionName(t, { number: 2, chairsText: null })).toBe('Version 2');
  });

  it('in French', () => {
    const t = fr.t;
    expect(chairsTextName(t, { ...rev1, office: 'co-facilitators', standing: 'non-paper' })).toBe(
      'Rev.1 — Texte des cofacilitateurs (statut : non-document), plume tenue par Ana Ruiz (Government of X, Gouvernement)',
    );
  });
});
