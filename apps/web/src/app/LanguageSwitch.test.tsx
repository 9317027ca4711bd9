import { fireEvent, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY } from '../i18n';
import { renderWithApp } from '../test/render';
import { LanguageSwitch } from './LanguageSwitch';

function Page() {
  const { t } = useTranslation();
  return (
    <>
      <LanguageSwitch />
      <h1>{t('organisations.title')}</h1>
      <a href="/signup">{t('nav.signUp')}</a>
    </>
  );
}

const switchTo = (value: string) => fireEvent.change(screen.getByRole('combobox', { name: /^(Language|Langue)$/ }), { target: { value } });

describe('LanguageSwitch', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
  });

  it('lists the six languages by their own names, each marked with its language', () => {
    renderWithApp(<Page />);
    const options = screen.getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['ar', 'العربية', 'ar'],
      ['zh', '中文', 'zh'],
      ['en', 'English', 'en'],
      ['fr', 'Français', 'fr'],
      ['ru', 'Русский', 'ru'],
      ['es', 'Español', 'es'],
    ]);
  });

  it('switches visible text to French, sets <html lang> and remembers the choice', async () => {
    renderWithApp(<Page />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Organisation directory');
    expect(document.documentElement.lang).toBe('en');

    switchTo('fr');

    expect(await screen.findByRole('heading', { level: 1, name: 'Annuaire des organisations' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'S’inscrire' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect((screen.getByRole('combobox', { name: 'Langue' }) as HTMLSelectElement).value).toBe('fr');
  });

  it('turns the page right to left in Arabic, and back to left to right in Chinese', async () => {
    renderWithApp(<Page />);
    switchTo('ar');
    await screen.findByRole('combobox', { name: /^(Language|اللغة)$/ });
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');

    switchTo('zh');
    expect(document.documentElement.lang).toBe('zh');
    expect(document.documentElement.dir).toBe('ltr');
  });
});
