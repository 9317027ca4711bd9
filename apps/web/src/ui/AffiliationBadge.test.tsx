import { screen, within } from '@testing-library/react';
import type { AffiliationSnapshot } from '@parley/domain';
import { renderWithApp } from '../test/render';
import { AffiliationBadge } from './AffiliationBadge';

const snapshot = (overrides: Partial<AffiliationSnapshot> = {}): AffiliationSnapshot => ({
  affiliationId: 'a1',
  organisationId: 'o1',
  organisationName: 'Microsoft',
  stakeholderGroup: 'private-sector',
  subtype: 'company',
  country: 'US',
  title: 'Vice-President, Digital Diplomacy',
  organisationVerified: true,
  ...overrides,
});

describe('AffiliationBadge', () => {
  it('shows the name, the organisation, the stakeholder group by name and the verified mark', () => {
    renderWithApp(<AffiliationBadge name="Ada Delegate" personId="p1" affiliation={snapshot()} />);
    const badge = screen.getByTestId('affiliation-badge');
    expect(within(badge).getByRole('link', { name: 'Ada Delegate' }).getAttribute('href')).toBe('/people/p1');
    expect(badge.textContent).toContain('Microsoft');
    // The group's colour is never the only signal: its name is there too.
    expect(within(badge).getByText('Private sector')).toBeTruthy();
    expect(badge.querySelector('[data-group="private-sector"]')).not.toBeNull();
    expect(within(badge).getByText('Verified')).toBeTruthy();
    expect(within(badge).queryByText('Unverified')).toBeNull();
  });

  it('says "Unverified" for an organisation no steward verified', () => {
    renderWithApp(
      <AffiliationBadge
        name="Bo Expert"
        affiliation={snapshot({ organisationName: 'Open Net Lab', stakeholderGroup: 'civil-society', subtype: 'ngo', organisationVerified: false })}
      />,
    );
    const badge = screen.getByTestId('affiliation-badge');
    expect(within(badge).getByText('Civil society')).toBeTruthy();
    expect(within(badge).getByText('Unverified')).toBeTruthy();
    expect(within(badge).queryByRole('link')).toBeNull();
  });

  it('marks an affiliation its organisation has not confirmed, beside (not instead of) the organisation’s Verified', () => {
    renderWithApp(<AffiliationBadge name="Eve Declared" affiliation={snapshot({ confirmation: null })} />);
    const badge = screen.getByTestId('affiliation-badge');
    expect(within(badge).getByText('Verified')).toBeTruthy();
    expect(within(badge).getByText('Unconfirmed').closest('[data-confirmed]')?.getAttribute('title')).toBe('The organisation has not confirmed this affiliation');
  });

  it('marks a confirmed affiliation with who confirmed it and when; says nothing for acts recorded before confirmations', () => {
    const confirmation = { by: { id: 'p9', name: 'Fiona Focal' }, as: 'focal-point' as const, at: '2026-03-02T10:00:00.000Z' };
    renderWithApp(<AffiliationBadge name="Ada Delegate" affiliation={snapshot({ confirmation })} />, { language: 'fr' });
    const mark = within(screen.getByTestId('affiliation-badge')).getByText('Confirmée').closest('[data-confirmed]');
    expect(mark?.getAttribute('title')).toMatch(/^Affiliation confirmée par Fiona Focal \(point focal\), le /);
    renderWithApp(<AffiliationBadge name="Old Act" affiliation={snapshot()} />);
    expect(screen.getAllByTestId('affiliation-badge')[1].querySelector('[data-confirmed]')).toBeNull();
  });

  it('says so when the person has no current affiliation', () => {
    renderWithApp(<AffiliationBadge name="Cy Newcomer" affiliation={null} />);
    expect(screen.getByText('No current affiliation')).toBeTruthy();
  });

  it('speaks French when the reader does', () => {
    renderWithApp(
      <AffiliationBadge
        name="Ada Delegate"
        affiliation={snapshot({ stakeholderGroup: 'government', subtype: 'national', organisationVerified: false })}
        withTitle
      />,
      { language: 'fr' },
    );
    const badge = screen.getByTestId('affiliation-badge');
    expect(within(badge).getByText('Gouvernement')).toBeTruthy();
    expect(within(badge).getByText('Non vérifiée')).toBeTruthy();
    expect(badge.textContent).toContain('Vice-President, Digital Diplomacy, Microsoft');
  });

  it('isolates the name, the title and the organisation (<bdi>), so Latin names keep their direction in an Arabic page', () => {
    renderWithApp(<AffiliationBadge name="Ada Delegate" personId="p1" affiliation={snapshot()} withTitle />, { language: 'ar' });
    const badge = screen.getByTestId('affiliation-badge');
    const isolated = [...badge.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(isolated).toEqual(['Ada Delegate', 'Vice-President, Digital Diplomacy', 'Microsoft']);
  });

  it('isolates the organisation’s name when no title is shown', () => {
    renderWithApp(<AffiliationBadge name="Ada Delegate" affiliation={snapshot({ organisationName: 'وزارة الخارجية' })} />, { language: 'en' });
    expect(screen.getByTestId('organisation-name').tagName).toBe('BDI');
    expect(screen.getByTestId('organisation-name').textContent).toBe('وزارة الخارجية');
  });
});
