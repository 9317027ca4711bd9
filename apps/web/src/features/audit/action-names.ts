import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '@parley/contracts';
import type { TFunction } from 'i18next';

/** The resource an action is about: `ballot` of `ballot.opened`. */
export type AuditFamily = AuditAction extends `${infer F}.${string}` ? F : never;

/**
 * Every action and every family has a name in each language (`audit.actions.*`, `audit.families.*`);
 * the keys are checked against the English catalogue, so a new action does not compile until it is
 * named, and the catalogue test keeps French in step.
 */
export const actionName = (t: TFunction, action: AuditAction): string => t(`audit.actions.${action}`);
export const familyName = (t: TFunction, family: AuditFamily): string => t(`audit.families.${family}`);

/** What to show for an action as recorded: its name, or the code itself for an action this web does not know yet. */
export const actionLabel = (t: TFunction, action: string): string => (isAuditAction(action) ? actionName(t, action) : action);

/** Actions grouped by family, in the catalogue's order. */
export function actionsByFamily(): [AuditFamily, AuditAction[]][] {
  const families = new Map<AuditFamily, AuditAction[]>();
  for (const a of AUDIT_ACTIONS) {
    const f = a.split('.')[0] as AuditFamily;
    families.set(f, [...(families.get(f) ?? []), a]);
  }
  return [...families];
}
