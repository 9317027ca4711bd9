import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../../test/render';
import { SignUpPage } from './SignUpPage';

const problem = (status: number, body: unknown) => ({
  ok: false,
  status,
  statusText: '',
  headers: { get: () => 'application/problem+json' },
  text: async () => JSON.stringify(body),
});

describe('SignUpPage', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    (globalThis as { fetch: unknown }).fetch = fetchMock;
  });

  const ok = (status: number, body: unknown) => ({
    ok: true,
    status,
    statusText: '',
    headers: { get: () => 'application/json' },
    text: async () => JSON.stringify(body),
  });
  const notSignedIn = problem(401, { type: '/problems/unauthenticated', title: 'Not signed in', status: 401, detail: 'Sign in to do this' });
  const fill = async (password: string) => {
    fireEvent.change(await screen.findByLabelText(/Nom complet/), { target: { value: 'Ada Delegate' } });
    fireEvent.change(screen.getByLabelText(/Adresse e-mail/), { target: { value: 'ada@example.org' } });
    fireEvent.change(screen.getByLabelText(/Mot de passe/, { selector: 'input' }), { target: { value: password } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer mon compte' }));
  };

  it('shows the server’s field errors next to their fields, in the reader’s language', async () => {
    fetchMock.mockImplementation(async (url: string) => {
      if (url === '/api/me') return notSignedIn;
      return problem(400, {
        type: '/problems/validation-failed',
        title: 'Invalid request',
        status: 400,
        detail: 'password: Too easy to guess: This is a commonly used password.',
        code: 'invalid-request',
        params: {},
        errors: [{ field: 'password', code: 'weak-password', params: { why: 'This is a commonly used password.' }, message: 'Too easy to guess: This is a commonly used password.' }],
      });
    });
    renderWithApp(<SignUpPage />, { language: 'fr' });
    await fill('password1234');

    const password = screen.getByLabelText(/Mot de passe/, { selector: 'input' });
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (password.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(messages).toContain('Trop facile à deviner : choisissez un mot de passe plus long, quelques mots peu courants par exemple');
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/api/auth/register') as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ name: 'Ada Delegate', email: 'ada@example.org', password: 'password1234' });
  });

  it('signs in after registering; when the address already had an account (the sign-in fails), says so and offers to log in', async () => {
    fetchMock.mockImplementation(async (url: string) => {
      if (url === '/api/auth/register') return ok(202, { status: 'received', detail: '…' });
      return notSignedIn; // /api/me and /api/auth/login: the address had an account with another password
    });
    renderWithApp(<SignUpPage />, { language: 'fr' });
    await fill('correct horse battery');

    expect(await screen.findByText(/Cette adresse a peut-être déjà un compte/)).toBeTruthy();
    const notice = screen.getByRole('status');
    expect(within(notice).getByRole('link', { name: 'Se connecter' }).getAttribute('href')).toBe('/login');
    const [, login] = fetchMock.mock.calls.find(([url]) => url === '/api/auth/login') as [string, RequestInit];
    expect(JSON.parse(String(login.body))).toEqual({ email: 'ada@example.org', password: 'correct horse battery' });
  });
});
