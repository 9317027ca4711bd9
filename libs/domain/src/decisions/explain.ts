import type { ChamberTally, ExplanationPart, ShareFraction } from './types';

const VERDICT = { passed: 'Passed', failed: 'Failed', 'no-quorum': 'No quorum' } as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 0.5 → "50%", 2/3 → "66.7%". */
export function formatShare(share: ShareFraction): string {
  return `${Number(((share.numerator * 100) / share.denominator).toFixed(1))}%`;
}

function listGroups(groups: readonly string[]): string {
  if (groups.length <= 1) return groups.join('');
  return `${groups.slice(0, -1).join(', ')} and ${groups[groups.length - 1]}`;
}

/** "7 yes – 2 no (3 abstentions, 1 recused)"; under consensus abstaining is "standing aside". */
function score(c: { yes: number; no: number; abstain: number; recuse: number }, consensus = false): string {
  const extras: string[] = [];
  if (c.abstain > 0) extras.push(consensus ? `${c.abstain} standing aside` : plural(c.abstain, 'abstention', 'abstentions'));
  if (c.recuse > 0) extras.push(`${c.recuse} recused`);
  return `${c.yes} yes – ${c.no} no${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

/** " The counts of civil-society are withheld (secret ballot)." */
const withheld = (groups: readonly string[] | undefined) =>
  groups && groups.length > 0 ? ` The counts of ${listGroups(groups)} are withheld (secret ballot: too few voters, or all voted alike).` : '';

const chamber = (g: ChamberTally) => `${g.stakeholderGroup} ${score(g)}`;

/** One part in English. */
export function renderPart(part: ExplanationPart): string {
  switch (part.code) {
    case 'quorum-not-met': {
      const recused = part.recused > 0 ? ` (${part.recused} recused)` : '';
      return `${VERDICT[part.outcome]}: ${part.participants} of ${part.base} took part${recused}; ${formatShare(part.share)} (${part.needed}) was needed.`;
    }
    case 'group-quorum-not-met': {
      const groups = part.groups.map((g) => `${g.stakeholderGroup} ${g.participants} of ${g.base} took part (${g.needed} needed)`);
      if (groups.length === 0)
        return `${VERDICT[part.outcome]}: a stakeholder group fell short; ${formatShare(part.share)} was needed in every stakeholder group.${withheld(part.withheldGroups)}`;
      return `${VERDICT[part.outcome]}: ${groups.join(', ')}; ${formatShare(part.share)} was needed in every stakeholder group.${withheld(part.withheldGroups)}`;
    }
    case 'nobody-took-part': {
      if (part.electorate === 0) return `${VERDICT[part.outcome]}: nobody took part; the electorate was empty.`;
      return `${VERDICT[part.outcome]}: nobody took part${part.recused > 0 ? ` (${part.recused} recused)` : ''}.`;
    }
    case 'majority':
      return `${VERDICT[part.outcome]}: ${score(part)}; a simple majority of yes over no was needed.`;
    case 'supermajority': {
      const cast = part.yes + part.no;
      const need =
        cast > 0
          ? `a two-thirds majority of the yes and no votes (${part.needed} of ${cast}) was needed`
          : 'at least one yes and a two-thirds majority of the yes and no votes were needed';
      return `${VERDICT[part.outcome]}: ${score(part)}; ${need}.`;
    }
    case 'chambered': {
      const shown = part.outcome === 'failed' ? part.groups.filter((g) => !g.passed) : part.groups;
      const none = part.withheldGroups?.length ? 'not every stakeholder group had a majority' : 'no stakeholder group had eligible voters';
      const facts =
        shown.length > 0
          ? shown.map(chamber).join(', ')
          : part.outcome === 'passed' && part.withheldGroups?.length
            ? 'every stakeholder group had a majority'
            : none;
      return `${VERDICT[part.outcome]}: ${facts}; a majority is needed in every stakeholder group.${withheld(part.withheldGroups)}`;
    }
    case 'consensus':
      return `${VERDICT[part.outcome]}: ${score(part, true)}; consensus needed at least one yes and nobody voting no.`;
    case 'groups-without-voters':
      return `${listGroups(part.groups)} had no eligible voters and ${part.groups.length === 1 ? 'was' : 'were'} not counted.`;
    case 'counted-by-organisation':
      return `Counted by organisation: ${plural(part.organisations, 'organisation', 'organisations')} for ${plural(part.people, 'voter', 'voters')}, each with its voters' most common choice (a tie counts as abstain).`;
  }
}

/** The English explanation: the outcome part, then the notes. */
export function renderExplanation(parts: readonly ExplanationPart[]): string {
  return parts.map(renderPart).join(' ');
}
