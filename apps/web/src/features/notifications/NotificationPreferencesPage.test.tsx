import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { NOTIFICATION_KIND_CATEGORIES, NOTIFICATION_KINDS, defaultPreference } from '@parley/domain';
import { renderWithApp } from '../../test/render';
import { NotificationPreferencesPage } from './NotificationPreferencesPage';
import { D, G, stubApi } from './test-fixtures';

const prefs = (verified: boolean) => ({
  kinds: NOTIFICATION_KINDS.map((kind) => ({ ...defaultPreference(kind), category: NOTIFICATION_KIND_CATEGORIES[kind] })),
  email: { address: 'wanjiru@example.org', verified, language: 'fr' },
});
const follows = {
  items: [{ targetType: 'document', targetId: D.id, title: D.title, group: G, document: D, link: `/documents/${D.id}`, since: '2026-12-01T10:00:00.000Z' }],
};

describe('NotificationPreferencesPage', () => {
  it('shows each kind by category, with In Parley and E-mail, and saves the rows changed', async () => {
    const calls = stubApi({
      'GET /api/me/notification-preferences': prefs(true),
      'PUT /api/me/notification-preferences': ({ body }) => {
        const sent = JSON.parse(String(body)) as { kinds: { kind: string; inApp: boolean; email: string }[] };
        const p = prefs(true);
        return { ...p, kinds: p.kinds.map((k) => ({ ...k, ...sent.kinds.find((s) => s.kind === k.kind) })) };
      },
      'GET /api/me/follows': { items: [] },
    });
    renderWithApp(<NotificationPreferencesPage />);
    const table = await screen.findByTestId('preferences-table');
    // Categories head their kinds.
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Notification', 'In Parley', 'E-mail', 'Ballots you may vote in', 'Replies and mentions', 'For chairs']));
    expect(within(table).getAllByRole('rowheader')).toHaveLength(NOTIFICATION_KINDS.length);

    const mentionedEmail = within(table).getByRole('combobox', { name: 'E-mail for “Someone mentioned you”' }) as HTMLSelectElement;
    const mentionedInApp = within(table).getByRole('switch', { name: 'Show “Someone mentioned you” in Parley' }) as HTMLInputElement;
    expect(mentionedInApp.checked).toBe(true);
    expect([...mentionedEmail.options].map((o) => o.textContent)).toEqual(['Immediately', 'Daily digest', 'Weekly digest', 'Never']);
    const save = screen.getByRole('button', { name: 'Save settings' });
    expect((save as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(mentionedEmail, { target: { value: 'weekly' } });
    fireEvent.click(within(table).getByRole('switch', { name: 'Show “A ballot closed” in Parley' }));
    fireEvent.click(save);
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toBeDefined());
    const sent = calls.find((c) => c.method === 'PUT')?.body as { kinds: unknown[] };
    expect(sent.kinds).toEqual(
      expect.arrayContaining([
        { kind: 'mentioned', inApp: true, email: 'weekly' },
        { kind: 'ballot-closed', inApp: false, email: defaultPreference('ballot-closed').email },
      ]),
    );
    expect(sent.kinds).toHaveLength(2);
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'E-mail for “Someone mentioned you”' }) as HTMLSelectElement).value).toBe('weekly'));
  });

  it('shows the address, that it is not verified, sends a verification link, and says the mail language', async () => {
    const calls = stubApi({
      'GET /api/me/notification-preferences': prefs(false),
      'POST /api/me/email-verification': undefined,
      'GET /api/me/follows': follows,
    });
    renderWithApp(<NotificationPreferencesPage />);
    const email = await screen.findByRole('region', { name: 'E-mail' });
    expect(email.textContent).toContain('E-mail goes to wanjiru@example.org');
    expect(within(email).getByTestId('email-verified').textContent).toBe('Not verified');
    expect(email.textContent).toContain('E-mail language: Français');
    fireEvent.click(within(email).getByRole('button', { name: 'Send verification link' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.url).toBe('/api/me/email-verification'));
  });

  it('lists what I follow, and stops following', async () => {
    let items = follows.items;
    const calls = stubApi({
      'GET /api/me/notification-preferences': prefs(true),
      'GET /api/me/follows': () => ({ items }),
      [`DELETE /api/me/follows/document/${D.id}`]: () => {
        items = [];
        return undefined;
      },
    });
    renderWithApp(<NotificationPreferencesPage />);
    const list = await screen.findByRole('region', { name: 'What you follow' });
    await waitFor(() => expect(within(list).getByRole('link', { name: D.title }).getAttribute('href')).toBe(`/documents/${D.id}`));
    fireEvent.click(within(list).getByRole('button', { name: `Stop following ${D.title}` }));
    expect(await within(list).findByText(/You follow nothing yet/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
  });
});
