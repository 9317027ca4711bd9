import { Injectable, Logger } from '@nestjs/common';
import type { DocumentResponse } from '@parley/contracts';
import { AmendmentService } from '../drafting/amendment.service';
import { DocumentReads } from '../drafting/document-reads.service';
import type { Actor } from '../identity/actor';
import { StreamliningService } from '../negotiation/streamlining/streamlining.service';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';
import { loadWorkingGroups } from './fixtures';

/**
 * Streamlining and recommendations in the international-norms group's text (decision 0034): Japan and
 * Chatham House propose competing definitions of the "public core" in principle 2; the chair
 * (Microsoft, a company) streamlines them into one chair's proposal; the chair then recommends
 * accepting it, and gives a recommendation on another open proposal. Two days ago, in the evening, after the document's
 * own history and the brackets' (decision 0031).
 */
@Injectable()
export class DemoNegotiationStreamlining {
  private readonly logger = new Logger(DemoNegotiationStreamlining.name);

  constructor(
    private readonly reads: DocumentReads,
    private readonly amendments: AmendmentService,
    private readonly streamlining: StreamliningService,
  ) {}

  async seed(people: DemoPeople, documentId: string | null, history: DemoHistory): Promise<void> {
    const fixture = loadWorkingGroups().find((g) => g.document);
    if (!fixture || !documentId) return;
    const d = (organisation: string): Actor => {
      const delegate = people.delegates.get(organisation);
      if (!delegate) throw new Error(`demo streamlining: no delegate for ${organisation}`);
      return delegate;
    };
    const chair = d(fixture.chairs[0]);
    const doc: DocumentResponse = await this.reads.get(null, documentId);
    const p2 = doc.version.clauses.find((c) => c.label === '2.');
    if (!p2) throw new Error('demo streamlining: no clause 2.');

    history.on(2, 18);
    const japan = await this.amendments.propose(d('Japan'), documentId, {
      kind: 'replace',
      baseVersion: doc.version.number,
      targetClauseId: p2.id,
      text: `${p2.text} The public core includes the Internet's naming and routing systems.`,
      rationale: 'The principle should say what the public core is, briefly.',
    });
    history.on(2, 18, 40);
    const chatham = await this.amendments.propose(d('Chatham House'), documentId, {
      kind: 'replace',
      baseVersion: doc.version.number,
      targetClauseId: p2.id,
      text: `${p2.text} The public core includes the domain name system, routing, and the certificate infrastructure.`,
      rationale: 'As the Global Commission on the Stability of Cyberspace proposed.',
    });
    history.on(2, 19);
    const streamlined = await this.streamlining.streamline(chair, documentId, {
      sourceAmendmentIds: [japan.id, chatham.id],
      text: `${p2.text} The public core includes the Internet's naming and routing systems and its certificate infrastructure.`,
      rationale: 'Both proposals define the public core; this text keeps Japan’s brevity and Chatham House’s mention of the certificate infrastructure.',
    });
    history.on(2, 19, 30);
    await this.streamlining.recommend(chair, streamlined.id, { recommendation: 'accept', reason: 'It carries the substance of both proposals, and no delegation objected when it was read.' });
    const open = (await this.amendments.list(null, documentId, { status: 'proposed', limit: 50 })).items.filter((a) => a.id !== streamlined.id);
    const other = open[0];
    if (other) {
      history.on(2, 20);
      await this.streamlining.recommend(chair, other.id, { recommendation: 'reject', reason: 'The accepted text of this principle already covers it; the commentary will address the point raised.' });
    }
    this.logger.log('Demo streamlining loaded: one chair’s streamlined proposal, recommendations on two amendments');
  }
}
