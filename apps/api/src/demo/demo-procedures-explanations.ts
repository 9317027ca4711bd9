import { Injectable, Logger } from '@nestjs/common';
import { BallotService } from '../decisions/ballot.service';
import { VoteService } from '../decisions/vote.service';
import { DocumentService } from '../drafting/document.service';
import { DraftingBallots } from '../drafting/drafting-ballots.service';
import type { Actor } from '../identity/actor';
import { ExplanationsService } from '../procedures/explanations/explanations.service';
import { closeAtClosingTimes } from './demo-ballots';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';
import { loadWorkingGroups } from './fixtures';

const NORMS = 'Working group on international norms';
export const DEMO_EXPLANATIONS_TITLE = 'Statement on the protection of the public core of the Internet';

/** A short statement as a UN text reads: a heading, two preambular paragraphs, three operative ones. */
const CLAUSES = [
  { kind: 'heading' as const, text: 'Statement on the protection of the public core of the Internet' },
  { kind: 'preamble' as const, text: 'Recalling that the general availability and integrity of the Internet are essential to the security and prosperity of all,' },
  { kind: 'preamble' as const, text: 'Noting the principles of the Paris Call for Trust and Security in Cyberspace, in particular its second principle,' },
  { kind: 'operative' as const, text: 'Calls upon all actors to refrain from activity that intentionally and substantially damages the public core of the Internet;' },
  { kind: 'operative' as const, text: 'Encourages States to consider the protection of the public core in their national cybersecurity strategies;' },
  { kind: 'operative' as const, text: 'Invites the working group to report on the implementation of this statement at its next session, including through an independent review mechanism.' },
];

/**
 * Explanations of position in the norms group (issue #19, decision record 0037), between day 165
 * 16:00 and day 160 09:00 of the demo's history: a chair drafts a short statement and puts it to a
 * consensus adoption ballot (every voter yes, Japan abstaining); the United Kingdom explains its
 * position before the decision; the ballot closes at its closing time and the text is adopted; then
 * Senegal places a reservation and Japan disassociates from OP3 (the review mechanism).
 */
@Injectable()
export class DemoProceduresExplanations {
  private readonly logger = new Logger(DemoProceduresExplanations.name);

  constructor(
    private readonly documents: DocumentService,
    private readonly draftingBallots: DraftingBallots,
    private readonly ballots: BallotService,
    private readonly votes: VoteService,
    private readonly explanations: ExplanationsService,
  ) {}

  async seed(people: DemoPeople, groupIds: Map<string, string>, history: DemoHistory): Promise<string | null> {
    const groupId = groupIds.get(NORMS);
    const fixture = loadWorkingGroups().find((g) => g.name === NORMS);
    if (!groupId || !fixture) return null;
    const delegate = (organisation: string): Actor => {
      const d = people.delegates.get(organisation);
      if (!d) throw new Error(`demo explanations: no delegate for ${organisation}`);
      return d;
    };
    const chair = delegate(fixture.chairs[0]);
    history.on(165, 16);
    const doc = await this.documents.create(chair, groupId, { title: DEMO_EXPLANATIONS_TITLE, clauses: CLAUSES });
    history.on(165, 16, 30);
    const closesAt = history.day(162, 16, 30);
    const { ballotId } = await this.draftingBallots.openAdoptionBallot(chair, doc.id, 1, { rule: 'consensus', closesAt: closesAt.toISOString(), confirmUnanswered: false, acknowledgedWarnings: [] });

    history.on(164, 10);
    await this.explanations.place(delegate('United Kingdom'), doc.id, 1, {
      kind: 'position',
      text: 'The United Kingdom joins consensus. We understand the public core to cover the technical infrastructure essential to the general availability of the Internet, not its content.',
    });
    const voters = [...new Set([...fixture.members, ...fixture.chairs])];
    for (const [j, organisation] of voters.entries()) {
      history.on(164 - Math.floor(j / 4), 11, 10 * j);
      await this.votes.cast(delegate(organisation), ballotId, { choice: organisation === 'Japan' ? 'abstain' : 'yes' });
    }
    await closeAtClosingTimes(history, this.ballots, [{ id: ballotId, closesAt }], `statement of ${NORMS}`);

    const paragraphs = doc.version.clauses.filter((c) => c.kind === 'operative').map((c) => c.id);
    history.on(161, 10);
    await this.explanations.place(delegate('Senegal'), doc.id, 1, {
      kind: 'reservation',
      clauseIds: [paragraphs[1]],
      text: 'Senegal places a reservation on OP2: national strategies are for each State to decide, in line with its capacities.',
    });
    history.on(161, 11, 30);
    await this.explanations.place(delegate('Japan'), doc.id, 1, {
      kind: 'disassociation',
      clauseIds: [paragraphs[2]],
      text: 'Japan did not block consensus but disassociates itself from OP3: an independent review mechanism goes beyond the mandate of this group.',
    });
    this.logger.log(`Demo explanations of position loaded: “${DEMO_EXPLANATIONS_TITLE}”`);
    return doc.id;
  }
}
