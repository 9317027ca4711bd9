import { Injectable } from '@nestjs/common';
import { operativeLabel } from '@parley/domain';
import type { AgreedLanguageEntry, AgreedLanguagePage, AgreedLanguageQuery } from '@parley/contracts';
import { pedigreeOf } from '../drafting/citations';
import type { Actor } from '../identity/actor';
import { Clock } from '../platform/clock/clock';
import { cursorCodec, type CursorPosition } from '../platform/http/cursor';
import { validationProblem } from '../platform/http/problem';
import { passageOf } from '../search/search-passage';
import { ANONYMOUS_SCOPE, searchScope } from '../search/search.policy';
import { SearchRepository } from '../search/search.repository';
import { AgreedLanguageRepository, type AgreedLanguageRow } from './agreed-language.repository';

export const AGREED_LANGUAGE_PAGE_SIZE = 20;

const ranked = cursorCodec({ rank: 'real', id: 'sequence' });
const latest = cursorCodec({ at: 'text', version: 'uuid', position: 'sequence' });

const INT4_MAX = 2_147_483_647;
/** An adoption instant as the library writes it (PostgreSQL's text of a timestamptz, or ISO 8601), to the microsecond. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;

/** A real calendar instant PostgreSQL reads as a timestamptz: years 1 to 9999, a day the month has, hours below 24, offsets below 16 h. */
function isInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, sec, oh = '0', om = '0'] = m.slice(1).map((x) => x ?? '0');
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec));
  return (
    +y >= 1 &&
    date.getUTCFullYear() === +y &&
    date.getUTCMonth() === +mo - 1 &&
    date.getUTCDate() === +d &&
    +h < 24 &&
    +mi < 60 &&
    +sec < 60 &&
    +oh < 16 &&
    +om < 60
  );
}

/**
 * A cursor's parts are cast by the database (`timestamptz`, `float4`, `int`, `bigint`): an edited one
 * that decodes but would not cast (a year past 9999, "abc", a position past int4) is refused as a
 * cursor (400 naming `cursor`) here, never left to fail in SQL as a 500.
 */
function checked<T>(position: T | null, holds: (p: T) => boolean): T | null {
  if (position !== null && !holds(position)) throw validationProblem('cursor', 'not-a-cursor');
  return position;
}
const sane = {
  latest: (p: CursorPosition<{ at: 'text'; version: 'uuid'; position: 'sequence' }>) => isInstant(p.at) && p.position >= 0 && p.position <= INT4_MAX,
  // The rank is checked by the codec (a `real`); the entry id is a bigint.
  ranked: (p: CursorPosition<{ rank: 'real'; id: 'sequence' }>) => p.id >= 0,
};

/**
 * The library of agreed language (issue #25, decision 0054): every clause of every adopted version
 * the reader may open, with its pedigree; searched as the search reads words (decision 0053).
 */
@Injectable()
export class AgreedLanguageService {
  constructor(
    private readonly repository: AgreedLanguageRepository,
    private readonly searches: SearchRepository,
    private readonly clock: Clock,
  ) {}

  async page(reader: Actor | null, query: AgreedLanguageQuery): Promise<AgreedLanguagePage> {
    const scope = reader ? searchScope(await this.searches.standings(reader.id, this.clock.now())) : ANONYMOUS_SCOPE;
    const filters = { group: query.group, document: query.document, language: query.language, kind: query.kind };
    const limit = AGREED_LANGUAGE_PAGE_SIZE;
    if (query.q) {
      const after = checked(ranked.decode(query.cursor), sane.ranked);
      const rows = await this.repository.search(query.q, filters, scope, after, limit + 1);
      const page = ranked.page(rows, limit, (last) => ({ rank: last.rank!, id: Number(last.entry_id) }));
      return { items: await this.entries(page.items, query.q), nextCursor: page.nextCursor };
    }
    const after = checked(latest.decode(query.cursor), sane.latest);
    const rows = await this.repository.latest(filters, scope, after, limit + 1);
    const page = latest.page(rows, limit, (last) => ({ at: last.adopted_at, version: last.version_id, position: last.position }));
    return { items: await this.entries(page.items, null), nextCursor: page.nextCursor };
  }

  private async entries(rows: AgreedLanguageRow[], q: string | null): Promise<AgreedLanguageEntry[]> {
    // An operative clause's label ("3.") counts the operative clauses before it in its version: one query, counted in SQL.
    const numbers = await this.repository.operativeNumbers(rows.filter((r) => r.kind === 'operative'));
    const labelOf = (r: AgreedLanguageRow) => {
      const number = r.kind === 'operative' ? numbers.get(`${r.version_id}:${r.position}`) : undefined;
      return number === undefined ? null : operativeLabel(number);
    };
    return rows.map((r) => ({
      pedigree: pedigreeOf(
        {
          versionId: r.version_id,
          documentId: r.document_id,
          documentTitle: r.document_title,
          workingGroupId: r.working_group_id,
          workingGroupName: r.group_name,
          number: r.version_number,
          adoptedAt: new Date(r.adopted_at),
          adoptionBallotId: r.adoption_ballot_id,
        },
        r.clause_id,
        labelOf(r),
      ),
      kind: r.kind,
      passage: q === null ? { text: r.headline, marks: [] } : passageOf(r.headline, q),
      language: r.language,
    }));
  }
}
