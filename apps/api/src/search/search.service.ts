import { Injectable } from '@nestjs/common';
import type { SearchQuery, SearchResponse, SearchResult } from '@parley/contracts';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { cursorCodec } from '../platform/http/cursor';
import { passageOf } from './search-passage';
import { ANONYMOUS_SCOPE, searchScope } from './search.policy';
import { SearchRepository, type SearchRow } from './search.repository';
import { SEARCH_PAGE_SIZE } from '@parley/contracts';

const cursors = cursorCodec({ rank: 'text', id: 'sequence' });
const DAY = 86_400_000;

/** Search everything (issue #25, decision 0053): the reader's scope, one ranked query, the page's results. */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly people: PeopleService,
    private readonly clock: Clock,
  ) {}

  async search(reader: Actor | null, query: SearchQuery): Promise<SearchResponse> {
    const now = this.clock.now();
    const after = cursors.decode(query.cursor);
    const scope = reader ? searchScope(await this.repository.standings(reader.id, now)) : ANONYMOUS_SCOPE;
    const rows = await this.repository.search(
      {
        ...query,
        from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
        to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY) : undefined,
      },
      scope,
      after ? { rank: after.rank, id: after.id } : null,
      SEARCH_PAGE_SIZE + 1,
    );
    const page = cursors.page(rows, SEARCH_PAGE_SIZE, (last) => ({ rank: last.rank, id: Number(last.id) }));
    return { items: await Promise.all(page.items.map((r) => this.result(r, query.q, now))), nextCursor: page.nextCursor };
  }

  private async result(r: SearchRow, q: string, now: Date): Promise<SearchResult> {
    const person = r.kind === 'person';
    return {
      kind: r.kind,
      id: r.source_id,
      title: r.title,
      passage: passageOf(r.headline, q),
      status: r.kind === 'clause' ? r.clause_status : r.detail,
      openBrackets: r.open_brackets,
      language: r.language,
      author: r.author_id && r.author_name ? { id: r.author_id, name: r.author_name } : null,
      affiliation: person ? await this.people.snapshotOf(undefined, r.source_id, now) : r.snapshot,
      target: {
        workingGroup: r.working_group_id && r.group_name ? { id: r.working_group_id, name: r.group_name } : null,
        document: r.document_id && r.document_title ? { id: r.document_id, title: r.document_title } : null,
        version: r.version_number,
        clauseId: r.clause_id,
      },
      at: new Date(r.at).toISOString(),
    };
  }
}
