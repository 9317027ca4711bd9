import type { TFunction } from 'i18next';

/** A chain's name for people: the platform, or the name of the working group it belongs to. */
export function chainName(t: TFunction, scope: string, groups: Map<string, string>): string {
  if (scope === 'platform') return t('audit.chains.platform');
  if (scope.startsWith('wg:')) {
    const name = groups.get(scope.slice(3));
    if (name) return name;
  }
  return t('audit.chains.unknown', { scope });
}
