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

/**
 * Opens the language menu (its button is named "Language: <current language in itself>"). jsdom
 * does not lay the dropdown out, so Mantine keeps it out of the accessibility tree here (`hidden`);
 * the browser tests (arabic-journey) open the real menu, visibly, by keyboard.
 */
const openMenu = async () => {
  fireEvent.click(screen.getByTestId('language-switch'));
  return screen.findByRole('menu', { hidden: true });
};
const choose = async (endonym: string) => {
  await openMenu();
  fireEvent.click(await screen.findByRole('menuitem', { name: endonym, hidden: true }));
};

describe('LanguageSwitch', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
  });

  it('names the current language in itself, and lists the six by their own names, each marked with its language', async () => {
    renderWithApp(<Page />);
    expect(screen.getByRole('button', { name: 'Language: English' })).toBeTruthy();
    await openMenu();
    const items = screen.getAllByRole('menuitem', { hidden: true });
    expect(items.map((i) => [i.textContent, i.getAttribute('lang'), i.getAttribute('dir'), i.getAttribute('aria-current')])).toEqual([
      ['العربية', 'ar', 'rtl', null],
      ['中文', 'zh', 'ltr', null],
      ['English', 'en', 'ltr', 'true'],
      ['Français', 'fr', 'ltr', null],
      ['Русский', 'ru', 'ltr', null],
      ['Español', 'es', 'ltr', null],
    ]);
  });

  it('switches visible text to French, sets <html lang> and remembers the choice', async () => {
    renderWithApp(<Page />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Organisation directory');
    expect(document.documentElement.lang).toBe('en');

    await choose('Français');

    expect(await screen.findByRole('heading', { level: 1, name: 'Annuaire des organisations' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'S’inscrire' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(await screen.findByRole('button', { name: 'Langue : Français' })).toBeTruthy();
  });

  it('turns the page right to left in Arabic, and back to left to right in Chinese', async () => {
    renderWithApp(<Page />);
    await choose('العربية');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
    expect(screen.getByTestId('language-switch').getAttribute('data-language')).toBe('ar');

    await choose('中文');
    expect(document.documentElement.lang).toBe('zh');
    expect(document.documentElement.dir).toBe('ltr');
  });
});
