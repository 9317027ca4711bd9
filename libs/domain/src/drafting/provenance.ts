import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import { ORGANISATION_SUBTYPES, type OrganisationSubtype, STAKEHOLDER_GROUPS, type StakeholderGroup } from '../identity/stakeholders';
import { indexClauses } from './clause-index';
import type { Authorship, Clause } from './types';
import { diffTokens, type TextToken, tokenize } from './word-diff';
import { isConfirmed } from '../identity/affiliation-confirmation';

/** Who put a word there: the author of the original draft (version 1), or an amendment's author. */
export type Origin =
  | { kind: 'original'; version: 1; authorId: string; snapshot: AffiliationSnapshot }
  | { kind: 'amendment'; amendmentId: string; version: number; authorId: string; snapshot: AffiliationSnapshot };

/** An amendment applied to produce a version: the clause it replaced or created (or deleted), and its author. */
export interface AppliedAmendmentAuthorship {
  amendmentId: string;
  clauseId: string;
  author: Authorship;
}

export interface ProvenanceChain {
  original: { clauses: readonly Clause[]; author: Authorship };
  /** Later versions in order, each with the amendments applied to produce it. */
  revisions: readonly { version: number; clauses: readonly Clause[]; amendments: readonly AppliedAmendmentAuthorship[] }[];
}

export interface ProvenanceSegment {
  text: string;
  words: number;
  origin: Origin;
}

export interface ClauseProvenance {
  clauseId: string;
  /** Adjacent text of one origin; the texts concatenate to exactly the clause text. */
  segments: ProvenanceSegment[];
  words: number;
}

export interface WordShare<K extends string> {
  key: K;
  words: number;
  /** words / all words of the version, 0 to 1 (0 for an empty version). */
  share: number;
}

export interface OrganisationWordShare extends WordShare<string> {
  organisationName: string;
  stakeholderGroup: StakeholderGroup;
}

export interface ProvenanceTotals {
  words: number;
  /** Every group, in the canonical order. */
  byGroup: WordShare<StakeholderGroup>[];
  /** Sub-types with words, in the canonical order. */
  bySubtype: WordShare<OrganisationSubtype>[];
  /** Organisations with words, most words first, then by id: words of authors their organisation had confirmed. */
  byOrganisation: OrganisationWordShare[];
  /** Words whose author's affiliation was unconfirmed when they acted: never counted under the organisation they declared. */
  unconfirmed: WordShare<'unconfirmed'>;
  /** Words still from the original draft, and words introduced by amendments. */
  original: number;
  amended: number;
}

/** Where a provenance headline's words came from: the original draft, or one stakeholder group's amendments. */
export const PROVENANCE_HEADLINE_SOURCES = ['original', 'amendments'] as const;
export type ProvenanceHeadlineSource = (typeof PROVENANCE_HEADLINE_SOURCES)[number];

/**
 * The largest share of the text and who held it: the original draft (its author's organisation), or
 * the words one stakeholder group introduced by amendments, whichever is larger (the draft on a tie).
 */
export interface ProvenanceHeadline {
  source: ProvenanceHeadlineSource;
  group: StakeholderGroup;
  /** The organisation whose delegate wrote the original draft, when its affiliation was confirmed; null otherwise and for amendments. */
  organisationName: string | null;
  words: number;
  share: number;
  /** Rounded share of the whole text, in percent. */
  percent: number;
  /** E.g. "93% of the text is from the original draft by Microsoft (private sector)", "41% of the text was introduced by private-sector delegates". */
  text: string;
}

export interface VersionProvenance {
  version: number;
  clauses: ClauseProvenance[];
  totals: ProvenanceTotals;
  headline: ProvenanceHeadline | null;
}

interface AttributedToken {
  token: TextToken;
  origin: Origin;
}

function attributeAll(text: string, origin: Origin): AttributedToken[] {
  return tokenize(text).map((token) => ({ token, origin }));
}

