import { fireEvent, screen } from '@testing-library/react';
import type { ClauseLanguageView } from '@parley/contracts';
import { renderWithApp } from '../../../test/render';
import { ClauseInLanguage } from './ClauseInLanguage';

const outdated: ClauseLanguageView = {
  language: 'fr',
  state: 'outdated',
  text: 'Les États coopèrent.',
  sourceText: 'تتعاون الدول.',
  translator: null,
  translatedAt: '2026-12-01T10:00:00.000Z',
  madeOnVersion: 1,
};

describe('ClauseInLanguage', () => {
  it('shows the original as translated and the diff in the original’s language and direction, not the translation’s', () => {
    renderWithApp(
      <ClauseInLanguage documentId="d1" version={2} clauseId="c1" label="1." original="تتعاون جميع الدول." originalLanguage="ar" view={outdated} canTranslate={false} />,
    );
    expect(screen.getByText('Les États coopèrent.').getAttribute('lang')).toBe('fr');
    fireEvent.click(screen.getByRole('button', { expanded: false }));
    for (const id of ['original-as-translated', 'original-diff']) {
      const el = screen.getByTestId(id);
      expect(el.getAttribute('lang')).toBe('ar');
      expect(el.getAttribute('dir')).toBe('rtl');
    }
  });
});
