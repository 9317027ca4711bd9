import { Injectable } from '@nestjs/common';
import { clauseLabels } from '@parley/domain';
import type { AgreedLanguageEntry, AgreedLanguagePage, AgreedLanguageQuery } from '@parley/contracts';
import { CitationRepository } from '../drafting/citations.repository';
import { pedigreeOf } from '../drafting/citations';
import { DocumentRepository } from '../drafting/document.repository';
import { toClause } from '../drafting/drafting.mapper';
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
    private readonly citations: CitationRepository,
    private readonly documents: DocumentRepository,
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
    const versions = new Map((await this.citations.versionsById([...new Set(rows.map((r) => r.version_id))])).map((v) => [v.versionId, v]));
    const labels = new Map<string, Map<string, string | null>>();
    for (const id of versions.keys()) labels.set(id, clauseLabels((await this.documents.clausesOf(id)).map(toClause)));
    return rows.map((r) => ({
      pedigree: pedigreeOf(versions.get(r.version_id)!, r.clause_id, labels.get(r.version_id)?.get(r.clause_id) ?? null),
      kind: r.kind,
      passage: q === null ? { text: r.headline, marks: [] } : passageOf(r.headline, q),
      language: r.language,
    }));
  }
}
