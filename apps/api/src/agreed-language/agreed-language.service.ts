import { Injectable } from '@nestjs/common';
import { clauseLabels } from '@parley/domain';
import type { AgreedLanguageEntry, AgreedLanguagePage, AgreedLanguageQuery } from '@parley/contracts';
import { pedigreeOf } from '../drafting/citations';
import type { Actor } from '../identity/actor';
import { Clock } from '../platform/clock/clock';
import { cursorCodec } from '../platform/http/cursor';
import { passageOf } from '../search/search-passage';
import { ANONYMOUS_SCOPE, searchScope } from '../search/search.policy';
import { SearchRepository } from '../search/search.repository';
import { AgreedLanguageRepository, type AgreedLanguageRow } from './agreed-language.repository';

export const AGREED_LANGUAGE_PAGE_SIZE = 20;

const ranked = cursorCodec({ rank: 'text', id: 'sequence' });
const latest = cursorCodec({ at: 'text', version: 'uuid', position: 'sequence' });

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
      const after = ranked.decode(query.cursor);
      const rows = await this.repository.search(query.q, filters, scope, after, limit + 1);
      const page = ranked.page(rows, limit, (last) => ({ rank: last.rank!, id: Number(last.entry_id) }));
      return { items: await this.entries(page.items, query.q), nextCursor: page.nextCursor };
    }
    const after = latest.decode(query.cursor);
    const rows = await this.repository.latest(filters, scope, after, limit + 1);
    const page = latest.page(rows, limit, (last) => ({ at: last.adopted_at, version: last.version_id, position: last.position }));
    return { items: await this.entries(page.items, null), nextCursor: page.nextCursor };
  }

  private async entries(rows: AgreedLanguageRow[], q: string | null): Promise<AgreedLanguageEntry[]> {
    // Labels ("3.") are numbered from the kinds of each version's clauses in reading order: one query, no texts.
    const kinds = await this.repository.clauseKinds([...new Set(rows.map((r) => r.version_id))]);
    const labels = new Map([...kinds].map(([id, clauses]) => [id, clauseLabels(clauses)]));
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
        labels.get(r.version_id)?.get(r.clause_id) ?? null,
      ),
      kind: r.kind,
      passage: q === null ? { text: r.headline, marks: [] } : passageOf(r.headline, q),
      language: r.language,
    }));
  }
}
