import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import { ORGANISATION_SUBTYPES, type OrganisationSubtype, STAKEHOLDER_GROUPS, type StakeholderGroup } from '../identity/stakeholders';
import { carryQuotes, claimOccurrences, type Quote } from './agreed-language';
import { indexClauses } from './clause-index';
import type { Authorship, Clause } from './types';
import { diffTokens, type TextToken, tokenize } from './word-diff';
import { isConfirmed } from '../identity/affiliation-confirmation';
import { CHAIRS_TEXT_OFFICE_NAMES, type Office } from '../negotiation/offices';

/**
 * Who put a word there: the author of the original draft (version 1), an amendment's author, or a
 * chair's text: its office, and the pen holder (person and affiliation as at the issue) who wrote it.
 */
export type Origin =
  | { kind: 'original'; version: 1; authorId: string; snapshot: AffiliationSnapshot }
  | { kind: 'amendment'; amendmentId: string; version: number; authorId: string; snapshot: AffiliationSnapshot }
  | { kind: 'chairs-text'; version: number; label: string; office: Office; authorId: string; snapshot: AffiliationSnapshot }
  /**
   * Agreed language (decision 0054): words quoted from an adopted text, inserted by an amendment
   * (`amendmentId`) or a chair's text (null) in `version`. `authorId` and `snapshot` are the
   * inserter's, on record, but the words count under no stakeholder group or organisation.
   */
  | { kind: 'precedent'; version: number; source: PrecedentSource; amendmentId: string | null; authorId: string; snapshot: AffiliationSnapshot };

/** Where agreed language was agreed: a clause of an adopted version of a document. */
export interface PrecedentSource {
  documentId: string;
  version: number;
  clauseId: string;
}

/** Wording quoted verbatim from an adopted clause, as its proposer cited it. */
export interface PrecedentCitation {
  passage: string;
  source: PrecedentSource;
}

/** A version issued as a chair's text: its label and office, and who held the pen. */
export interface ChairsTextAuthorship {
  label: string;
  office: Office;
  penHolder: Authorship;
  /** Agreed language the chair's text quotes, clause by clause. */
  citations?: readonly (PrecedentCitation & { clauseId: string })[];
}

/** An amendment applied to produce a version: the clause it replaced or created (or deleted), and its author. */
export interface AppliedAmendmentAuthorship {
  amendmentId: string;
  clauseId: string;
  author: Authorship;
  /** Agreed language its text quotes. */
  citations?: readonly PrecedentCitation[];
}

export interface ProvenanceChain {
  original: { clauses: readonly Clause[]; author: Authorship };
  /** Later versions in order, each with the amendments applied to produce it. */
  revisions: readonly {
    version: number;
    clauses: readonly Clause[];
    amendments: readonly AppliedAmendmentAuthorship[];
    /** Set when the version is a chair's text: words it changed without an amendment are the office's and its pen holder's. */
    chairsText?: ChairsTextAuthorship | null;
  }[];
  /** The text's language (BCP 47), for word segmentation and counts; the default locale when unknown. */
  locale?: string | null;
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
  /** The quoted occurrences of agreed language in its text (decision 0054), for telling what a change reopens. */
  quotes?: Quote[];
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
  /** Words still from the original draft, words introduced by amendments, and words written in chair's texts. */
  original: number;
  amended: number;
  chairsText: number;
  /** Words quoted from agreed language (decision 0054): counted under no group, sub-type or organisation, nor in the headline. */
  precedent: number;
}

/** Where a provenance headline's words came from: the original draft, or one stakeholder group's amendments. */
export const PROVENANCE_HEADLINE_SOURCES = ['original', 'amendments', 'chairs-text'] as const;
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
  /** For a chair's text: which one, under which office (the group and organisation above are its pen holder's). */
  chairsText?: { version: number; label: string; office: Office };
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

/** The origin of text a revision wrote at [start, end) of a clause's new text. */
type OriginAt = (start: number, end: number) => Origin;

/**
 * Who wrote new text of a clause: `origin`, except tokens wholly inside the occurrence a citation
 * claims (decision 0054: each citation claims one occurrence on word boundaries, the first not
 * claimed by an earlier citation), which are precedent from the adopted text cited; and the quotes.
 */
