import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../../test/render';
import { NotificationCentrePage } from './NotificationCentrePage';
import { D, G, notification, stubApi } from './test-fixtures';

const OTHER_DOC = { id: '55555555-5555-4555-8555-555555555555', title: 'Code of conduct' };
const OTHER_GROUP = { id: '66666666-6666-4666-8666-666666666666', name: 'Safety group' };

const page1 = [
  notification({ id: 'n1', createdAt: '2026-12-03T10:00:00.000Z' }),
  notification({
    id: 'n2',
    createdAt: '2026-12-03T09:00:00.000Z',
    group: OTHER_GROUP,
    document: null,
    kind: 'join-request-decided',
    actor: null,
    facts: { decision: 'admitted' },
    link: `/working-groups/${OTHER_GROUP.id}`,
  }),
  notification({ id: 'n3', createdAt: '2026-12-03T08:00:00.000Z', document: OTHER_DOC, readAt: '2026-12-03T08:30:00.000Z', kind: 'comment-reply', facts: {} }),
  notification({
    id: 'n4',
    createdAt: '2026-12-03T07:00:00.000Z',
    kind: 'silence-started',
    actor: null,
    subject: { title: null, label: null },
    facts: { deadline: '2026-12-10T12:00:00.000Z' },
  }),
];
const page2 = [
  notification({
    id: 'n5',
    createdAt: '2026-12-01T07:00:00.000Z',
    group: OTHER_GROUP,
    document: null,
    kind: 'join-request-received',
    link: `/working-groups/${OTHER_GROUP.id}`,
  }),
];

describe('NotificationCentrePage', () => {
  it('groups by working group then document, marks the unread, and loads more by cursor', async () => {
    const calls = stubApi({
      'GET /api/me/notifications': ({ url }) =>
        url.includes('cursor=c2') ? { items: page2, nextCursor: null, unread: 4 } : { items: page1, nextCursor: 'c2', unread: 4 },
    });
    renderWithApp(<NotificationCentrePage />);
    const norms = await screen.findByRole('region', { name: G.name });
    // The group's documents each under their title, in the order of their newest item.
    expect(
      within(norms)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual([D.title, OTHER_DOC.title]);
    const [paris] = within(norms).getAllByRole('list');
    expect(
      within(paris)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Unread: Ana Ruiz (Access Now, civil society) mentioned you on paragraph 3 of “Paris Call”: “What do you think?”',
      'Unread: “Paris Call” is under silence procedure until 10 Dec 2026, 12:00 UTC: it is adopted unless a member objects.',
    ]);
    // A read item says nothing more, and is not marked.
    const read = within(norms).getByRole('link', { name: /replied to your comment/ });
    expect(read.textContent).not.toContain('Unread');
    expect(read.closest('[data-testid="notification"]')?.getAttribute('data-unread')).toBe('false');
    const safety = screen.getByRole('region', { name: OTHER_GROUP.name });
    expect(within(safety).getByRole('link').textContent).toBe('Unread: Your request to join the group “Safety group” was accepted.');
    expect(screen.getByTestId('centre-unread').textContent).toBe('4 unread');

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: OTHER_GROUP.name })).getAllByRole('link')).toHaveLength(2));
    expect(calls.filter((c) => c.url.startsWith('/api/me/notifications')).map((c) => c.url)).toEqual([
      '/api/me/notifications?limit=30',
      '/api/me/notifications?limit=30&cursor=c2',
    ]);
  });

  it('marks all read up to the newest item seen, and filters to the unread', async () => {
    let unread = 3;
    const calls = stubApi({
      'GET /api/me/notifications': ({ url }) => ({ items: url.includes('unread=true') ? page1.filter((n) => !n.readAt) : page1, nextCursor: null, unread }),
      'POST /api/me/notifications/read-all': () => {
        unread = 0;
        return { marked: 3, unread: 0 };
      },
    });
    renderWithApp(<NotificationCentrePage />);
    await screen.findByRole('region', { name: G.name });
    fireEvent.click(screen.getByRole('switch', { name: 'Unread only' }));
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/api/me/notifications?limit=30&unread=true'));
    await screen.findByRole('link', { name: /mentioned you/ });
    expect(screen.queryByRole('link', { name: /replied to your comment/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/api/me/notifications/read-all', body: { upTo: '2026-12-03T10:00:00.000Z' } }),
    );
    expect(await screen.findByText('0 unread')).toBeTruthy();
  });

  it('opening an item marks it read', async () => {
    const calls = stubApi({ 'GET /api/me/notifications': { items: page1, nextCursor: null, unread: 3 } });
    renderWithApp(<NotificationCentrePage />);
    fireEvent.click(await screen.findByRole('link', { name: /mentioned you/ }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.url).toBe('/api/me/notifications/n1/read'));
  });

  it('speaks French', async () => {
    stubApi({ 'GET /api/me/notifications': { items: page1.slice(0, 1), nextCursor: null, unread: 1 } });
    renderWithApp(<NotificationCentrePage />, { language: 'fr' });
    expect((await screen.findByRole('link', { name: /vous a mentionné/ })).textContent).toBe(
      'Non lue : Ana Ruiz (Access Now, société civile) vous a mentionné sur le paragraphe 3 de « Paris Call » : « What do you think? »',
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Vos notifications');
  });
});
