import { chairsTextName, suggestChairsTextLabel } from './chairs-text-labels';
import { CHAIRS_TEXT_STANDINGS, OFFICES } from './offices';

describe('suggestChairsTextLabel', () => {
  it('suggests "Zero draft" for the first chair’s text', () => {
    expect(suggestChairsTextLabel([])).toBe('Zero draft');
  });

  it('then Rev.1, Rev.2… counting the chair’s texts already issued', () => {
    expect(suggestChairsTextLabel(['Zero draft'])).toBe('Rev.1');
    expect(suggestChairsTextLabel(['Zero draft', 'Rev.1'])).toBe('Rev.2');
    expect(suggestChairsTextLabel(['Zero draft', 'Rev.1', 'Rev.2', 'Rev.3'])).toBe('Rev.4');
  });

  it('counts overridden labels (a group’s own symbol) as chair’s texts all the same', () => {
    expect(suggestChairsTextLabel(['A/AC.292/2025/CRP.1'])).toBe('Rev.1');
    expect(suggestChairsTextLabel(['Zero draft', 'Chair’s proposal'])).toBe('Rev.2');
  });
});

describe('chairsTextName', () => {
  it('names the label, the office, the standing and the pen holder', () => {
    expect(chairsTextName({ label: 'Rev.1', office: "Chair's text", standing: 'draft', penHolder: 'Ana Ruiz, Government of X (government)' })).toBe(
      "Rev.1 \u2014 Chair's text (draft), pen held by Ana Ruiz, Government of X (government)",
    );
  });

  it('leaves the pen holder out when unknown', () => {
    expect(chairsTextName({ label: 'Zero draft', office: "Secretariat's text", standing: 'non-paper', penHolder: null })).toBe(
      "Zero draft \u2014 Secretariat's text (non-paper)",
    );
  });
});

describe('the vocabulary', () => {
  it('has three offices and three standings', () => {
    expect(OFFICES).toEqual(['chair', 'co-facilitators', 'secretariat']);
    expect(CHAIRS_TEXT_STANDINGS).toEqual(['non-paper', 'draft', 'final']);
  });
});
