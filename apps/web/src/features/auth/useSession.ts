import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse, RegisterRequest, SecondFactorRequest, SessionResponse } from '@parley/contracts';
import { useNavigate } from 'react-router-dom';
import { CSRF_COOKIE, isProblem, readCookie } from '../../api/client';
import { apiCall } from '../../api/typed-client';

export const ME_KEY = ['me'] as const;

/** Who is signed in: the person, or null when nobody is (the API answers 401). */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      // Without the CSRF cookie there is no browser session to ask about.
      if (!readCookie(CSRF_COOKIE)) return null;
      try {
        return await apiCall('GET /api/me', { signal });
      } catch (e) {
        if (isProblem(e) && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** After registering: signed in (the address was new), or not (it already had an account, with another password). */
export type SignUpOutcome = { signedIn: true; session: SessionResponse } | { signedIn: false };

/**
 * Registers, then signs in with the same address and password. The API answers registration the
 * same whether or not the address already had an account (decision record 0016) and signs nobody
 * in; a new account signs in at once, a taken address does not.
 */
export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: RegisterRequest): Promise<SignUpOutcome> => {
      await apiCall('POST /api/auth/register', { body });
      try {
        const answer = await apiCall('POST /api/auth/login', { body: { email: body.email, password: body.password } });
        // A taken address whose account has a second factor: not signed in, as with another password.
        return isSession(answer) ? { signedIn: true, session: answer } : { signedIn: false };
      } catch (e) {
        if (isProblem(e) && e.status === 401) return { signedIn: false };
        throw e;
      }
    },
    onSuccess: async (outcome) => {
      if (!outcome.signedIn) return;
      qc.setQueryData(ME_KEY, outcome.session.me);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
}

/** A sign-in's answer: the session, or (second factor on) the second step to take. */
export const isSession = (answer: LoginResponse): answer is SessionResponse => !('secondFactorRequired' in answer);

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => apiCall('POST /api/auth/login', { body }),
    onSuccess: async (answer) => {
      if (!isSession(answer)) return;
      qc.setQueryData(ME_KEY, answer.me);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
}

/** The second sign-in step: the challenge travels in the httpOnly `parley_2fa` cookie. */
export function useSecondFactor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SecondFactorRequest) => apiCall('POST /api/auth/second-factor', { body }),
    onSuccess: async (session) => {
      qc.setQueryData(ME_KEY, session.me);
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
}

/** Logs out and goes home first, so a page that needs a session never sees it vanish under it. */
export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiCall('POST /api/auth/logout'),
    // Whatever the server said (an expired session answers 401), the browser is signed out now.
    onSettled: async () => {
      await navigate('/');
      qc.setQueryData(ME_KEY, null);
    },
  });
}
