import { Injectable, Logger } from '@nestjs/common';
import type { DocumentResponse } from '@parley/contracts';
import { DataSource } from 'typeorm';
import { DocumentReads } from '../drafting/document-reads.service';
import { DocumentRepository } from '../drafting/document.repository';
import type { Actor } from '../identity/actor';
import { ChairsTextService } from '../negotiation/chairs-texts/chairs-texts.service';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';
import { loadDocument, loadWorkingGroups } from './fixtures';

/** Paragraphs the chair rewords in Rev.1, by their label in version 2, with the new wording: none has an open amendment or ballot. */
const REWORDED: Record<string, string> = {
  '1.':
    'Prevent and recover from malicious cyber activities that threaten or cause significant, indiscriminate or systemic harm to individuals and critical infrastructure, and cooperate to that end.',
  '3.':
    'Strengthen our capacity to prevent malign interference by foreign actors aimed at undermining electoral processes through malicious cyber activities, and share what we learn.',
  '5.': 'Develop ways to prevent the proliferation of malicious software and practices intended to cause harm, including through responsible disclosure.',
};

/**
 * Chair's texts in the demo (issue #18, decision 0033): the international-norms group's chair (a
 * Microsoft delegate) issues Rev.1 of the principles as the Chair's text, a draft, rewording three
 * paragraphs nobody has an amendment on; the insertion under its open ballot carries forward. Runs
 * the day before the demo was loaded, before that day's endorsements.
 */
@Injectable()
export class DemoNegotiationChairsTexts {
  private readonly logger = new Logger(DemoNegotiationChairsTexts.name);

  constructor(
    private readonly chairsTexts: ChairsTextService,
    private readonly documents: DocumentRepository,
    private readonly reads: DocumentReads,
    private readonly dataSource: DataSource,
  ) {}

  async seed(people: DemoPeople, groupIds: Map<string, string>, history: DemoHistory): Promise<void> {
    const fixture = loadWorkingGroups().find((g) => g.document);
    const groupId = fixture ? groupIds.get(fixture.name) : undefined;
    if (!fixture || !groupId) return;
    // The group's draft (its other documents are procedural texts put under silence, decision 0036).
    const document = (await this.documents.listByGroup(groupId)).find((d) => d.title === loadDocument(fixture.document!).title);
    if (!document) return;
    const chair: Actor | undefined = people.delegates.get(fixture.chairs[0]);
    if (!chair) throw new Error(`demo chair's text: no delegate for ${fixture.chairs[0]}`);
    const current: DocumentResponse = await this.reads.get(null, document.id);
    const clauses = current.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: (c.label && REWORDED[c.label]) || c.text }));
    history.on(1, 8);
    const rev1 = await this.chairsTexts.issue(chair, document.id, {
      label: 'Rev.1',
      standing: 'draft',
      office: 'chair',
      note: 'Rev.1 of the principles: the chair’s reading of the discussion on principles 1, 3 and 5.',
      clauses,
    });
    this.logger.log(`Demo chair's text loaded: Rev.1, version ${rev1.currentVersion}`);
  }
}
