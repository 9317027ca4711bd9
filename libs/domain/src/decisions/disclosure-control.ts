import { STAKEHOLDER_GROUPS, SUBTYPES_BY_GROUP } from '../identity/stakeholders';
import type { OrganisationSubtype, StakeholderGroup } from '../identity/stakeholders';
import { renderExplanation } from './explain';
import { VOTE_CHOICES, type BallotResult, type BreakdownCounts, type ChoiceCounts, type ExplanationPart, type StakeholderGroupBreakdown, type SubtypeBreakdown } from './types';

/**
 * Disclosure control of a secret ballot's published breakdowns (decision record 0014).
 *
 * A breakdown cell (a stakeholder group, a sub-type) may be published on its own only when it
 * cannot tell anyone's vote: it holds at least `SECRET_BALLOT_MIN_CELL` counting units, and the
 * votes cast in it were not all the same choice (a cell where everyone who voted chose alike tells
 * each of them: who voted is public, what they chose is not). Cells failing this are withheld, and
 * enough others beside them that nothing withheld can be worked out by subtraction from what is
 * published: within one parent (the totals, or a published stakeholder group), the cells withheld
 * together must pass the same test as a single cell, since their sum is the parent less the cells
 * shown. A withheld group withholds all its sub-types (else they would add up to it). Totals,
 * participation and the outcome are never changed.
 */
export const SECRET_BALLOT_MIN_CELL = 5;

const COUNT_KEYS = [...VOTE_CHOICES, 'notVoted'] as const;

/** A row whose counts are withheld: the electorate it holds is public, its choices are not. */
export type WithheldRow<R extends BreakdownCounts> = Omit<R, keyof ChoiceCounts> & { [K in keyof ChoiceCounts]: null } & { withheld: true };
/** A published breakdown row: its counts, or withheld. */
export type PublishedRow<R extends BreakdownCounts> = R | WithheldRow<R>;

export interface DisclosureControl {
  /** The smallest cell (in counting units) published on its own. */
  threshold: number;
  /** Stakeholder groups whose counts are withheld, in canonical order. */
  withheldStakeholderGroups: StakeholderGroup[];
  /** Sub-types whose counts are withheld, in canonical order. */
  withheldSubtypes: OrganisationSubtype[];
}

/** What a secret ballot publishes: no roll call, no per-organisation rows, breakdown rows under disclosure control. */
export interface ControlledBallotResult extends Omit<BallotResult, 'byStakeholderGroup' | 'bySubtype'> {
  byStakeholderGroup: PublishedRow<StakeholderGroupBreakdown>[];
  bySubtype: PublishedRow<SubtypeBreakdown>[];
  disclosureControl: DisclosureControl;
}

export const isWithheld = <R extends BreakdownCounts>(row: PublishedRow<R>): row is WithheldRow<R> => (row as { withheld?: boolean }).withheld === true;

/** True when this cell (or the sum of cells withheld together) tells nobody's choice. An empty cell tells nothing. */
export function cellIsSafe(cell: Pick<BreakdownCounts, 'eligible' | keyof ChoiceCounts>, threshold = SECRET_BALLOT_MIN_CELL): boolean {
  if (cell.eligible === 0) return true;
  if (cell.eligible < threshold) return false;
  return VOTE_CHOICES.filter((c) => cell[c] > 0).length !== 1;
}

function sumOf(cells: readonly BreakdownCounts[]): BreakdownCounts {
  const sum: BreakdownCounts = { eligible: 0, yes: 0, no: 0, abstain: 0, recuse: 0, notVoted: 0 };
  for (const c of cells) {
    sum.eligible += c.eligible;
    for (const k of COUNT_KEYS) sum[k] += c[k];
  }
  return sum;
}

/**
 * Which cells of one parent to withhold (indices): the unsafe ones, then, while the withheld cells
 * together are unsafe, the smallest non-empty shown cell (by electorate, which is public, then
 * order). Stops when the withheld cells add up to something safe, or to the whole parent.
 */
