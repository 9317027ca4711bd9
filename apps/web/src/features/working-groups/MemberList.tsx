import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { MemberResponse, WorkingGroupResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useFormatters } from '../../ui/useFormatters';
import { problemMessage } from '../../i18n/server-messages';
import { useMe } from '../auth/useSession';
import { RoleBadge } from './badges';
import { ReasonAction } from './ReasonAction';
import { useChangeRole, useRemoveMember } from './useWorkingGroups';

/** A chair removes another member with a reason, recorded; a chair is removed by ballot instead (see ChairsSection). */
function RemoveMemberButton({ group, member }: { group: WorkingGroupResponse; member: MemberResponse }) {
  const { t } = useTranslation();
  const remove = useRemoveMember(group.id);
  const name = member.person.name;
  return (
    <ReasonAction
      label={t('workingGroups.members.remove')}
      ariaLabel={t('workingGroups.members.removeNamed', { name })}
      title={t('workingGroups.members.removeNamed', { name })}
      explain={t('workingGroups.members.removeExplain', { name })}
      reasonLabel={t('workingGroups.members.removeReason')}
      reasonHint={t('workingGroups.members.removeReasonHint', { name })}
      reasonRequired
      confirmLabel={t('workingGroups.members.removeConfirm')}
      act={remove}
      doneMessage={t('workingGroups.members.removed', { name })}
      onConfirm={(reason) => remove.mutateAsync({ personId: member.person.id, reason: reason ?? '' })}
    />
  );
}

function MemberRow({ group, member, canManage, canRemove }: { group: WorkingGroupResponse; member: MemberResponse; canManage: boolean; canRemove: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const change = useChangeRole(group.id);
  const roles = [
    t(`workingGroups.roles.${member.kind}`),
    ...(member.chair ? [t('workingGroups.roles.chair')] : []),
    ...(member.rapporteur ? [t('workingGroups.roles.rapporteur')] : []),
  ];
  return (
    <Table.Tr data-testid="member-row">
      <Table.Td>
        <Stack gap={2}>
          <AffiliationBadge name={member.person.name} personId={member.person.id} affiliation={member.currentSnapshot} withTitle />
          {member.affiliationChanged ? (
            <Group gap={6} wrap="wrap" data-testid="admitted-as">
              <Text span size="xs" fw={600} c="orange.9">
                {t('workingGroups.members.admittedAs')}
              </Text>
              <Text span size="xs" c="dimmed">
                {t('affiliation.atOrganisation', { title: member.admissionSnapshot.title, organisation: member.admissionSnapshot.organisationName })}
              </Text>
              <StakeholderGroupBadge group={member.admissionSnapshot.stakeholderGroup} size="xs" />
            </Group>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {roles.map((r) => (
            <RoleBadge key={r} label={r} />
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{f.date(member.admittedAt)}</Text>
      </Table.Td>
      {canManage || canRemove ? (
        <Table.Td>
          <Group gap={4} wrap="wrap">
            {canManage ? (
              <Button
                variant="subtle"
                size="compact-xs"
                loading={change.isPending}
                onClick={() =>
                  change.mutate(
                    { personId: member.person.id, rapporteur: !member.rapporteur },
                    {
                      onSuccess: () =>
                        notifySuccess(
                          t,
                          member.rapporteur
                            ? t('workingGroups.members.rapporteurDismissed', { name: member.person.name })
                            : t('workingGroups.members.rapporteurAppointed', { name: member.person.name }),
                        ),
                      onError: (e) => notifyError(t, problemMessage(t, e)),
                    },
                  )
                }
              >
                {member.rapporteur ? t('workingGroups.members.dismissRapporteur') : t('workingGroups.members.appointRapporteur')}
              </Button>
            ) : null}
            {canRemove ? <RemoveMemberButton group={group} member={member} /> : null}
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** The members with their affiliation now and, when it changed, the one they were admitted with. */
export function MemberList({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = group.allowed.manageMembers === true;
  // The API answers for another member who is not a chair: oneself leaves, a chair is removed by ballot.
  const canRemove = (m: MemberResponse) => group.allowed.removeMembers === true && !m.chair && m.person.id !== me.data?.id;
  const withActions = canManage || group.members.some(canRemove);
  return (
    <Stack component="section" aria-labelledby="wg-members" gap="sm">
      <Title order={2} size="h3" id="wg-members">
        {t('workingGroups.members.title', { count: group.members.length })}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('workingGroups.members.person')}</Table.Th>
              <Table.Th scope="col">{t('workingGroups.members.roles')}</Table.Th>
              <Table.Th scope="col">{t('workingGroups.members.admitted')}</Table.Th>
              {withActions ? <Table.Th scope="col">{t('workingGroups.members.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.members.map((m) => (
              <MemberRow key={m.membershipId} group={group} member={m} canManage={canManage} canRemove={canRemove(m)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
