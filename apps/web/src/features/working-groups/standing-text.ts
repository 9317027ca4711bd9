import type { MembershipKind } from '@parley/domain';
import type { TFunction } from 'i18next';

/** The reader's roles in a group as words inside a sentence ("member, chair"), not as badge labels ("Member"). */
export function rolesInSentence(t: TFunction, roles: { kind: MembershipKind; chair?: boolean; rapporteur?: boolean }): string {
  const words = [t(`workingGroups.rolesInSentence.${roles.kind}`)];
  if (roles.chair) words.push(t('workingGroups.rolesInSentence.chair'));
  if (roles.rapporteur) words.push(t('workingGroups.rolesInSentence.rapporteur'));
  return words.join(', ');
}
