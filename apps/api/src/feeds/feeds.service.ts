import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { workingGroupScope, type AuditEvent } from '@parley/domain';
import { auditEventPage } from '@parley/contracts';
import { AuditDisclosure } from '../audit/audit-disclosure';
import { AuditRepository } from '../audit/audit.repository';
import { DocumentRepository } from '../drafting/document.repository';
import { PARLEY_CONFIG, type ParleyConfig } from '../platform/config/config';
import { notFound } from '../platform/http/problem';
import { WorkingGroupAccess } from '../working-groups/working-group-access';
import { renderAtom, type AtomEntry } from './atom';
import { FEED_TITLES, feedSentence, NOT_IN_FEEDS, type FeedLanguage } from './feed-sentences';

/** Entries per feed. */
export const FEED_SIZE = 50;
const PAGE = 200;
/** How far back a group's feed reads to fill its entries (pages of the chain, newest first). */
const MAX_PAGES = 10;

/** The acts a document's feed carries: its versions issued, published and adopted. */
const DOCUMENT_ACTS = new Set(['document.created', 'version.created', 'version.chairs-text-issued', 'version.published', 'version.adopted']);

const documentOf = (e: AuditEvent): string | null =>
  typeof e.change.documentId === 'string' ? e.change.documentId : e.action === 'document.created' ? e.subjectId : null;
const versionOf = (e: AuditEvent): number | null => {
  const n = e.change.number ?? e.change.version;
  return typeof n === 'number' ? n : null;
};

/**
 * Atom feeds for journalists and researchers (issue #20): a group's public acts and a document's
 * versions and adoptions, read from the audit log through the public log's disclosure rules (a
 * change the public log withholds is withheld here too). Titles name the actor with the affiliation
 * recorded at the act; no entry quotes a text (comments, clauses), so a members-only version's words
 * never reach a feed.
 */
@Injectable()
export class FeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly disclosure: AuditDisclosure,
    private readonly groups: WorkingGroupAccess,
    private readonly documents: DocumentRepository,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  async groupFeed(workingGroupId: string, lang: FeedLanguage): Promise<string> {
    const group = await this.groups.settings(this.dataSource.manager, workingGroupId);
    if (!group) throw notFound('working-group');
    const scope = workingGroupScope(group.id);
    const events: AuditEvent[] = [];
    let after: { occurredAt: string; scope: string; sequence: number } | null = null;
    for (let page = 0; page < MAX_PAGES && events.length < FEED_SIZE; page++) {
      const batch = await this.audit.search({ scope, order: 'desc', after, limit: PAGE });
      events.push(...batch.filter((e) => !NOT_IN_FEEDS(e.action)));
      if (batch.length < PAGE) break;
      after = batch[batch.length - 1];
    }
    const title = FEED_TITLES[lang].group(group.name);
    return this.render(
      events.slice(0, FEED_SIZE),
      { kind: 'working-group', id: group.id, page: `/working-groups/${group.id}`, title, groupName: group.name },
      lang,
    );
  }

  async documentFeed(documentId: string, lang: FeedLanguage): Promise<string> {
    const doc = await this.documents.findDocument(documentId);
    if (!doc) throw notFound('document');
    const group = (await this.groups.settings(this.dataSource.manager, doc.workingGroupId))!;
    const scope = workingGroupScope(group.id);
    const [versions, created] = await Promise.all([
      this.audit.search({ scope, action: { prefix: 'version.' }, order: 'desc', after: null, limit: 1000 }),
      this.audit.search({ scope, action: { exact: 'document.created' }, order: 'desc', after: null, limit: 1000 }),
    ]);
    const events = [...versions, ...created]
      .filter((e) => DOCUMENT_ACTS.has(e.action) && documentOf(e) === doc.id)
      .sort((a, b) => b.sequence - a.sequence)
      .slice(0, FEED_SIZE);
    const title = FEED_TITLES[lang].document(doc.title);
    return this.render(events, { kind: 'document', id: doc.id, page: `/documents/${doc.id}`, title, groupName: group.name }, lang);
  }

  private async render(
    found: AuditEvent[],
    feed: { kind: string; id: string; page: string; title: string; groupName: string },
    lang: FeedLanguage,
  ): Promise<string> {
    const events = await this.disclosure.disclose(found);
    const titles = await this.documents.titlesOf([...new Set(events.map(documentOf).filter((d): d is string => d !== null))]);
    const base = this.config.publicUrl;
    const entries: AtomEntry[] = events.map((e) => {
      const documentId = documentOf(e);
      return {
        id: `urn:parley:audit:${e.scope}:${e.sequence}`,
        updated: new Date(e.occurredAt),
        title: feedSentence(
          {
            action: e.action,
            actorName: e.actorName,
            actorSnapshot: e.actorSnapshot,
            groupName: feed.groupName,
            documentTitle: documentId ? (titles.get(documentId) ?? null) : null,
            versionNumber: versionOf(e),
          },
          lang,
        ),
        link: `${base}${auditEventPage(e.scope, e.sequence)}`,
        author: e.actorName ?? 'Parley',
      };
    });
    const suffix = lang === 'en' ? '' : `?lang=${lang}`;
    return renderAtom({
      id: `urn:parley:feed:${feed.kind}:${feed.id}`,
      title: feed.title,
      link: `${base}${feed.page}`,
      self: `${base}/api${feed.page}/feed.atom${suffix}`,
      lang,
      updated: new Date(0),
      entries,
    });
  }
}
