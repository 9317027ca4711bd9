import { Injectable } from '@nestjs/common';
import type { SearchQuery, SearchResponse, SearchResult } from '@parley/contracts';
import type { AffiliationSnapshot } from '@parley/domain';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { cursorCodec } from '../platform/http/cursor';
import { passageOf } from './search-passage';
import { ANONYMOUS_SCOPE, searchScope } from './search.policy';
import { SearchRepository, type SearchRow } from './search.repository';
import { auditEventPage, SEARCH_PAGE_SIZE } from '@parley/contracts';

const cursors = cursorCodec({ rank: 'real', id: 'sequence' });
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
    // People's affiliations now: one query for the page's people, not one per result.
    const people = page.items.filter((r) => r.kind === 'person').map((r) => r.source_id);
    const current = people.length ? await this.people.snapshotsOf(undefined, people, now) : new Map<string, AffiliationSnapshot>();
    return { items: page.items.map((r) => this.result(r, query.q, current)), nextCursor: page.nextCursor };
  }

  private result(r: SearchRow, q: string, current: ReadonlyMap<string, AffiliationSnapshot>): SearchResult {
    const person = r.kind === 'person';
    const auditEvent = r.audit_scope && r.audit_sequence ? { scope: r.audit_scope, sequence: Number(r.audit_sequence), page: auditEventPage(r.audit_scope, Number(r.audit_sequence)) } : null;
    return {
      kind: r.kind,
      id: auditEvent ? `${auditEvent.scope}/${auditEvent.sequence}` : r.source_id,
      title: r.title,
      passage: passageOf(r.headline, q),
      status: r.kind === 'clause' ? r.clause_status : r.detail,
      openBrackets: r.open_brackets,
      language: r.language,
      author: r.author_id && r.author_name ? { id: r.author_id, name: r.author_name } : null,
      affiliation: person ? (current.get(r.source_id) ?? null) : r.snapshot,
      target: {
        workingGroup: r.working_group_id && r.group_name ? { id: r.working_group_id, name: r.group_name } : null,
        document: r.document_id && r.document_title ? { id: r.document_id, title: r.document_title } : null,
        version: r.version_number,
        clauseId: r.clause_id,
        auditEvent,
      },
      at: new Date(r.at).toISOString(),
    };
  }
}
