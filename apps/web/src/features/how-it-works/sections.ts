import { DECISION_RULES } from '@parley/domain';
import type { ParseKeys } from 'i18next';

/** What a section of the page is made of; the words are all in the catalogue, under `howItWorks`. */
export type Block =
  | { kind: 'text'; key: ParseKeys }
  | { kind: 'list'; ordered?: boolean; items: ParseKeys[] }
  /** Named terms, each in bold before its explanation. */
  | { kind: 'terms'; heading?: ParseKeys; items: { term: ParseKeys; text: ParseKeys }[] }
  | { kind: 'stakeholder-groups' }
  | { kind: 'public-pages'; pages: { to: string; label: ParseKeys; description: ParseKeys }[] }
  | { kind: 'operators' };

export interface HowItWorksSection {
  /** The heading's anchor is `how-<id>`. */
  id: string;
  title: ParseKeys;
  blocks: Block[];
}

const text = (key: ParseKeys): Block => ({ kind: 'text', key });
const ballotTerm = (k: 'quorum' | 'countingUnit' | 'rollCall' | 'hidden' | 'secret') => ({
  term: `howItWorks.ballots.${k}.term` as const,
  text: `howItWorks.ballots.${k}.text` as const,
});

/**
 * The page's outline, in reading order: the rules a delegate, a chair and a reader of the public
 * record rely on (the same as docs/guide/rules.md, shorter), then where the operator guide is.
 */
export const HOW_IT_WORKS_SECTIONS: HowItWorksSection[] = [
  {
    id: 'disclosure',
    title: 'howItWorks.disclosure.title',
    blocks: [
      text('howItWorks.disclosure.affiliation'),
      text('howItWorks.disclosure.confirmation'),
      text('howItWorks.disclosure.snapshot'),
      text('howItWorks.disclosure.declarations'),
    ],
  },
  {
    id: 'stakeholder-groups',
    title: 'howItWorks.groups.title',
    blocks: [text('howItWorks.groups.intro'), { kind: 'stakeholder-groups' }, text('howItWorks.groups.subtypes')],
  },
  {
    id: 'working-groups',
    title: 'howItWorks.workingGroups.title',
    blocks: [text('howItWorks.workingGroups.roles'), text('howItWorks.workingGroups.joining'), text('howItWorks.workingGroups.caps')],
  },
  {
    id: 'chairs',
    title: 'howItWorks.chairs.title',
    blocks: [
      text('howItWorks.chairs.intro'),
      { kind: 'list', ordered: true, items: ['howItWorks.chairs.step1', 'howItWorks.chairs.step2', 'howItWorks.chairs.step3', 'howItWorks.chairs.step4'] },
      text('howItWorks.chairs.end'),
    ],
  },
  {
    id: 'ballots',
    title: 'howItWorks.ballots.title',
    blocks: [
      text('howItWorks.ballots.intro'),
      text('howItWorks.ballots.electorate'),
      text('howItWorks.ballots.choices'),
      text('howItWorks.ballots.closing'),
      {
        kind: 'terms',
        heading: 'howItWorks.ballots.rulesTitle',
        // Named and explained in the ballot page's own words.
        items: DECISION_RULES.map((rule) => ({ term: `ballots.rule.${rule}` as const, text: `ballots.ruleExplained.${rule}` as const })),
      },
      text('howItWorks.ballots.nobody'),
      text('howItWorks.ballots.defaults'),
      { kind: 'terms', items: (['quorum', 'countingUnit', 'rollCall', 'hidden', 'secret'] as const).map(ballotTerm) },
    ],
  },
  {
    id: 'drafting',
    title: 'howItWorks.drafting.title',
    blocks: [
      {
        kind: 'list',
        items: [
          'howItWorks.drafting.comments',
          'howItWorks.drafting.dispositions',
          'howItWorks.drafting.amendments',
          'howItWorks.drafting.consolidation',
          'howItWorks.drafting.provenance',
          'howItWorks.drafting.adoption',
        ],
      },
    ],
  },
  {
    id: 'alarms',
    title: 'howItWorks.alarms.title',
    blocks: [
      text('howItWorks.alarms.intro'),
      {
        kind: 'list',
        items: [
          'howItWorks.alarms.groupCap',
          'howItWorks.alarms.chairsOneSide',
          'howItWorks.alarms.chairs',
          'howItWorks.alarms.members',
          'howItWorks.alarms.mostPrivate',
        ],
      },
    ],
  },
  { id: 'endorsements', title: 'howItWorks.endorsements.title', blocks: [text('howItWorks.endorsements.text')] },
  {
    id: 'public',
    title: 'howItWorks.public.title',
    blocks: [
      text('howItWorks.public.intro'),
      {
        kind: 'public-pages',
        pages: [
          { to: '/working-groups', label: 'nav.workingGroups', description: 'howItWorks.public.workingGroups' },
          { to: '/chair-terms', label: 'chairTerms.title', description: 'howItWorks.public.chairTerms' },
          { to: '/organisations', label: 'nav.organisations', description: 'howItWorks.public.organisations' },
          { to: '/audit', label: 'nav.auditLog', description: 'howItWorks.public.audit' },
        ],
      },
      text('howItWorks.public.log'),
      text('howItWorks.public.private'),
    ],
  },
  { id: 'operators', title: 'howItWorks.operators.title', blocks: [{ kind: 'operators' }] },
];
