import { controlSecretResult, decideBallot, renderPart, type BallotInput, type ExplanationPart, type StakeholderGroup, type VoteChoice } from '@parley/domain';
import { createI18n } from '../../test/i18n';
import { explainPart, explainParts } from './explanation';

const SUBTYPE = { government: 'national', 'private-sector': 'company', 'civil-society': 'ngo' } as const;

type Seats = [StakeholderGroup, VoteChoice | null, string?][];
type Terms = Partial<Pick<BallotInput, 'rule' | 'quorum' | 'countingUnit'>>;

/** A ballot decided from [group, choice] seats, each voter in their own organisation unless `org` is given. */
function decided(seats: Seats, terms: Terms = {}) {
  const electorate = seats.map(([g, , org], i) => ({
    voterId: `v${i}`,
    snapshot: {
      affiliationId: `a${i}`,
      organisationId: org ?? `o${i}`,
      organisationName: `Org ${org ?? i}`,
      stakeholderGroup: g,
      subtype: SUBTYPE[g],
      country: null,
      title: 'Delegate',
      organisationVerified: true,
    },
  }));
  const votes = seats.flatMap(([, c], i) => (c ? [{ voterId: `v${i}`, choice: c, reason: c === 'recuse' ? 'conflict' : null }] : []));
  return decideBallot({ electorate, votes, rule: 'majority', quorum: null, countingUnit: 'person', ...terms });
}

const ballot = (seats: Seats, terms: Terms = {}): ExplanationPart[] => decided(seats, terms).explanationParts;
/** As a secret ballot publishes it: disclosure control withholds small or unanimous groups' figures. */
const secretBallot = (seats: Seats, terms: Terms = {}): ExplanationPart[] => controlSecretResult(decided(seats, terms)).explanationParts;
const many = (n: number, g: StakeholderGroup, c: VoteChoice | null): Seats => Array.from({ length: n }, () => [g, c]);

const CASES: [string, ExplanationPart[]][] = [
  [
    'majority passed',
    ballot([
      ['government', 'yes'],
      ['government', 'no'],
      ['civil-society', 'yes'],
      ['civil-society', 'abstain'],
    ]),
  ],
  [
    'supermajority failed',
    ballot(
      [
        ['government', 'yes'],
        ['government', 'no'],
        ['civil-society', 'recuse'],
      ],
      { rule: 'supermajority' },
    ),
  ],
  ['supermajority with no yes or no', ballot([['government', 'abstain']], { rule: 'supermajority' })],
  [
    'chambered failed',
    ballot(
      [
        ['government', 'yes'],
        ['private-sector', 'no'],
        ['civil-society', 'yes'],
      ],
      { rule: 'chambered' },
    ),
  ],
  [
    'chambered passed, a group without voters',
    ballot(
      [
        ['government', 'yes'],
        ['civil-society', 'yes'],
      ],
      { rule: 'chambered' },
    ),
  ],
  [
    'consensus with standing aside',
    ballot(
      [
        ['government', 'yes'],
        ['civil-society', 'abstain'],
        ['civil-society', 'abstain'],
      ],
      { rule: 'consensus' },
    ),
  ],
  [
    'quorum not met',
    ballot(
      [
        ['government', 'yes'],
        ['government', null],
        ['government', null],
        ['government', 'recuse'],
      ],
      { quorum: { share: 0.75 } },
    ),
  ],
  [
    'group quorum not met',
    ballot(
      [
        ['government', 'yes'],
        ['private-sector', null],
      ],
      { rule: 'chambered', quorum: { share: 0.5, perStakeholderGroup: true } },
    ),
  ],
  [
    'nobody took part',
    ballot([
      ['government', null],
      ['government', 'recuse'],
    ]),
  ],
  ['empty electorate', ballot([])],
  [
    'secret chambered failed, two groups withheld',
    secretBallot(
      [
        ['government', 'yes'],
        ...many(3, 'private-sector', 'yes'),
        ...many(3, 'private-sector', 'no'),
        ...many(3, 'civil-society', 'yes'),
        ...many(4, 'civil-society', 'no'),
      ],
      { rule: 'chambered' },
    ),
  ],
  [
    'secret chambered passed, every group withheld',
    secretBallot(
      [
        ['government', 'yes'],
        ['private-sector', 'yes'],
      ],
      { rule: 'chambered' },
    ),
  ],
  [
    'secret group quorum not met in a withheld group',
    secretBallot([['government', null], ...many(3, 'private-sector', 'yes'), ...many(3, 'private-sector', 'no')], {
      rule: 'chambered',
      quorum: { share: 0.5, perStakeholderGroup: true },
    }),
  ],
  [
    'counted by organisation',
    ballot(
      [
        ['private-sector', 'no', 'x'],
        ['private-sector', 'no', 'x'],
        ['government', 'yes', 'y'],
      ],
      { countingUnit: 'organisation' },
    ),
  ],
];

const GROUP_NAMES: Record<string, string> = { government: 'Government', 'private-sector': 'Private sector', 'civil-society': 'Civil society' };

describe('ballot explanations in the reader’s language', () => {
  const en = createI18n({ lng: 'en', detect: false });
  const fr = createI18n({ lng: 'fr', detect: false });

  it('cover every code the engine produces in these cases', () => {
    const codes = new Set(CASES.flatMap(([, parts]) => parts.map((p) => p.code)));
    expect([...codes].sort()).toEqual(
      [
        'chambered',
        'consensus',
        'counted-by-organisation',
        'group-quorum-not-met',
        'groups-without-voters',
        'majority',
        'nobody-took-part',
        'quorum-not-met',
        'supermajority',
      ].sort(),
    );
  });

  it.each(CASES)('%s: English says what the engine says, with group names as people read them', (_, parts) => {
    for (const part of parts) {
      const engine = renderPart(part)
        .replace(/\b(government|private-sector|civil-society)\b/g, (g) => GROUP_NAMES[g])
        .replace(/'/g, '’'); // the interface uses the typographic apostrophe
      expect(explainPart(en.t, 'en', part)).toBe(engine);
    }
  });

  it.each(CASES)('%s: French is a full translation', (_, parts) => {
    for (const line of explainParts(fr.t, 'fr', parts)) {
      expect(line).not.toMatch(/ballots\.|\{\{|yes|private-sector|took part/);
    }
  });

  it('a secret ballot’s explanation names its withheld groups instead of their counts, in both languages', () => {
    const [first] = CASES.find(([name]) => name === 'secret chambered failed, two groups withheld')![1];
    expect(explainPart(en.t, 'en', first)).toBe(
      'Failed: Civil society 3 yes – 4 no; a majority is needed in every stakeholder group. The counts of Government and Private sector are withheld (secret ballot: too few voters, or all voted alike).',
    );
    expect(explainPart(fr.t, 'fr', first)).toContain('Les décomptes de Gouvernement et Secteur privé ne sont pas publiés');
  });

  it('names the failing stakeholder group in French', () => {
    const [first] = ballot(
      [
        ['government', 'yes'],
        ['private-sector', 'no'],
        ['civil-society', 'yes'],
      ],
      { rule: 'chambered' },
    );
    expect(explainPart(fr.t, 'fr', first)).toBe('Rejeté : Secteur privé 0 oui – 1 non ; une majorité est requise dans chaque groupe de parties prenantes.');
  });
});
