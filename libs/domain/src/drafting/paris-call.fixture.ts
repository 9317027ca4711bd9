// Test data only (not exported): the demo document's clauses with stable ids, and delegates' snapshots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import type { OrganisationSubtype, StakeholderGroup } from '../identity/stakeholders';
import type { Authorship, Clause, ClauseKind } from './types';
import { CONFIRMED_BY_FOCAL_POINT } from '../identity/confirmation-test-factories';

interface FixtureDocument {
  clauses: { kind: ClauseKind; text: string }[];
}

const document = JSON.parse(readFileSync(join(__dirname, '../../../../fixtures/paris-call/document.json'), 'utf8')) as FixtureDocument;

/** The Paris Call draft: c01 "Preamble" heading, c02–c05 preamble, c06 "Principles" heading, c07–c15 the nine principles. */
export const parisCall: Clause[] = document.clauses.map((c, i) => ({
  id: `c${String(i + 1).padStart(2, '0')}`,
  kind: c.kind,
  text: c.text,
}));

export function clause(id: string): Clause {
  const found = parisCall.find((c) => c.id === id);
  if (!found) throw new Error(`no clause ${id}`);
  return found;
}

function delegate(
  authorId: string,
  organisationName: string,
  stakeholderGroup: StakeholderGroup,
  subtype: OrganisationSubtype,
  country: string,
): Authorship {
  const organisationId = `org-${organisationName.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const snapshot: AffiliationSnapshot = {
    affiliationId: `aff-${authorId}`,
    organisationId,
    organisationName,
    stakeholderGroup,
    subtype,
    country,
    title: 'Delegate',
    organisationVerified: true,
    confirmation: CONFIRMED_BY_FOCAL_POINT,
  };
  return { authorId, snapshot };
}

export const france = delegate('p-france', 'France', 'government', 'national', 'FR');
export const microsoft = delegate('p-microsoft', 'Microsoft', 'private-sector', 'company', 'US');
export const cigref = delegate('p-cigref', 'Cigref', 'private-sector', 'business-association', 'FR');
export const accessNow = delegate('p-access-now', 'Access Now', 'civil-society', 'ngo', 'US');
