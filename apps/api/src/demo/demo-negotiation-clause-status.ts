import { Injectable, Logger } from '@nestjs/common';
import type { ClauseStatus } from '@parley/domain';
import { DocumentReads } from '../drafting/document-reads.service';
import type { Actor } from '../identity/actor';
import { ClauseStatusService } from '../negotiation/clause-status/clause-status.service';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';
import { loadWorkingGroups } from './fixtures';

/**
 * Where the international norms group's text stands (issue #18, decision record 0032), through the
 * same use cases as real use: the afternoon the open ballot was opened its chairs read version 2, and that evening recorded most
 * paragraphs agreed, principles 4 and 7 still under negotiation, principle 2 referred to the
 * informal group on the public core — and two delegations agreed a principle ad referendum pending
 * their capitals (France on principle 1, expiring in three days; Senegal on principle 6, in three
 * weeks). Each step after the document's last act, before the day the demo is loaded.
 */
@Injectable()
export class DemoNegotiationClauseStatus {
  private readonly logger = new Logger(DemoNegotiationClauseStatus.name);

  constructor(
    private readonly statuses: ClauseStatusService,
    private readonly documents: DocumentReads,
  ) {}

  async seed(people: DemoPeople, documentId: string, history: DemoHistory): Promise<void> {
    const fixture = loadWorkingGroups().find((g) => g.document);
    if (!fixture) return;
    const d = (organisation: string): Actor => {
      const delegate = people.delegates.get(organisation);
      if (!delegate) throw new Error(`demo clause status: no delegate for ${organisation}`);
      return delegate;
    };
    const [chair, coChair] = fixture.chairs.map(d);
    const doc = await this.documents.get(null, documentId);
    const byLabel = new Map(doc.version.clauses.filter((c) => c.label).map((c) => [c.label!, c.id]));
    const special: Record<string, { status: ClauseStatus; note: string }> = {
      '2.': { status: 'informal-group', note: 'Referred to the informal group on the public core, which reports at the next session.' },
      '4.': { status: 'under-negotiation', note: 'Competing proposals on security research are still open.' },
      '7.': { status: 'under-negotiation', note: 'Awaiting the ballot on the capacity-building paragraph.' },
    };
    const paragraphs = doc.version.clauses.filter((c) => c.kind !== 'heading');
    // Every paragraph of the chair's Rev.1 was read, under negotiation, early yesterday morning; within the hour the chairs
    // recorded what was agreed, and where the rest stands (before the endorsements of yesterday morning).
    for (const [i, c] of paragraphs.entries()) {
      history.on(1, 8, 10 + i);
      await this.statuses.setStatus(i % 2 === 0 ? chair : coChair, documentId, c.id, { status: 'under-negotiation', note: 'First reading of Rev.1.' });
    }
    for (const [i, c] of paragraphs.entries()) {
      const moved = (c.label ? special[c.label] : undefined) ?? { status: 'agreed' as const, note: 'Agreed at the second reading.' };
      // A paragraph with words still in brackets is not agreed (principle 1: “significant”).
      if (moved.status === 'under-negotiation' || (moved.status === 'agreed' && (c.negotiation?.openBrackets ?? 0) > 0)) continue;
      history.on(1, 8, 30 + i);
      await this.statuses.setStatus(chair, documentId, c.id, moved);
    }
    const three = byLabel.get('3.');
    const six = byLabel.get('6.');
    if (three) {
      history.on(1, 9);
      await this.statuses.agreeAdRef(d('France'), documentId, three, { expiresOn: history.isoDay(-3), note: 'Agreed pending instructions from Paris.' });
    }
    if (six) {
      history.on(1, 9, 10);
      await this.statuses.agreeAdRef(d('Senegal'), documentId, six, { expiresOn: history.isoDay(-21), note: 'Dakar is consulting the ministries concerned.' });
    }
    this.logger.log(`Demo clause status: ${paragraphs.length} paragraphs read, 2 ad ref`);
  }
}
