import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SecondFactorProof } from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { useMe } from '../auth/useSession';

export const TWO_FACTOR_KEY = ['me', 'two-factor'] as const;

/** The signed-in person's two-factor state (null when nobody is signed in). */
export function useTwoFactorStatus() {
  const me = useMe();
  return useQuery({
    queryKey: TWO_FACTOR_KEY,
    queryFn: ({ signal }) => apiCall('GET /api/me/two-factor', { signal }),
    enabled: !!me.data,
    staleTime: 60_000,
  });
}

function useTwoFactorMutation<A, R>(call: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: TWO_FACTOR_KEY }) });
}

export const useStartTwoFactor = () => useTwoFactorMutation(() => apiCall('POST /api/me/two-factor/start'));
export const useConfirmTwoFactor = () => useTwoFactorMutation((code: string) => apiCall('POST /api/me/two-factor/confirm', { body: { code } }));
export const useRenewRecoveryCodes = () => useTwoFactorMutation((code: string) => apiCall('POST /api/me/two-factor/recovery-codes', { body: { code } }));
export const useDisableTwoFactor = () => useTwoFactorMutation((proof: SecondFactorProof) => apiCall('POST /api/me/two-factor/disable', { body: proof }));
