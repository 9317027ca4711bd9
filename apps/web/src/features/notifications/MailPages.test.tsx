import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../../test/render';
import { FeedLink } from './FeedLink';
import { LanguageSync } from './LanguageSync';
import { OutboxPage } from './OutboxPage';
import { UnsubscribePage } from './UnsubscribePage';
import { VerifyEmailPage } from './VerifyEmailPage';
import { G, ME, stubApi } from './test-fixtures';

const TOKEN = 'tok_abcdefghijkl';

describe('pages an e-mail links to', () => {
  it('verify-email confirms the token once and says the address is verified', async () => {
    const calls = stubApi({ 'POST /api/email-verification/confirm': { email: 'wanjiru@example.org', verified: true } });
    renderWithApp(<VerifyEmailPage />, { route: `/verify-email?token=${TOKEN}` });
    expect((await screen.findByTestId('verified')).textContent).toBe('wanjiru@example.org is verified: Parley will send your notifications there.');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', url: '/api/email-verification/confirm', body: { token: TOKEN } }]);
  });

  it('verify-email says when the link does not work', async () => {
    stubApi({});
    renderWithApp(<VerifyEmailPage />, { route: `/verify-email?token=${TOKEN}` });
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('The address could not be verified')).toBeTruthy();
  });

  it('unsubscribe turns nothing off until the button, then says which e-mail stopped', async () => {
    const calls = stubApi({ 'POST /api/unsubscribe': { unsubscribed: 'mentioned' } });
    renderWithApp(<UnsubscribePage />, { route: `/unsubscribe?token=${TOKEN}` });
    await screen.findByRole('button', { name: 'Unsubscribe' });
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect((await screen.findByTestId('unsubscribed')).textContent).toBe('You will no longer receive e-mail for “Someone mentioned you”.');
    expect(calls.find((c) => c.method === 'POST')?.url).toBe(`/api/unsubscribe?token=${TOKEN}`);
    expect(screen.getByRole('link', { name: 'Notification settings' }).getAttribute('href')).toBe('/me/notifications');
  });
});

describe('OutboxPage', () => {
  const item = {
    id: 'm1',
    to: 'ana@example.org',
    recipient: { id: 'p2', name: 'Ana Ruiz' },
    purpose: 'immediate',
    language: 'en',
    subject: 'Wanjiru Kamau mentioned you',
    status: 'sent',
    createdAt: '2026-12-03T10:00:00.000Z',
    sentAt: '2026-12-03T10:00:01.000Z',
  };
  it('lists the mails for a steward and shows one as text and as sandboxed HTML', async () => {
    stubApi(
      {
        'GET /api/mail/outbox': { items: [item], nextCursor: null },
        'GET /api/mail/outbox/m1': { ...item, text: 'Wanjiru Kamau mentioned you on OP3.', html: '<p>Wanjiru <script>alert(1)</script></p>', headers: {} },
      },
      { ...ME, isSteward: true },
    );
    renderWithApp(<OutboxPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Wanjiru Kamau mentioned you' }));
    const message = await screen.findByTestId('outbox-message');
    expect(message.textContent).toContain('Wanjiru Kamau mentioned you on OP3.');
    const frame = within(message).getByTitle('HTML version of “Wanjiru Kamau mentioned you”') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe('<p>Wanjiru <script>alert(1)</script></p>');
    expect(message.querySelector('script')).toBeNull();
  });

  it('is only for stewards', async () => {
    const calls = stubApi({});
    renderWithApp(<OutboxPage />);
    expect(await screen.findByText('Only stewards can read the outbox.')).toBeTruthy();
    expect(calls.some((c) => c.url.startsWith('/api/mail'))).toBe(false);
  });
});

describe('FeedLink', () => {
  it('shows the feed and announces it in the head while the page is open', () => {
    const { unmount } = renderWithApp(<FeedLink href={`/api/working-groups/${G.id}/feed.atom`} title={G.name} />);
    expect(screen.getByRole('link', { name: `Atom feed of ${G.name}` }).getAttribute('href')).toBe(`/api/working-groups/${G.id}/feed.atom`);
    const alternate = document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]');
    expect(alternate?.getAttribute('href')).toBe(`/api/working-groups/${G.id}/feed.atom`);
    unmount();
    expect(document.head.querySelector('link[rel="alternate"]')).toBeNull();
  });
});

describe('LanguageSync', () => {
  it('after sign-in, sets the e-mail language to the one Parley is read in, once', async () => {
    const calls = stubApi({
      'GET /api/me/notification-preferences': { kinds: [], email: { address: 'w@example.org', verified: true, language: 'en' } },
      'PUT /api/me/language': undefined,
    });
    renderWithApp(<LanguageSync />, { language: 'fr' });
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toEqual([{ method: 'PUT', url: '/api/me/language', body: { language: 'fr' } }]));
  });

  it('in any of the six languages: a reader of the Arabic interface gets e-mail in Arabic', async () => {
    const calls = stubApi({
      'GET /api/me/notification-preferences': { kinds: [], email: { address: 'w@example.org', verified: true, language: 'en' } },
      'PUT /api/me/language': undefined,
    });
    renderWithApp(<LanguageSync />, { language: 'ar' });
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toEqual([{ method: 'PUT', url: '/api/me/language', body: { language: 'ar' } }]));
  });

  it('sends nothing when they agree', async () => {
    const calls = stubApi({ 'GET /api/me/notification-preferences': { kinds: [], email: { address: 'w@example.org', verified: true, language: 'en' } } });
    renderWithApp(<LanguageSync />);
    await waitFor(() => expect(calls.some((c) => c.url === '/api/me/notification-preferences')).toBe(true));
    await new Promise((r) => setTimeout(r, 30));
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });
});
