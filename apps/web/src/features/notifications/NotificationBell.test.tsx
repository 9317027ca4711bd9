import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { NotificationPush } from '@parley/contracts';
import { LiveProvider } from '../../realtime/LiveProvider';
import { FakeSocket } from '../../realtime/fake-socket';
import type { LiveSocket } from '../../realtime/live-connection';
import { renderWithApp } from '../../test/render';
import { NotificationBell } from './NotificationBell';
import { notification, stubApi } from './test-fixtures';

describe('NotificationBell', () => {
  let socket: FakeSocket;
  const render = () => {
    socket = new FakeSocket();
    return renderWithApp(
      <LiveProvider createSocket={() => socket as unknown as LiveSocket}>
        <NotificationBell />
      </LiveProvider>,
    );
  };

  it('shows the unread count in its name, and counts a pushed notification live', async () => {
    let unread = 3;
    let items = [notification({ id: 'n1' })];
    stubApi({
      'GET /api/me/notifications/unread-count': () => ({ unread }),
      'GET /api/me/notifications': () => ({ items, nextCursor: null, unread }),
    });
    render();
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    expect(screen.getByTestId('bell-count').textContent).toBe('3');

    // The server pushes a new notification to this person's sockets: the count follows at once.
    const pushed = notification({ id: 'n2', facts: { excerpt: 'Look at OP3' } });
    unread = 4;
    items = [pushed, ...items];
    await waitFor(() => expect(socket.connected).toBe(true));
    act(() => socket.fire('notification:new', { notification: pushed, unread: 4 } satisfies NotificationPush));
    expect(await screen.findByRole('button', { name: 'Notifications, 4 unread' })).toBe(bell);

    // Opening it lists the latest, newest first, with the way to the centre.
    fireEvent.click(bell);
    const panel = await screen.findByRole('dialog', { name: 'Latest notifications' });
    await waitFor(() => expect(within(panel).getAllByTestId('notification')).toHaveLength(2));
    const first = (await within(panel).findAllByRole('link'))[0];
    expect(first.textContent).toContain('Ana Ruiz (Access Now, civil society) mentioned you on paragraph 3 of “Paris Call”: “Look at OP3”');
    expect(first.textContent).toMatch(/^Unread:/);
    expect(within(panel).getByRole('link', { name: 'See all notifications' }).getAttribute('href')).toBe('/notifications');

    // Read in another tab: the count says so.
    act(() => socket.fire('notification:unread', { unread: 0 }));
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeTruthy();
    expect(screen.queryByTestId('bell-count')).toBeNull();
  });

  it('marks all read up to the newest shown', async () => {
    let unread = 1;
    const calls = stubApi({
      'GET /api/me/notifications/unread-count': () => ({ unread }),
      'GET /api/me/notifications': () => ({ items: [notification({ id: 'n1', createdAt: '2026-12-02T08:00:00.000Z' })], nextCursor: null, unread }),
      'POST /api/me/notifications/read-all': () => {
        unread = 0;
        return { marked: 1, unread: 0 };
      },
    });
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ upTo: '2026-12-02T08:00:00.000Z' }));
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeTruthy();
  });

  it('is not there for a reader who is not signed in', async () => {
    stubApi({}, null);
    document.cookie = 'parley_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    const { container } = render();
    await waitFor(() => expect(container.querySelector('[data-testid="notification-bell"]')).toBeNull());
  });
});