function originsIn(
  text: string,
  origin: Origin,
  precedents: readonly { passage: string; origin: Quote['origin'] }[],
  locale?: string,
): { at: OriginAt; quotes: Quote[] } {
  if (precedents.length === 0) return { at: () => origin, quotes: [] };
  const claimed = claimOccurrences(
    text,
    precedents.map((p) => p.passage),
    locale,
  );
  const quotes: Quote[] = claimed.flatMap((o, i) => (o ? [{ ...o, origin: precedents[i].origin, inserter: origin }] : []));
  if (quotes.length === 0) return { at: () => origin, quotes };
  return { at: (start, end) => quotes.find((r) => r.start <= start && end <= r.end)?.origin ?? origin, quotes };
}

/**
 * A clause's earlier quotes carried to its new tokens: kept in place, or moved (their words there
 * become the quote's precedent again), or altered: then none of its words is precedent any more, they
 * are their inserter's (decision 0054).
 */
function carryQuotesForward(tokens: AttributedToken[], oldText: string, newText: string, quotes: readonly Quote[], fresh: Quote[], locale?: string): Quote[] {
  if (quotes.length === 0) return fresh;
  const { kept, reopened } = carryQuotes(oldText, newText, quotes, fresh, locale);
  const out = [...fresh];
  for (const { quote, at, moved } of kept) {
    out.push({ ...quote, ...at });
    if (!moved) continue;
    let pos = 0;
    for (const t of tokens) {
      if (at.start <= pos && pos + t.token.text.length <= at.end) t.origin = quote.origin;
      pos += t.token.text.length;
    }
  }
  for (const q of reopened) for (const t of tokens) if (t.origin === q.origin) t.origin = q.inserter;
  return out.sort((x, y) => x.start - y.start);
}

function attributeAll(text: string, origin: OriginAt, locale?: string): AttributedToken[] {
  let at = 0;
  return tokenize(text, locale).map((token) => {
    const start = at;
    at += token.text.length;
    return { token, origin: origin(start, at) };
  });
}

