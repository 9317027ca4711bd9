import { Injectable, OnModuleInit } from '@nestjs/common';
import { TEXT_QUOTING_ACTIONS, WITHHELD_UNTIL_PUBLICATION } from '@parley/domain';
import { AuditDisclosure } from '../../audit/audit-disclosure';
import { PublicationRepository } from './publication.repository';

/**
 * The public log withholds what quotes a document's text (a comment's quote, an amendment's text,
 * a bracket's passage…) recorded while one of its versions is circulated to members only, until
 * that version is published (the rule, shared with the offline verifier: libs/domain's
 * audit/withholding.ts). The issuing event itself carries only the text's fingerprint; the
 * `version.published` event carries the text.
 */
@Injectable()
export class PublicationDisclosure implements OnModuleInit {
  constructor(
    private readonly disclosure: AuditDisclosure,
    private readonly publications: PublicationRepository,
  ) {}

  onModuleInit(): void {
    this.disclosure.register([...TEXT_QUOTING_ACTIONS], (events) => this.reasons(events));
  }

  /** For each event, the reason its change is withheld now (null: public). */
  async reasons(events: { occurredAt: string; change: Record<string, unknown> }[]): Promise<(string | null)[]> {
    const documentOf = (e: { change: Record<string, unknown> }) => (typeof e.change.documentId === 'string' ? e.change.documentId : null);
    const since = await this.publications.unpublishedSince(events.map(documentOf).filter((d): d is string => d !== null));
    return events.map((e) => {
      const from = since.get(documentOf(e) ?? '');
      return from && from.getTime() <= new Date(e.occurredAt).getTime() ? WITHHELD_UNTIL_PUBLICATION : null;
    });
  }
}
