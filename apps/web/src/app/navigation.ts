import type { ParseKeys } from 'i18next';

export interface NavItem {
  to: string;
  label: ParseKeys;
  /** Shown only to a signed-in person. */
  signedIn?: boolean;
  /** Only in the menu of narrow screens: the header's row has no room left (the footer links it on every page). */
  menuOnly?: boolean;
}

/**
 * The header's navigation. Add an entry when its page exists: working groups (`/working-groups`),
 * who chaired what (`/chair-terms`), documents (reached from a working group).
 */
export const NAV_ITEMS: NavItem[] = [
  { to: '/working-groups', label: 'nav.workingGroups' },
  { to: '/chair-terms', label: 'nav.chairTerms' },
  { to: '/agreed-language', label: 'nav.agreedLanguage', menuOnly: true },
  { to: '/organisations', label: 'nav.organisations' },
  { to: '/audit', label: 'nav.auditLog' },
];