/** Carries a clause's attribution to its new text: words the diff keeps keep their origin, inserted ones get theirs from `origin`. */
function carryForward(previous: AttributedToken[], oldText: string, newText: string, origin: OriginAt, locale?: string): AttributedToken[] {
  const next: AttributedToken[] = [];
  let i = 0;
  let at = 0;
  for (const { op, token } of diffTokens(oldText, newText, locale)) {
    if (op === 'delete') {
      i++;
      continue;
    }
    const start = at;
    at += token.text.length;
    if (op === 'equal') next.push({ token, origin: previous[i++].origin });
    else next.push({ token, origin: origin(start, at) });
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

const OFFICE_TEXT = CHAIRS_TEXT_OFFICE_NAMES;

interface ChairsTextWords {
  origin: Extract<Origin, { kind: 'chairs-text' }>;
  words: number;
}

/**
 * The largest share of a text that amendments or chair's texts changed: its original draft, one
 * stakeholder group's amendments, or one chair's text (named with its pen holder's organisation and
 * group: an office never hides who held the pen).
 */
function headlineOf(
  original: { words: number; snapshot: AffiliationSnapshot } | null,
  amendedByGroup: Map<StakeholderGroup, number>,
  chairsTexts: ChairsTextWords[],
  share: (n: number) => number,
): ProvenanceHeadline | null {
  if (amendedByGroup.size === 0 && chairsTexts.length === 0) return null;
  let headline: ProvenanceHeadline | null = null;
  if (original && original.words > 0) {
    const { snapshot } = original;
    const percent = Math.round(share(original.words) * 100);
    const organisationName = isConfirmed(snapshot) ? snapshot.organisationName : null;
    const holder = organisationName
      ? `${organisationName} (${GROUP_NAME[snapshot.stakeholderGroup]})`
      : `a ${GROUP_WORDING[snapshot.stakeholderGroup]} delegate`;
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
  for (const { origin, words } of chairsTexts) {
    if (words > 0 && (headline === null || words > headline.words)) {
      const { snapshot } = origin;
      const percent = Math.round(share(words) * 100);
      const organisationName = isConfirmed(snapshot) ? snapshot.organisationName : null;
      const pen = organisationName ? `${organisationName}, ${GROUP_NAME[snapshot.stakeholderGroup]}` : `a ${GROUP_WORDING[snapshot.stakeholderGroup]} delegate`;
      const text = `${percent}% of the text was written in the ${OFFICE_TEXT[origin.office]} ${origin.label} (pen: ${pen})`;
      const chairsText = { version: origin.version, label: origin.label, office: origin.office };
      headline = { source: 'chairs-text', group: snapshot.stakeholderGroup, organisationName, words, share: share(words), percent, text, chairsText };
    }
  }
  return headline;
}

function totalsOf(clauses: ClauseProvenance[]): { totals: ProvenanceTotals; headline: ProvenanceHeadline | null } {
  const byGroup = new Map<StakeholderGroup, number>();
  const amendedByGroup = new Map<StakeholderGroup, number>();
  const bySubtype = new Map<OrganisationSubtype, number>();
  const byOrganisation = new Map<string, OrganisationWordShare>();
  const chairsTexts = new Map<number, ChairsTextWords>();
  let words = 0;
  let original = 0;
  let chairsText = 0;
  let originalSnapshot: AffiliationSnapshot | null = null;
  let unconfirmed = 0;
  let precedent = 0;
  for (const segment of clauses.flatMap((c) => c.segments)) {
    if (segment.words === 0) continue;
    const { snapshot } = segment.origin;
    words += segment.words;
    // Agreed language is nobody's new writing: counted apart, under no group or organisation.
    if (segment.origin.kind === 'precedent') {
      precedent += segment.words;
      continue;
    }
    if (segment.origin.kind === 'original') {
      original += segment.words;
      originalSnapshot = snapshot;
    } else if (segment.origin.kind === 'chairs-text') {
      chairsText += segment.words;
      const entry = chairsTexts.get(segment.origin.version) ?? { origin: segment.origin, words: 0 };
      entry.words += segment.words;
      chairsTexts.set(segment.origin.version, entry);
    } else amendedByGroup.set(snapshot.stakeholderGroup, (amendedByGroup.get(snapshot.stakeholderGroup) ?? 0) + segment.words);
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

  const headline = headlineOf(
    originalSnapshot && { words: original, snapshot: originalSnapshot },
    amendedByGroup,
    [...chairsTexts.values()].sort((a, b) => a.origin.version - b.origin.version),
    share,
  );

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
      amended: words - original - chairsText - precedent,
      chairsText,
      precedent,
    },
    headline,
  };
}

/** Attribution of each version's clauses, in order, from version 1; `visit` sees each version's (version 1 included). */
function walkChain(
  chain: ProvenanceChain,
  visit?: (version: number, attribution: ReadonlyMap<string, AttributedToken[]>, quotes: ReadonlyMap<string, Quote[]>) => void,
): { clauses: readonly Clause[]; attribution: Map<string, AttributedToken[]>; quotes: Map<string, Quote[]>; version: number } {
  const locale = chain.locale ?? undefined;
  const originalOrigin: Origin = {
    kind: 'original',
    version: 1,
    authorId: chain.original.author.authorId,
    snapshot: chain.original.author.snapshot,
  };
  let clauses = chain.original.clauses;
  indexClauses(clauses);
  let attribution = new Map(clauses.map((c) => [c.id, attributeAll(c.text, () => originalOrigin, locale)]));
  let quotes = new Map<string, Quote[]>();
  let version = 1;
  visit?.(1, attribution, quotes);

  for (const revision of chain.revisions) {
    const origins = new Map<string, Origin>();
    const precedents = new Map<string, { passage: string; origin: Quote['origin'] }[]>();
    const cite = (clauseId: string, citations: readonly PrecedentCitation[], amendmentId: string | null, author: Authorship): void => {
      const list = precedents.get(clauseId) ?? [];
      for (const c of citations) {
        const origin: Origin = {
          kind: 'precedent',
          version: revision.version,
          source: c.source,
          amendmentId,
          authorId: author.authorId,
          snapshot: author.snapshot,
        };
        list.push({ passage: c.passage, origin });
      }
      precedents.set(clauseId, list);
    };
    for (const a of revision.amendments) {
      if (origins.has(a.clauseId)) throw new Error(`Version ${revision.version}: more than one applied amendment names clause "${a.clauseId}"`);
      origins.set(a.clauseId, {
        kind: 'amendment',
        amendmentId: a.amendmentId,
        version: revision.version,
        authorId: a.author.authorId,
        snapshot: a.author.snapshot,
      });
      if (a.citations?.length) cite(a.clauseId, a.citations, a.amendmentId, a.author);
    }
    const chairs: Origin | null = revision.chairsText
      ? {
          kind: 'chairs-text',
          version: revision.version,
          label: revision.chairsText.label,
          office: revision.chairsText.office,
          authorId: revision.chairsText.penHolder.authorId,
          snapshot: revision.chairsText.penHolder.snapshot,
        }
      : null;
    for (const c of revision.chairsText?.citations ?? []) if (!origins.has(c.clauseId)) cite(c.clauseId, [c], null, revision.chairsText!.penHolder);
    indexClauses(revision.clauses);
    const previousText = new Map(clauses.map((c) => [c.id, c.text]));
    const next = new Map<string, AttributedToken[]>();
    const nextQuotes = new Map<string, Quote[]>();
    for (const clause of revision.clauses) {
      const oldText = previousText.get(clause.id);
      const kept = attribution.get(clause.id);
      if (oldText === clause.text && kept) {
        next.set(clause.id, kept);
        if (quotes.has(clause.id)) nextQuotes.set(clause.id, quotes.get(clause.id)!);
        continue;
      }
      const writer = origins.get(clause.id) ?? chairs;
      if (!writer) throw new Error(`Version ${revision.version}: clause "${clause.id}" changed but no applied amendment names it`);
      const origin = originsIn(clause.text, writer, precedents.get(clause.id) ?? [], locale);
      const tokens = oldText !== undefined && kept ? carryForward(kept, oldText, clause.text, origin.at, locale) : attributeAll(clause.text, origin.at, locale);
      const carried =
        oldText !== undefined ? carryQuotesForward(tokens, oldText, clause.text, quotes.get(clause.id) ?? [], origin.quotes, locale) : origin.quotes;
      next.set(clause.id, tokens);
      if (carried.length > 0) nextQuotes.set(clause.id, carried);
    }
    clauses = revision.clauses;
    attribution = next;
    quotes = nextQuotes;
    version = revision.version;
    visit?.(version, attribution, quotes);
  }
  return { clauses, attribution, quotes, version };
}

/**
 * Who wrote each word of the last version of a chain. Version 1 is all the original author's; each
 * later version carries attribution forward clause by clause (matched by id) through the word diff:
 * kept words keep their origin, inserted words get the origin of the amendment that replaced or
 * created the clause. In a chair's text, words the chair changed or added without an amendment are
 * the chair's text's (its office and pen holder). Otherwise a clause whose text changed without an
 * applied amendment naming it means the chain is broken (every edit is an amendment), so that throws
 * rather than guessing.
 */
export function traceProvenance(chain: ProvenanceChain): VersionProvenance {
  const { clauses, attribution, quotes, version } = walkChain(chain);
  const result = clauses.map((clause) => {
    const segments = segmentsOf(attribution.get(clause.id) ?? []);
    return { clauseId: clause.id, segments, words: segments.reduce((n, s) => n + s.words, 0), quotes: quotes.get(clause.id) ?? [] };
  });
  return { version, clauses: result, ...totalsOf(result) };
}

/**
 * The provenance of some clauses at some versions, from one walk of the chain (the chain runs to the
 * highest version wanted): `versions` → clause id → its provenance, for the clauses of `clauseIds`
 * the version has. Reading many versions costs one trace, not one per version.
 */
export function traceClausesAt(
  chain: ProvenanceChain,
  versions: ReadonlySet<number>,
  clauseIds: ReadonlySet<string>,
): Map<number, Map<string, ClauseProvenance>> {
  const out = new Map<number, Map<string, ClauseProvenance>>();
  walkChain(chain, (version, attribution, quotes) => {
    if (!versions.has(version)) return;
    const clauses = new Map<string, ClauseProvenance>();
    for (const id of clauseIds) {
      const tokens = attribution.get(id);
      if (!tokens) continue;
      const segments = segmentsOf(tokens);
      clauses.set(id, { clauseId: id, segments, words: segments.reduce((n, x) => n + x.words, 0), quotes: quotes.get(id) ?? [] });
    }
    out.set(version, clauses);
  });
  return out;
}
