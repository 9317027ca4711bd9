import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateIdentityProviderRequest, UpdateIdentityProviderRequest } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';

const PROVIDERS_KEY = ['identity-providers'] as const;
const CHOICES_KEY = ['identity-providers', 'sign-in'] as const;
const LINKED_KEY = ['me', 'linked-accounts'] as const;

/** The enabled providers, for the sign-in buttons (public). */
export const useSignInProviders = () => useQuery({ queryKey: CHOICES_KEY, queryFn: ({ signal }) => apiCall('GET /api/auth/identity-providers', { signal }), staleTime: 60_000 });

/** Every provider, for stewards. */
export const useIdentityProviders = (enabled: boolean) => useQuery({ queryKey: PROVIDERS_KEY, queryFn: ({ signal }) => apiCall('GET /api/identity-providers', { signal }), enabled });

export function useCreateIdentityProvider() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIdentityProviderRequest) => apiCall('POST /api/identity-providers', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: PROVIDERS_KEY }),
  });
}

export function useUpdateIdentityProvider(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateIdentityProviderRequest) => apiCall('PATCH /api/identity-providers/:id', { params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: PROVIDERS_KEY }),
  });
}

export const useLinkedAccounts = () => useQuery({ queryKey: LINKED_KEY, queryFn: ({ signal }) => apiCall('GET /api/me/linked-accounts', { signal }) });

/** Starts linking a provider: the browser then goes to the provider, and comes back to the security page. */
export function useLinkProvider() {
  return useMutation({
    // Linking needs the password again (decision record 0049).
    mutationFn: ({ providerId, password }: { providerId: string; password: string }) => apiCall('POST /api/auth/oidc/:providerId/link', { params: { providerId }, body: { returnTo: '/me/security', password } }),
    onSuccess: (r) => window.location.assign(r.redirectUrl),
  });
}

export function useUnlinkProvider() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (providerId: string) => apiCall('DELETE /api/me/linked-accounts/:providerId', { params: { providerId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me'] }),
  });
}

/** Where a provider's button goes: the API starts the sign-in and sends the browser to the provider. */
export const startUrl = (providerId: string, returnTo: string) => `/api/auth/oidc/${providerId}/start?returnTo=${encodeURIComponent(returnTo)}`;
