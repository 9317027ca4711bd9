import { Injectable, Logger } from '@nestjs/common';
import type { DocumentResponse } from '@parley/contracts';
import { BallotService } from '../decisions/ballot.service';
import { VoteService } from '../decisions/vote.service';
import { AmendmentService } from '../drafting/amendment.service';
import { CommentService } from '../drafting/comment.service';
import { DocumentService } from '../drafting/document.service';
import { DraftingBallots } from '../drafting/drafting-ballots.service';
import type { Actor } from '../identity/actor';
import { MembershipService } from '../working-groups/membership.service';
import type { DemoPeople } from './demo-seeder';
import { loadDocument, loadWorkingGroups } from './fixtures';

/** The demo's open ballot stays open a week, so a visitor signed in as a member can vote on it. */
const OPEN_BALLOT_DAYS = 7;

/**
 * The international-norms group drafts the nine principles (fixtures/paris-call/document.json),
 * through the same use cases as real use: a chair creates the draft; Access Now follows as an
 * observer and asks a clarification question on principle 4 that nobody has answered; members
 * comment and a chair answers; two amendments pass their ballots and are consolidated into
 * version 2 (so "who wrote this" has civil-society and government words to show); a competing
 * proposal on principle 4 is outdated by the one that passed, one proposal is rejected by its ballot,
 * one competing proposal waits, and one insertion is under an open ballot.
 */
@Injectable()
export class DemoDocument {
  private readonly logger = new Logger(DemoDocument.name);

  constructor(
    private readonly documents: DocumentService,
    private readonly comments: CommentService,
    private readonly amendments: AmendmentService,
    private readonly draftingBallots: DraftingBallots,
    private readonly ballots: BallotService,
    private readonly votes: VoteService,
    private readonly membership: MembershipService,
  ) {}

