import type { BallotOutcome, ChamberTally, ExplanationPart, ShareFraction, StakeholderGroup } from '@parley/domain';
import type { TFunction } from 'i18next';

/**
 * A ballot's explanation in the reader's language, from the engine's machine form
 * (`explanationParts`): the same facts as the English sentence the API stores, never re-decided.
 */
export function formatShare(share: ShareFraction | number, lng: string): string {
  const value = typeof share === 'number' ? share : share.numerator / share.denominator;
  return new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

export function listOf(items: string[], lng: string): string {
  try {
    return new Intl.ListFormat(lng, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

interface Counts {
  yes: number;
  no: number;
  abstain: number;
  recuse: number;
}

/** "7 yes – 2 no (3 abstentions, 1 recused)"; under consensus abstaining is "standing aside". */
export function score(t: TFunction, c: Counts, consensus = false): string {
  const extras: string[] = [];
  if (c.abstain > 0) extras.push(consensus ? t('ballots.explain.standingAside', { count: c.abstain }) : t('ballots.explain.abstentions', { count: c.abstain }));
  if (c.recuse > 0) extras.push(t('ballots.explain.recused', { count: c.recuse }));
  const base = t('ballots.explain.score', { yes: c.yes, no: c.no });
  return extras.length > 0 ? `${base} (${extras.join(', ')})` : base;
}

const groupName = (t: TFunction, g: StakeholderGroup) => t(`groups.${g}`);
const chamber = (t: TFunction, g: ChamberTally) => `${groupName(t, g.stakeholderGroup)} ${score(t, g)}`;

/** " The counts of … are withheld" after a part, on a secret ballot whose breakdown rows were withheld (disclosure control). */
const withheld = (t: TFunction, lng: string, groups: StakeholderGroup[] | undefined) =>
  groups && groups.length > 0
    ? ` ${t('ballots.explain.withheldGroups', {
        groups: listOf(
          groups.map((g) => groupName(t, g)),
          lng,
        ),
      })}`
    : '';

/** One part of the explanation, in the reader's language. */
export function explainPart(t: TFunction, lng: string, part: ExplanationPart): string {
  const verdict = (o: BallotOutcome) => t(`ballots.outcome.${o}`);
  switch (part.code) {
    case 'quorum-not-met':
      return t(part.recused > 0 ? 'ballots.explain.quorumNotMetRecused' : 'ballots.explain.quorumNotMet', {
        verdict: verdict(part.outcome),
        participants: part.participants,
        base: part.base,
        recused: part.recused,
        share: formatShare(part.share, lng),
        needed: part.needed,
      });
    case 'group-quorum-not-met':
      return (
        t('ballots.explain.groupQuorumNotMet', {
          verdict: verdict(part.outcome),
          groups:
            part.groups.length === 0
              ? t('ballots.explain.aGroupFellShort')
              : part.groups
                  .map((g) =>
                    t('ballots.explain.groupTookPart', {
                      group: groupName(t, g.stakeholderGroup),
                      participants: g.participants,
                      base: g.base,
                      needed: g.needed,
                    }),
                  )
                  .join(', '),
          share: formatShare(part.share, lng),
        }) + withheld(t, lng, part.withheldGroups)
      );
    case 'nobody-took-part':
      if (part.electorate === 0) return t('ballots.explain.emptyElectorate', { verdict: verdict(part.outcome) });
      return t(part.recused > 0 ? 'ballots.explain.nobodyTookPartRecused' : 'ballots.explain.nobodyTookPart', {
        verdict: verdict(part.outcome),
        recused: part.recused,
      });
    case 'majority':
      return t('ballots.explain.majority', { verdict: verdict(part.outcome), score: score(t, part) });
    case 'supermajority': {
      const cast = part.yes + part.no;
      return cast > 0
        ? t('ballots.explain.supermajority', { verdict: verdict(part.outcome), score: score(t, part), needed: part.needed, cast })
        : t('ballots.explain.supermajorityNoVotes', { verdict: verdict(part.outcome), score: score(t, part) });
    }
    case 'chambered': {
      const shown = part.outcome === 'failed' ? part.groups.filter((g) => !g.passed) : part.groups;
      const hidden = (part.withheldGroups?.length ?? 0) > 0;
      const none = hidden
        ? t(part.outcome === 'passed' ? 'ballots.explain.everyGroupHadMajority' : 'ballots.explain.notEveryGroupHadMajority')
        : t('ballots.explain.noGroupHadVoters');
      // Comma-separated, as the engine's English sentence has it.
      const facts = shown.length > 0 ? shown.map((g) => chamber(t, g)).join(', ') : none;
      return t('ballots.explain.chambered', { verdict: verdict(part.outcome), facts }) + withheld(t, lng, part.withheldGroups);
    }
    case 'consensus':
      return t('ballots.explain.consensus', { verdict: verdict(part.outcome), score: score(t, part, true) });
    case 'groups-without-voters':
      return t('ballots.explain.groupsWithoutVoters', {
        groups: listOf(
          part.groups.map((g) => groupName(t, g)),
          lng,
        ),
        count: part.groups.length,
      });
    case 'counted-by-organisation':
      return t('ballots.explain.countedByOrganisation', {
        organisations: t('ballots.explain.organisations', { count: part.organisations }),
        people: t('ballots.explain.voters', { count: part.people }),
      });
  }
}

export function explainParts(t: TFunction, lng: string, parts: readonly ExplanationPart[]): string[] {
  return parts.map((p) => explainPart(t, lng, p));
}
