import { Injectable } from '@nestjs/common';
import { isDueForPublication, versionTextDigest, workingGroupScope, type ClauseKind } from '@parley/domain';
import { AuditedTransaction, type AuditActor } from '../../audit/audited-transaction';
import { Clock } from '../../platform/clock/clock';
import { PublicationRepository } from './publication.repository';

/** The scheduler publishes: an act with no personal actor. */
const PUBLICATION_ACTOR: AuditActor = { id: null, name: null, snapshot: null };

/** Publishes members-only versions at their date, each in one audited transaction (decision 0041). */
@Injectable()
export class PublicationService {
  constructor(
    private readonly publications: PublicationRepository,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  /**
   * Publishes every version whose date has come. Safe with several instances: each row is locked
   * and re-checked; one instance publishes it, the others find it published. The event carries the
   * text as published, so the offline verifier checks it against the fingerprint committed at issue.
   */
  async publishDue(limit = 50): Promise<string[]> {
    const published: string[] = [];
    for (const versionId of await this.publications.due(this.clock.now(), limit)) {
      const done = await this.tx.run(async (tx) => {
        const terms = await this.publications.lockUnpublished(tx.manager, versionId);
        if (!terms || !isDueForPublication(terms, tx.now)) return false;
        const clauses = (await this.publications.clausesOf(tx.manager, versionId)).map((c) => ({ id: c.id, kind: c.kind as ClauseKind, text: c.text }));
        await this.publications.markPublished(tx.manager, versionId, tx.now);
        await tx.record({
          scope: workingGroupScope(terms.workingGroupId),
          actor: PUBLICATION_ACTOR,
          action: 'version.published',
          subjectType: 'version',
          subjectId: versionId,
          // The digest of the text published now: equal to the one committed at issue unless the text was changed since.
          change: {
            documentId: terms.documentId,
            number: terms.number,
            membersOnlyUntil: terms.membersOnlyUntil.toISOString(),
            textDigest: versionTextDigest(clauses),
            clauses,
          },
        });
        return true;
      });
      if (done) published.push(versionId);
    }
    return published;
  }
}
