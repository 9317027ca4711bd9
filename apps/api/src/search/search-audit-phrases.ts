import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTS, PLATFORM, QUOTES, STAKEHOLDER_GROUPS, type FeedLanguage } from '../feeds/feed-sentences';

export interface AuditPhrase {
  language: FeedLanguage;
  key: string;
  phrase: string;
}

/** The words audit sentences are made of in search (decision 0053): the feeds' own, in the six languages. */
export function auditPhrases(): AuditPhrase[] {
  const out: AuditPhrase[] = [];
  for (const language of Object.keys(ACTS) as FeedLanguage[]) {
    for (const [action, phrase] of Object.entries(ACTS[language])) out.push({ language, key: `act:${action}`, phrase });
    for (const [group, names] of Object.entries(STAKEHOLDER_GROUPS)) out.push({ language, key: `sg:${group}`, phrase: names[language] });
    out.push({ language, key: 'platform', phrase: PLATFORM[language] });
    out.push({ language, key: 'quote-open', phrase: QUOTES[language][0] });
    out.push({ language, key: 'quote-close', phrase: QUOTES[language][1] });
  }
  return out;
}

const keyOf = (p: { language: string; key: string; phrase: string }) => `${p.language}\u0000${p.key}\u0000${p.phrase}`;

/**
 * Keeps `search_audit_phrases` (read by the audit_events index trigger) in the feeds' words: at
 * start, when they differ from what the table holds, writes them and indexes every act of the log
 * again (`search_audit_reindex()`), in one transaction, one API instance at a time. The first start
 * after the migration is the backfill; a start with unchanged words reads ~500 short rows.
 */
@Injectable()
export class SearchAuditPhrases implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sync();
  }

  /** True when the words changed and the log was indexed again. */
  async sync(): Promise<boolean> {
    const wanted = auditPhrases();
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('search:audit-phrases'))`);
      const have: AuditPhrase[] = await m.query(`SELECT language, key, phrase FROM search_audit_phrases`);
      const held = new Set(have.map(keyOf));
      if (have.length === wanted.length && wanted.every((p) => held.has(keyOf(p)))) return false;
      await m.query(`DELETE FROM search_audit_phrases`);
      await m.query(`INSERT INTO search_audit_phrases (language, key, phrase) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
        wanted.map((p) => p.language),
        wanted.map((p) => p.key),
        wanted.map((p) => p.phrase),
      ]);
      await m.query(`SELECT search_audit_reindex()`);
      return true;
    });
  }
}
