import { fireEvent, screen, waitFor } from '@testing-library/react';
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

  it('shows the server’s field errors next to their fields, in the reader’s language', async () => {
    fetchMock.mockImplementation(async (url: string) => {
      if (url === '/api/me') return problem(401, { type: '/problems/unauthenticated', title: 'Not signed in', status: 401, detail: 'Sign in to do this' });
      return problem(409, {
        type: '/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'An account with this e-mail address already exists',
        errors: [{ field: 'email', message: 'An account with this e-mail address already exists' }],
      });
    });
    renderWithApp(<SignUpPage />, { language: 'fr' });

    fireEvent.change(await screen.findByLabelText(/Nom complet/), { target: { value: 'Ada Delegate' } });
    fireEvent.change(screen.getByLabelText(/Adresse e-mail/), { target: { value: 'ada@example.org' } });
    fireEvent.change(screen.getByLabelText(/Mot de passe/, { selector: 'input' }), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    const email = screen.getByLabelText(/Adresse e-mail/);
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (email.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(messages).toContain('Un compte existe déjà avec cette adresse e-mail');
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/api/auth/register') as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ name: 'Ada Delegate', email: 'ada@example.org', password: 'a long enough password' });
  });
});
