import { Switch, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { WorkingGroupResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { notifyError, notifySuccess } from '../../ui/notify';
import { apiCall } from '../../api/typed-client';
import { useRefreshGroup } from './useWorkingGroups';

/** The group's setting "chairs must use two-factor authentication" (decision 0050): a chair or a steward changes it; everyone sees it. */
export function ChairsTwoFactorSetting({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  const refresh = useRefreshGroup(group.id);
  const set = useMutation({
    mutationFn: (required: boolean) => apiCall('PUT /api/working-groups/:id/chairs-two-factor', { params: { id: group.id }, body: { required } }),
    onSuccess: refresh,
  });
  if (group.allowed.setChairsTwoFactor !== true)
    return group.chairsRequireTwoFactor ? (
      <Text size="sm" c="dimmed">
        {t('workingGroups.chairsTwoFactor.on')}
      </Text>
    ) : null;
  return (
    <Switch
      label={t('workingGroups.chairsTwoFactor.label')}
      description={t('workingGroups.chairsTwoFactor.description')}
      checked={group.chairsRequireTwoFactor}
      disabled={set.isPending}
      onChange={async (e) => {
        try {
          await set.mutateAsync(e.currentTarget.checked);
          notifySuccess(t, t('workingGroups.chairsTwoFactor.saved'));
        } catch (error) {
          notifyError(t, problemMessage(t, error));
        }
      }}
    />
  );
}