  async seed(people: DemoPeople, groupIds: Map<string, string>): Promise<string | null> {
    const fixture = loadWorkingGroups().find((g) => g.document);
    const groupId = fixture ? groupIds.get(fixture.name) : undefined;
    if (!fixture?.document || !groupId) return null;
    const d = (organisation: string): Actor => {
      const delegate = people.delegates.get(organisation);
      if (!delegate) throw new Error(`demo document: no delegate for ${organisation}`);
      return delegate;
    };
    const [chair, coChair] = fixture.chairs.map(d);
    const convener = d(fixture.members[0]);
    const text = loadDocument(fixture.document);
    const v1 = await this.documents.create(chair, groupId, { title: text.title, clauses: text.clauses });
    const clause = (doc: DocumentResponse, label: string) => {
      const found = doc.version.clauses.find((c) => c.label === label);
      if (!found) throw new Error(`demo document: no clause ${label}`);
      return found;
    };
    const quote = (doc: DocumentResponse, label: string, passage: string) => {
      const start = clause(doc, label).text.indexOf(passage);
      if (start < 0) throw new Error(`demo document: "${passage}" is not in clause ${label}`);
      return { text: passage, start, end: start + passage.length };
    };

    // Access Now follows the drafting as an observer: observers comment, they do not amend or vote.
    const accessNow = d('Access Now');
    const request = await this.membership.requestToJoin(accessNow, groupId, { kind: 'observer', statement: 'Access Now follows the drafting of the principles on behalf of users at risk.' });
    await this.membership.decide(convener, groupId, request.id, { decision: 'admit' });

    const p4 = clause(v1, '4.');
    await this.comments.post(accessNow, v1.id, {
      clauseId: p4.id,
      kind: 'clarification',
      body: 'Does “commercial sector” include state-owned enterprises? And would a security researcher who discloses a flaw in a company’s product fall under “theft of intellectual property”?',
      quote: quote(v1, '4.', 'commercial sector'),
    });
    const core = await this.comments.post(d('Chatham House'), v1.id, {
      clauseId: clause(v1, '2.').id,
      kind: 'technical',
      body: 'The text should say what the “public core” covers: naming, routing, and the certificate infrastructure, as the Global Commission on the Stability of Cyberspace proposed.',
      quote: quote(v1, '2.', 'public core of the Internet'),
    });
    await this.comments.reply(d('Japan'), core.id, { kind: 'general', body: 'Japan supports a definition in the commentary rather than in the principle itself.' });
    await this.comments.dispose(coChair, core.id, { disposition: 'accepted', reason: 'The commentary will define the public core along the lines of the GCSC’s proposal.' });
    const spelling = await this.comments.post(d('United Kingdom'), v1.id, { clauseId: clause(v1, '9.').id, kind: 'editorial', body: 'The English text mixes spellings: “behavior” here, “behaviour” elsewhere.', quote: quote(v1, '9.', 'behavior') });
    await this.comments.dispose(chair, spelling.id, { disposition: 'noted', reason: 'The text keeps the spelling of the Call as published in 2018.' });

    // Two amendments pass and are consolidated into version 2.
    const researchers = await this.amendments.propose(d('Public Knowledge'), v1.id, {
      kind: 'replace',
      baseVersion: 1,
      targetClauseId: p4.id,
      text: 'Prevent ICT-enabled theft of intellectual property, including trade secrets or other confidential business information, with the intent of providing competitive advantages to companies or commercial sector, without restricting good-faith security research or journalism.',
      rationale: 'Security researchers and journalists who expose flaws must not be treated as thieves of intellectual property.',
    });
    await this.amendments.cosponsor(d('France'), researchers.id);
    await this.amendments.cosponsor(d('Cisco'), researchers.id);
    const capacity = await this.amendments.propose(d('Senegal'), v1.id, {
      kind: 'insert',
      baseVersion: 1,
      afterClauseId: clause(v1, '7.').id,
      clauseKind: 'operative',
      text: 'Support capacity building so that every State, whatever its resources, can implement these principles.',
      rationale: 'Principles that only well-resourced States can implement will not be implemented.',
    });
    await this.amendments.cosponsor(d('Chatham House'), capacity.id);
    // Competes with the researchers' amendment on principle 4: outdated when that one passes.
    await this.amendments.propose(d('Japan'), v1.id, {
      kind: 'replace',
      baseVersion: 1,
      targetClauseId: p4.id,
      text: 'Prevent ICT-enabled theft of intellectual property, including trade secrets or other confidential business information, with the intent of providing competitive advantages to companies or commercial sector, in accordance with national law.',
      rationale: 'What counts as theft of intellectual property is for each State’s law to say.',
    });
    // A weaker wording of principle 7 that the members reject.
    const hygiene = await this.amendments.propose(d('Cisco'), v1.id, {
      kind: 'replace',
      baseVersion: 1,
      targetClauseId: clause(v1, '7.').id,
      text: 'Encourage voluntary efforts to strengthen cyber hygiene for all actors.',
      rationale: 'Cyber hygiene should be encouraged, not required.',
    });

    const voters = ['France', 'United Kingdom', 'Japan', 'Senegal', 'Google', 'Cisco', 'Public Knowledge', 'Center for Democracy and Technology', 'Chatham House', ...fixture.chairs];
    const votes: [typeof researchers, Record<string, 'no' | 'abstain'>][] = [
      [researchers, { Google: 'no' }],
      [capacity, { Cisco: 'abstain' }],
      [hygiene, Object.fromEntries(voters.filter((o) => o !== 'Cisco' && o !== 'Google').map((o) => [o, 'no']))],
    ];
    for (const [amendment, exceptions] of votes) {
      const opened = await this.draftingBallots.openAmendmentBallot(chair, amendment.id, { closesAt: new Date(Date.now() + 86_400_000).toISOString() });
      for (const organisation of voters) await this.votes.cast(d(organisation), opened.ballotId!, { choice: exceptions[organisation] ?? 'yes' });
      await this.ballots.closeEarly(chair, opened.ballotId!);
    }
    // A competing proposal on principle 8, proposed against version 1, still open.
    await this.amendments.propose(d('Google'), v1.id, {
      kind: 'replace',
      baseVersion: 1,
      targetClauseId: clause(v1, '8.').id,
      text: 'Take steps to prevent non-State actors, including the private sector, from hacking-back, for their own purposes or those of other non-State actors, except where a State has authorised and supervises it.',
      rationale: 'Some States authorise active defence by companies under supervision; the principle should say so.',
    });
    const v2 = await this.documents.consolidate(coChair, v1.id);

    // An insertion under an open ballot on version 2, for visitors to vote on.
    const rights = await this.amendments.propose(d('Center for Democracy and Technology'), v1.id, {
      kind: 'insert',
      baseVersion: v2.currentVersion,
      afterClauseId: clause(v2, '10.').id,
      clauseKind: 'operative',
      text: 'Respect international human rights law in every measure taken to implement these principles.',
      rationale: 'Security measures have been used to justify surveillance; the text should rule that out.',
    });
    await this.amendments.cosponsor(d('United Kingdom'), rights.id);
    await this.draftingBallots.openAmendmentBallot(chair, rights.id, { closesAt: new Date(Date.now() + OPEN_BALLOT_DAYS * 86_400_000).toISOString() });

    this.logger.log(`Demo document loaded: “${text.title}”, version ${v2.currentVersion}`);
    return v1.id;
  }
}
