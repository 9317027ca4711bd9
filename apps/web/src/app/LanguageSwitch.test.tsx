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

describe('LanguageSwitch', () => {
  beforeEach(() => localStorage.clear());

  it('switches visible text to French, sets <html lang> and remembers the choice', async () => {
    renderWithApp(<Page />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Organisation directory');
    expect(document.documentElement.lang).toBe('en');

    fireEvent.click(screen.getByRole('radio', { name: 'Français' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Annuaire des organisations' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'S’inscrire' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect((screen.getByRole('radio', { name: 'Français' }) as HTMLInputElement).checked).toBe(true);
  });
});
