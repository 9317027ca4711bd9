import { fireEvent, screen } from '@testing-library/react';
import type { PersonTranslation } from '@parley/contracts';
import { renderWithApp } from '../../test/render';
import { TranslatableText } from './TranslatableText';

const ARABIC = 'هل يشمل القطاع التجاري المؤسسات المملوكة للدولة؟';
const english: PersonTranslation = {
  id: 't1',
  language: 'en',
  text: 'Does the commercial sector cover state-owned enterprises?',
  translator: {
    id: 'p1',
    name: 'Bo Translator',
    snapshot: { affiliationId: 'a1', organisationId: 'o1', organisationName: 'Open Net Lab', stakeholderGroup: 'civil-society', subtype: 'ngo', country: null, title: 'Researcher', organisationVerified: false },
  },
  createdAt: '2026-12-06T20:00:00.000Z',
};

const shown = (language: 'en' | 'fr', writtenLanguage: 'ar' | 'en' | null, translations: PersonTranslation[] = []) =>
  renderWithApp(
    <TranslatableText documentId="d1" subject={{ kind: 'comment', id: 'c1' }} language={writtenLanguage} translations={translations} canTranslate={false}>
      {writtenLanguage === 'en' ? 'Written in English.' : ARABIC}
    </TranslatableText>,
    { language },
  );

describe('TranslatableText (decision 0047)', () => {
  it('marks a text written in another language than the reader’s, and gives it its lang and direction', () => {
    shown('en', 'ar');
    expect(screen.getByTestId('written-in').textContent).toBe('Written in Arabic');
    const text = screen.getByText(ARABIC);
    expect([text.getAttribute('lang'), text.getAttribute('dir')]).toEqual(['ar', 'rtl']);
  });

  it('says nothing of a text in the reader’s language, nor of one whose language is unknown (dir auto)', () => {
    shown('en', 'en');
    expect(screen.queryByTestId('written-in')).toBeNull();
    shown('fr', null);
    expect(screen.queryAllByTestId('written-in')).toHaveLength(0);
    const unknown = screen.getByText(ARABIC);
    expect([unknown.getAttribute('lang'), unknown.getAttribute('dir')]).toEqual([null, 'auto']);
  });

  it('in French, names the language in French', () => {
    shown('fr', 'ar');
    expect(screen.getByTestId('written-in').textContent).toBe('Rédigé en arabe');
  });

  it('always shows the original; a participant’s translation into the reader’s language is beside it on request, as theirs, not official', () => {
    shown('en', 'ar', [english]);
    expect(screen.getByText(ARABIC).getAttribute('lang')).toBe('ar');
    expect(screen.queryByTestId('person-translation')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show a participant’s translation' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const translation = screen.getByTestId('person-translation');
    expect(translation.textContent).toContain(english.text);
    expect(translation.textContent).toContain('Bo Translator');
    expect(translation.textContent).toContain('not an official translation');
    expect(screen.getByText(ARABIC)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide the translation' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('a translation into another language than the reader’s does not replace the original', () => {
    shown('fr', 'ar', [english]);
    expect(screen.queryByTestId('person-translation')).toBeNull();
    expect(screen.getByText(ARABIC)).toBeTruthy();
  });
});
