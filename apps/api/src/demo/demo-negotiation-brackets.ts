import { Injectable, Logger } from '@nestjs/common';
import type { ClauseResponse, DocumentResponse } from '@parley/contracts';
import { DocumentReads } from '../drafting/document-reads.service';
import type { Actor } from '../identity/actor';
import { BracketsService } from '../negotiation/brackets/brackets.service';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';
import { loadDocument, loadWorkingGroups } from './fixtures';

/**
 * Brackets in the international-norms group's text (decision 0031), as delegations negotiate it:
 * France (a government) brackets “significant” in principle 1 and Google (a company) offers a competing
 * option; Public Knowledge (civil society) brackets “intentionally and substantially” in principle 2
 * and Japan proposes an option; Cisco brackets “cyber hygiene” and a chair removes those brackets,
 * the text agreed as it reads, with a reason. Two days before the demo was loaded, after the document's
 * last act (its open ballot, opened that morning). Through the brackets service, as real use.
 */
@Injectable()
export class DemoNegotiationBrackets {
  private readonly logger = new Logger(DemoNegotiationBrackets.name);

  constructor(
    private readonly brackets: BracketsService,
    private readonly documents: DocumentReads,
  ) {}

  async seed(people: DemoPeople, groupIds: Map<string, string>, history: DemoHistory): Promise<void> {
    const fixture = loadWorkingGroups().find((g) => g.document);
    const groupId = fixture ? groupIds.get(fixture.name) : undefined;
    if (!fixture || !groupId) return;
    // The group's draft (its other documents are procedural texts put under silence, decision 0036).
    const listed = (await this.documents.list(null, groupId)).items.find((i) => i.title === loadDocument(fixture.document!).title);
    if (!listed) return;
    const doc = await this.documents.get(null, listed.id);
    const d = (organisation: string): Actor => {
      const delegate = people.delegates.get(organisation);
      if (!delegate) throw new Error(`demo brackets: no delegate for ${organisation}`);
      return delegate;
    };
    const chair = d(fixture.chairs[0]);
    const where = (passage: string) => {
      const clause = doc.version.clauses.find((c: ClauseResponse) => c.kind === 'operative' && c.text.includes(passage));
      if (!clause) throw new Error(`demo brackets: “${passage}” is in no clause`);
      const start = clause.text.indexOf(passage);
      return { version: doc.version.number, clauseId: clause.id, start, end: start + passage.length, passage };
    };
    const open = (who: string, passage: string, reason: string, options: { text: string; rationale?: string }[]) =>
      this.brackets.open(d(who), doc.id, { ...where(passage), reason, options });

    history.on(2, 11);
    const significant = await open('France', 'significant', 'France cannot accept a threshold that leaves most attacks on hospitals outside the principle.', [
      { text: 'substantial', rationale: 'The threshold used in the European framework on critical entities.' },
    ]);
    history.on(2, 11, 40);
    await this.brackets.proposeOption(d('Google'), significant.id, {
      text: 'serious',
      rationale: 'Industry reads “significant” too widely for incident reporting.',
    });

    history.on(2, 12, 30);
    const intent = await open(
      'Public Knowledge',
      'intentionally and substantially',
      'Reckless damage to the public core is as harmful as intentional damage.',
      [{ text: 'intentionally or recklessly', rationale: 'Covers operators who knowingly take the risk.' }],
    );
    history.on(2, 14);
    await this.brackets.proposeOption(d('Japan'), intent.id, { text: 'intentionally', rationale: 'A standard of intent is what States can verify.' });

    history.on(2, 15);
    const hygiene = await open('Cisco', 'cyber hygiene', 'The term is informal; standards bodies speak of baseline security practices.', [
      { text: 'baseline security practices' },
    ]);
    history.on(2, 17);
    await this.brackets.remove(chair, hygiene.id, {
      resolution: 'text-agreed',
      reason: 'Agreed at the informal session of the co-chairs: “cyber hygiene” is the Call’s own term and stays.',
    });
    this.logger.log(`Demo brackets loaded on “${(doc as DocumentResponse).title}”: 3 brackets, 1 removed`);
  }
}
