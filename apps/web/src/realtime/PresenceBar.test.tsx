import { screen } from '@testing-library/react';
import type { PresenceSnapshot } from '@parley/contracts';
import { renderWithApp } from '../test/render';
import { PresenceBar } from './PresenceBar';

const D = '0b5e3c61-2d1f-4f55-8c3c-6a9b7d3e2f02';
const snapshot = {
  affiliationId: 'a',
  organisationId: 'o',
  organisationName: 'Digital Rights Watch',
  stakeholderGroup: 'civil-society',
  subtype: 'ngo',
  country: 'KE',
  title: 'Policy lead',
  organisationVerified: true,
} as const;
const presence = (people: PresenceSnapshot['people'], anonymous: number): PresenceSnapshot => ({
  room: `doc:${D}`,
  people,
  anonymous,
  at: '2026-11-23T10:00:00.000Z',
});

describe('PresenceBar', () => {
  it('shows who is viewing with their affiliation, and the readers not signed in', () => {
    renderWithApp(<PresenceBar presence={presence([{ id: 'p1', name: 'Wanjiru Kamau', snapshot }], 2)} />);
    const region = screen.getByRole('region', { name: 'Who is viewing this page' });
    expect(region.textContent).toContain('Viewing now:');
    expect(screen.getByRole('link', { name: 'Wanjiru Kamau' }).getAttribute('href')).toBe('/people/p1');
    expect(region.textContent).toContain('Digital Rights Watch');
    expect(region.textContent).toContain('and 2 readers who are not signed in');
  });

  it('speaks French', () => {
    renderWithApp(<PresenceBar presence={presence([], 1)} />, { language: 'fr' });
    expect(screen.getByRole('region', { name: 'Qui consulte cette page' }).textContent).toContain('1 lecteur non connecté');
  });

  it('shows nothing when nobody is there or nothing is known yet', () => {
    const { container } = renderWithApp(<PresenceBar presence={null} />);
    expect(container.querySelector('[data-testid="presence-bar"]')).toBeNull();
  });
});
