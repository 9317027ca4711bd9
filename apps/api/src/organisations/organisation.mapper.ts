import type { OrganisationResponse } from '@parley/contracts';
import type { OrganisationEntity } from './organisation.entity';

export const toOrganisationResponse = (o: OrganisationEntity): OrganisationResponse => ({
  id: o.id,
  name: o.name,
  stakeholderGroup: o.stakeholderGroup,
  subtype: o.subtype,
  country: o.country,
  website: o.website,
  lobbyingRegisterId: o.lobbyingRegisterId,
  verified: o.verifiedAt !== null,
  verifiedAt: o.verifiedAt?.toISOString() ?? null,
  createdAt: o.createdAt.toISOString(),
});
