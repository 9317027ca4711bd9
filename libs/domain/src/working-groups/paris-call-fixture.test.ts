import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import { CONFIRMED_BY_FOCAL_POINT } from '../identity/confirmation-test-factories';
import type { OrganisationSubtype, StakeholderGroup } from '../identity/stakeholders';
import { captureAlarms } from './capture-alarms';
import type { ChairTerm } from './chair-term';
import { computeComposition } from './composition';
import { mostPrivateSectorAlarms } from './cross-group-alarms';
import type { WorkingGroupMember } from './membership';

interface FixtureOrganisation {
  name: string;
  group: StakeholderGroup;
  subtype: OrganisationSubtype;
  country: string;
}
interface FixtureGroup {
  name: string;
  chairs: string[];
  chairsConfirmedByBallot: boolean;
  members: string[];
}

const fixtures = join(__dirname, '../../../../fixtures/paris-call');
const load = <T>(file: string): T => JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as T;
const { organisations } = load<{ organisations: FixtureOrganisation[] }>('organisations.json');
const { workingGroups } = load<{ workingGroups: FixtureGroup[] }>('working-groups.json');

const now = new Date('2026-06-01T00:00:00.000Z');
const DAY = 86_400_000;

function snapshotOf(name: string): AffiliationSnapshot {
  const organisation = organisations.find((o) => o.name === name);
  if (!organisation) throw new Error(`${name} is not in organisations.json`);
  return {
    affiliationId: `affiliation-${name}`,
    organisationId: `org-${name}`,
    organisationName: name,
    stakeholderGroup: organisation.group,
    subtype: organisation.subtype,
    country: organisation.country,
    title: 'Delegate',
    organisationVerified: true,
    // The demo's delegates are confirmed by their organisations' focal points.
    confirmation: CONFIRMED_BY_FOCAL_POINT,
  };
}

/** One fictional delegate per organisation; chairs are voting members too, admitted first, one admission a day. */
function buildGroup(group: FixtureGroup, index: number) {
  const start = Date.parse('2026-01-05T09:00:00.000Z');
  const members: WorkingGroupMember[] = [...group.chairs, ...group.members].map((organisationName, i) => {
    const snapshot = snapshotOf(organisationName);
    return {
      personId: `wg${index}-person-${i}`,
      name: `Delegate of ${organisationName}`,
      kind: 'member',
      offices: i < group.chairs.length ? ['chair'] : [],
      admissionSnapshot: snapshot,
      currentAffiliation: snapshot,
      currentAffiliationVerified: true,
      admittedAt: new Date(start + i * DAY).toISOString(),
    };
  });
  const chairTerms: ChairTerm[] = members
    .filter((m) => m.offices.includes('chair'))
    .map((m) => ({
      id: `${m.personId}-term`,
      personId: m.personId,
      snapshot: m.admissionSnapshot,
      confirmingBallotId: group.chairsConfirmedByBallot ? `${m.personId}-ballot` : null,
      startedAt: '2026-02-01T10:00:00.000Z',
      endsAt: null,
      endedAt: null,
      endReason: null,
    }));
  return { id: `wg-${index}`, name: group.name, chairs: group.chairs, members, chairTerms };
}

const groups = workingGroups.map(buildGroup);
const byName = (fragment: string) => {
  const found = groups.find((g) => g.name.includes(fragment));
  if (!found) throw new Error(`no working group named like ${fragment}`);
  return found;
};
const alarmsFor = (g: (typeof groups)[number]) => captureAlarms({ members: g.members, chairTerms: g.chairTerms }, now);

describe('Paris Call demo working groups', () => {
  it.each(['cybersecurity processes', 'international norms'])(
    'the %s group, whose chairs were never confirmed, raises chair-unconfirmed for each chair',
    (fragment) => {
      const group = byName(fragment);
      const unconfirmed = alarmsFor(group).filter((a) => a.code === 'chair-unconfirmed');
      expect(unconfirmed.map((a) => a.code === 'chair-unconfirmed' && a.params.organisationName)).toEqual(group.chairs);
      expect(unconfirmed[0].message).toBe(`Delegate of ${group.chairs[0]} (${group.chairs[0]}) has chaired since 2026-02-01 without a confirming ballot.`);
    },
  );

  it('the multistakeholder implementation group has confirmed chairs but a private-sector majority', () => {
    const alarms = alarmsFor(byName('multistakeholder implementation'));
    expect(alarms.map((a) => a.code)).toEqual(['stakeholder-group-above-cap']);
    // Chairs Mexico and Carnegie, then Microsoft, Google, Facebook: 3 of 5 on the fifth day.
    expect(alarms[0].message).toBe('private-sector holds 9 of 13 voting members (69%), above the 50% cap, since 2026-01-09.');
  });

  it('the other groups stay within the stakeholder-group cap (cybersecurity processes sits exactly at 50%)', () => {
    const cyber = computeComposition(byName('cybersecurity processes').members, []);
    expect(cyber.votingMembers.byStakeholderGroup['private-sector']).toEqual({ count: 5, share: 0.5 });
    for (const fragment of ['cybersecurity processes', 'international norms']) {
      expect(alarmsFor(byName(fragment)).some((a) => a.code === 'stakeholder-group-above-cap')).toBe(false);
    }
  });

  it('the multistakeholder implementation group has the most private-sector members of all groups', () => {
    const alarms = mostPrivateSectorAlarms(
      groups.map((g) => ({ workingGroupId: g.id, workingGroupName: g.name, composition: computeComposition(g.members, g.chairTerms) })),
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0].params).toMatchObject({ workingGroupName: 'Working group on multistakeholder implementation', count: 9, groupsCompared: 3, tiedWith: [] });
  });
});