export function cellsToWithhold(cells: readonly BreakdownCounts[], threshold = SECRET_BALLOT_MIN_CELL): Set<number> {
  const withheld = new Set(cells.flatMap((c, i) => (cellIsSafe(c, threshold) ? [] : [i])));
  if (withheld.size === 0) return withheld;
  for (;;) {
    if (cellIsSafe(sumOf([...withheld].map((i) => cells[i])), threshold)) return withheld;
    const next = cells
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => !withheld.has(i) && c.eligible > 0)
      .sort((a, b) => a.c.eligible - b.c.eligible || a.i - b.i)[0];
    if (!next) return withheld;
    withheld.add(next.i);
  }
}

function withhold<R extends BreakdownCounts>(row: R): WithheldRow<R> {
  return { ...row, yes: null, no: null, abstain: null, recuse: null, notVoted: null, withheld: true };
}

/**
 * The explanation without the withheld groups' figures, naming every withheld group instead (all
 * of them, not only those a part is about: naming only the groups that fell short would tell).
 */
function controlPart(part: ExplanationPart, hidden: readonly StakeholderGroup[]): ExplanationPart {
  if (hidden.length === 0) return part;
  if (part.code === 'chambered')
    return {
      ...part,
      groups: part.groups.filter((g) => !hidden.includes(g.stakeholderGroup)),
      failedGroups: part.failedGroups.filter((g) => !hidden.includes(g)),
      withheldGroups: [...hidden],
    };
  if (part.code === 'group-quorum-not-met')
    return { ...part, groups: part.groups.filter((g) => !hidden.includes(g.stakeholderGroup)), withheldGroups: [...hidden] };
  return part;
}

/**
 * A secret ballot's result as it may be published: the roll call and per-organisation rows
 * dropped, breakdown rows withheld as the rule above says, and the explanation (parts and
 * sentence) and per-group quorum checks without the withheld groups. Totals, participation,
 * quorum overall and the outcome are unchanged. A result already controlled comes back as it is.
 */
export function controlSecretResult(result: BallotResult | ControlledBallotResult, threshold = SECRET_BALLOT_MIN_CELL): ControlledBallotResult {
  if ('disclosureControl' in result && result.disclosureControl) return result;
  const raw = result as BallotResult;
  const groupCells = STAKEHOLDER_GROUPS.map((g) => raw.byStakeholderGroup.find((r) => r.stakeholderGroup === g) as StakeholderGroupBreakdown);
  const hiddenGroupIdx = cellsToWithhold(groupCells, threshold);
  const hiddenGroups = new Set(STAKEHOLDER_GROUPS.filter((_, i) => hiddenGroupIdx.has(i)));

  const hiddenSubtypes = new Set<OrganisationSubtype>();
  for (const group of STAKEHOLDER_GROUPS) {
    const subtypes = SUBTYPES_BY_GROUP[group] as readonly OrganisationSubtype[];
    const cells = subtypes.map((s) => raw.bySubtype.find((r) => r.subtype === s) as SubtypeBreakdown);
    // Under a withheld group every non-empty sub-type is withheld: shown, they would add up to the group.
    const hidden = hiddenGroups.has(group) ? new Set(cells.flatMap((c, i) => (c.eligible > 0 ? [i] : []))) : cellsToWithhold(cells, threshold);
    for (const i of hidden) hiddenSubtypes.add(subtypes[i]);
  }

  const withheldStakeholderGroups = STAKEHOLDER_GROUPS.filter((g) => hiddenGroups.has(g));
  const explanationParts = raw.explanationParts.map((p) => controlPart(p, withheldStakeholderGroups));
  const quorum =
    raw.quorum && raw.quorum.byStakeholderGroup
      ? { ...raw.quorum, byStakeholderGroup: raw.quorum.byStakeholderGroup.filter((g) => !hiddenGroups.has(g.stakeholderGroup)) }
      : raw.quorum;
  return {
    ...raw,
    rollCall: [],
    byOrganisation: [],
    byStakeholderGroup: raw.byStakeholderGroup.map((r) => (hiddenGroups.has(r.stakeholderGroup) ? withhold(r) : r)),
    bySubtype: raw.bySubtype.map((r) => (hiddenSubtypes.has(r.subtype) ? withhold(r) : r)),
    quorum,
    explanationParts,
    explanation: renderExplanation(explanationParts),
    disclosureControl: {
      threshold,
      withheldStakeholderGroups,
      withheldSubtypes: raw.bySubtype.map((r) => r.subtype).filter((s) => hiddenSubtypes.has(s)),
    },
  };
}
