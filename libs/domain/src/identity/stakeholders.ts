/** The three stakeholder groups, as in the Paris Call's own lists of supporters. */
export const STAKEHOLDER_GROUPS = ['government', 'private-sector', 'civil-society'] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const SUBTYPES_BY_GROUP = {
  government: ['national', 'local', 'intergovernmental'],
  'private-sector': ['company', 'business-association'],
  'civil-society': ['ngo', 'academia', 'technical-community', 'individual'],
} as const satisfies Record<StakeholderGroup, readonly string[]>;

export type OrganisationSubtype = (typeof SUBTYPES_BY_GROUP)[StakeholderGroup][number];

export const ORGANISATION_SUBTYPES = Object.values(SUBTYPES_BY_GROUP).flat() as OrganisationSubtype[];

export function isSubtypeOf(group: StakeholderGroup, subtype: string): subtype is OrganisationSubtype {
  return (SUBTYPES_BY_GROUP[group] as readonly string[]).includes(subtype);
}

/** Okabe–Ito colours, one per stakeholder group, used everywhere the group appears. */
export const STAKEHOLDER_COLOURS: Record<StakeholderGroup, string> = {
  government: '#0072B2',
  'private-sector': '#E69F00',
  'civil-society': '#009E73',
};