/** Carries a clause's attribution to its new text: words the diff keeps keep their origin, inserted ones get `origin`. */
function carryForward(previous: AttributedToken[], oldText: string, newText: string, origin: Origin): AttributedToken[] {
  const next: AttributedToken[] = [];
  let i = 0;
  for (const { op, token } of diffTokens(oldText, newText)) {
    if (op === 'equal') next.push({ token, origin: previous[i++].origin });
    else if (op === 'delete') i++;
    else next.push({ token, origin });
  }
  return next;
}

function segmentsOf(tokens: AttributedToken[]): ProvenanceSegment[] {
  const segments: ProvenanceSegment[] = [];
  for (const { token, origin } of tokens) {
    const words = token.kind === 'word' ? 1 : 0;
    const last = segments[segments.length - 1];
    if (last && last.origin === origin) {
      last.text += token.text;
      last.words += words;
    } else segments.push({ text: token.text, words, origin });
  }
  return segments;
}

const GROUP_WORDING: Record<StakeholderGroup, string> = {
  government: 'government',
  'private-sector': 'private-sector',
  'civil-society': 'civil-society',
};

const GROUP_NAME: Record<StakeholderGroup, string> = {
  government: 'government',
  'private-sector': 'private sector',
  'civil-society': 'civil society',
};

/**
 * The largest share of a text that amendments changed: its original draft, or one stakeholder
 * group's amendments. These four cover every word, so the largest is at least a quarter of the text.
 */
function headlineOf(original: { words: number; snapshot: AffiliationSnapshot } | null, amendedByGroup: Map<StakeholderGroup, number>, share: (n: number) => number): ProvenanceHeadline | null {
  if (amendedByGroup.size === 0) return null;
  let headline: ProvenanceHeadline | null = null;
  if (original && original.words > 0) {
    const { snapshot } = original;
    const percent = Math.round(share(original.words) * 100);
    const organisationName = isConfirmed(snapshot) ? snapshot.organisationName : null;
    const holder = organisationName ? `${organisationName} (${GROUP_NAME[snapshot.stakeholderGroup]})` : `a ${GROUP_WORDING[snapshot.stakeholderGroup]} delegate`;
    const text = `${percent}% of the text is from the original draft by ${holder}`;
    headline = { source: 'original', group: snapshot.stakeholderGroup, organisationName, words: original.words, share: share(original.words), percent, text };
  }
  for (const group of STAKEHOLDER_GROUPS) {
    const groupWords = amendedByGroup.get(group) ?? 0;
    if (groupWords > 0 && (headline === null || groupWords > headline.words)) {
      const percent = Math.round(share(groupWords) * 100);
      const text = `${percent}% of the text was introduced by ${GROUP_WORDING[group]} delegates`;
      headline = { source: 'amendments', group, organisationName: null, words: groupWords, share: share(groupWords), percent, text };
    }
  }
  return headline;
}

function totalsOf(clauses: ClauseProvenance[]): { totals: ProvenanceTotals; headline: ProvenanceHeadline | null } {
  const byGroup = new Map<StakeholderGroup, number>();
  const amendedByGroup = new Map<StakeholderGroup, number>();
  const bySubtype = new Map<OrganisationSubtype, number>();
  const byOrganisation = new Map<string, OrganisationWordShare>();
  let words = 0;
  let original = 0;
  let originalSnapshot: AffiliationSnapshot | null = null;
  let unconfirmed = 0;
  for (const segment of clauses.flatMap((c) => c.segments)) {
    if (segment.words === 0) continue;
    const { snapshot } = segment.origin;
    words += segment.words;
    if (segment.origin.kind === 'original') {
      original += segment.words;
      originalSnapshot = snapshot;
    }
    else amendedByGroup.set(snapshot.stakeholderGroup, (amendedByGroup.get(snapshot.stakeholderGroup) ?? 0) + segment.words);
    byGroup.set(snapshot.stakeholderGroup, (byGroup.get(snapshot.stakeholderGroup) ?? 0) + segment.words);
    bySubtype.set(snapshot.subtype, (bySubtype.get(snapshot.subtype) ?? 0) + segment.words);
    if (!isConfirmed(snapshot)) {
      unconfirmed += segment.words;
      continue;
    }
    const organisation = byOrganisation.get(snapshot.organisationId) ?? {
      key: snapshot.organisationId,
      organisationName: snapshot.organisationName,
      stakeholderGroup: snapshot.stakeholderGroup,
      words: 0,
      share: 0,
    };
    organisation.words += segment.words;
    byOrganisation.set(snapshot.organisationId, organisation);
  }
  const share = (n: number): number => (words === 0 ? 0 : n / words);

  const headline = headlineOf(originalSnapshot && { words: original, snapshot: originalSnapshot }, amendedByGroup, share);

  return {
    totals: {
      words,
      byGroup: STAKEHOLDER_GROUPS.map((key) => ({ key, words: byGroup.get(key) ?? 0, share: share(byGroup.get(key) ?? 0) })),
      bySubtype: ORGANISATION_SUBTYPES.filter((key) => bySubtype.has(key)).map((key) => ({
        key,
        words: bySubtype.get(key) ?? 0,
        share: share(bySubtype.get(key) ?? 0),
      })),
      byOrganisation: [...byOrganisation.values()]
        .map((o) => ({ ...o, share: share(o.words) }))
        .sort((a, b) => b.words - a.words || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
      unconfirmed: { key: 'unconfirmed', words: unconfirmed, share: share(unconfirmed) },
      original,
      amended: words - original,
    },
    headline,
  };
}

/**
 * Who wrote each word of the last version of a chain. Version 1 is all the original author's; each
 * later version carries attribution forward clause by clause (matched by id) through the word diff:
 * kept words keep their origin, inserted words get the origin of the amendment that replaced or
 * created the clause. A clause whose text changed without an applied amendment naming it means the
 * chain is broken (every edit is an amendment), so that throws rather than guessing.
 */
export function traceProvenance(chain: ProvenanceChain): VersionProvenance {
  const originalOrigin: Origin = {
    kind: 'original',
    version: 1,
    authorId: chain.original.author.authorId,
    snapshot: chain.original.author.snapshot,
  };
  let clauses = chain.original.clauses;
  indexClauses(clauses);
  let attribution = new Map(clauses.map((c) => [c.id, attributeAll(c.text, originalOrigin)]));
  let version = 1;

  for (const revision of chain.revisions) {
    const origins = new Map<string, Origin>();
    for (const a of revision.amendments) {
      if (origins.has(a.clauseId))
        throw new Error(`Version ${revision.version}: more than one applied amendment names clause "${a.clauseId}"`);
      origins.set(a.clauseId, {
        kind: 'amendment',
        amendmentId: a.amendmentId,
        version: revision.version,
        authorId: a.author.authorId,
        snapshot: a.author.snapshot,
      });
    }
    indexClauses(revision.clauses);
    const previousText = new Map(clauses.map((c) => [c.id, c.text]));
    const next = new Map<string, AttributedToken[]>();
    for (const clause of revision.clauses) {
      const oldText = previousText.get(clause.id);
      const kept = attribution.get(clause.id);
      if (oldText === clause.text && kept) {
        next.set(clause.id, kept);
        continue;
      }
      const origin = origins.get(clause.id);
      if (!origin) throw new Error(`Version ${revision.version}: clause "${clause.id}" changed but no applied amendment names it`);
      next.set(
        clause.id,
        oldText !== undefined && kept ? carryForward(kept, oldText, clause.text, origin) : attributeAll(clause.text, origin),
      );
    }
    clauses = revision.clauses;
    attribution = next;
    version = revision.version;
  }

  const result = clauses.map((clause) => {
    const segments = segmentsOf(attribution.get(clause.id) ?? []);
    return { clauseId: clause.id, segments, words: segments.reduce((n, s) => n + s.words, 0) };
  });
  return { version, clauses: result, ...totalsOf(result) };
}
