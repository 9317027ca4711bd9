import { Injectable, Logger } from '@nestjs/common';
import type { DocumentResponse } from '@parley/contracts';
import { mentionToken } from '@parley/domain';
import { FollowsService } from '../follows/follows.service';
import { BallotService } from '../decisions/ballot.service';
import { VoteService } from '../decisions/vote.service';
import { AmendmentService } from '../drafting/amendment.service';
import { CommentService } from '../drafting/comment.service';
import { DocumentService } from '../drafting/document.service';
import { DraftingBallots } from '../drafting/drafting-ballots.service';
import type { Actor } from '../identity/actor';
import { MembershipService } from '../working-groups/membership.service';
import { closeAtClosingTimes } from './demo-ballots';
import { DemoLanguageVersions } from './demo-language-versions';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';
import { loadDocument, loadWorkingGroups } from './fixtures';

/** The demo's open ballot stays open a week, so a visitor signed in as a member can vote on it. */
const OPEN_BALLOT_DAYS = 7;
/** The open ballot opened this many days before the demo was loaded: it closes five days after. */
const OPEN_BALLOT_OPENED_DAYS_AGO = 2;

/**
 * The international-norms group drafts the nine principles (fixtures/paris-call/document.json),
 * through the same use cases as real use: a chair creates the draft; Access Now follows as an
 * observer and asks a clarification question on principle 4 that nobody has answered; members
 * comment and a chair answers; two amendments pass their ballots and are consolidated into
 * version 2 (so "who wrote this" has civil-society and government words to show); a competing
 * proposal on principle 4 is outdated by the one that passed, one proposal is rejected by its ballot,
 * one competing proposal waits, and one insertion is under an open ballot. The drafting began about
 * five months before the demo was loaded (DemoHistory): comments over the first weeks, amendments
 * balloted for a week three months ago, version 2 two months ago, and the open ballot opened two
 * days ago, closing in five. Its original language is English; France's delegate translates it into
 * French as it goes (DemoLanguageVersions).
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
    private readonly follows: FollowsService,
    private readonly languages: DemoLanguageVersions,
  ) {}

  async seed(people: DemoPeople, groupIds: Map<string, string>, history: DemoHistory, meanwhile?: (documentId: string) => Promise<void>): Promise<string | null> {
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
    history.on(160, 10);
    const v1 = await this.documents.create(chair, groupId, { title: text.title, clauses: text.clauses, originalLanguage: text.language ?? 'en' });
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
    history.on(158, 9, 30);
    const request = await this.membership.requestToJoin(accessNow, groupId, { kind: 'observer', statement: 'Access Now follows the drafting of the principles on behalf of users at risk.' });
    history.on(157, 15);
    await this.membership.decide(convener, groupId, request.id, { decision: 'admit' });

    const p4 = clause(v1, '4.');
    history.on(155, 11);
    await this.comments.post(accessNow, v1.id, {
      clauseId: p4.id,
      kind: 'clarification',
      body: 'Does “commercial sector” include state-owned enterprises? And would a security researcher who discloses a flaw in a company’s product fall under “theft of intellectual property”?',
      quote: quote(v1, '4.', 'commercial sector'),
    });
    history.on(150, 14);
    const core = await this.comments.post(d('Chatham House'), v1.id, {
      clauseId: clause(v1, '2.').id,
      kind: 'technical',
      body: 'The text should say what the “public core” covers: naming, routing, and the certificate infrastructure, as the Global Commission on the Stability of Cyberspace proposed.',
      quote: quote(v1, '2.', 'public core of the Internet'),
    });
    history.on(148, 10);
    await this.comments.reply(d('Japan'), core.id, { kind: 'general', body: 'Japan supports a definition in the commentary rather than in the principle itself.' });
    // Chatham House asks Access Now in by name (a mention, issue #20); Access Now's delegate, the demo's
    // signed-in visitor, follows principle 2 from then on (the whole draft would tell her of every act).
    history.on(147, 16);
    await this.comments.reply(d('Chatham House'), core.id, {
      kind: 'general',
      body: `${mentionToken(accessNow.name, accessNow.id)}, would Access Now want the commentary to name the certificate infrastructure too?`,
    });
    history.on(146, 9);
    await this.follows.follow(accessNow, 'clause', clause(v1, '2.').id);
    history.on(145, 9, 30);
    await this.comments.dispose(coChair, core.id, { disposition: 'accepted', reason: 'The commentary will define the public core along the lines of the GCSC’s proposal.' });
    history.on(140, 15);
    const spelling = await this.comments.post(d('United Kingdom'), v1.id, { clauseId: clause(v1, '9.').id, kind: 'editorial', body: 'The English text mixes spellings: “behavior” here, “behaviour” elsewhere.', quote: quote(v1, '9.', 'behavior') });
    history.on(138, 10);
    await this.comments.dispose(chair, spelling.id, { disposition: 'noted', reason: 'The text keeps the spelling of the Call as published in 2018.' });
    // France's delegate puts the whole of version 1 into French, the Call's other language (DemoLanguageVersions).
    await this.languages.translate(people, v1.id, 1, 'fr', history, { daysAgo: 136, hour: 9 }, { complete: true });

    // Two amendments pass and are consolidated into version 2.
    history.on(120, 10);
    const researchers = await this.amendments.propose(d('Public Knowledge'), v1.id, {
      kind: 'replace',
      baseVersion: 1,
      targetClauseId: p4.id,
      text: 'Prevent ICT-enabled theft of intellectual property, including trade secrets or other confidential business information, with the intent of providing competitive advantages to companies or commercial sector, without restricting good-faith security research or journalism.',
      rationale: 'Security researchers and journalists who expose flaws must not be treated as thieves of intellectual property.',
    });
    history.on(118, 11);
    await this.amendments.cosponsor(d('France'), researchers.id);
    history.on(117, 16);
    await this.amendments.cosponsor(d('Cisco'), researchers.id);
    history.on(115, 10);
    const capacity = await this.amendments.propose(d('Senegal'), v1.id, {
      kind: 'insert',
      baseVersion: 1,
      afterClauseId: clause(v1, '7.').id,
      clauseKind: 'operative',
      text: 'Support capacity building so that every State, whatever its resources, can implement these principles.',
      rationale: 'Principles that only well-resourced States can implement will not be implemented.',
    });
    history.on(113, 12);
    await this.amendments.cosponsor(d('Chatham House'), capacity.id);
    history.on(110, 10);
    // Competes with the researchers' amendment on principle 4: outdated when that one passes.
    await this.amendments.propose(d('Japan'), v1.id, {
      kind: 'replace',
      baseVersion: 1,
      targetClauseId: p4.id,
      text: 'Prevent ICT-enabled theft of intellectual property, including trade secrets or other confidential business information, with the intent of providing competitive advantages to companies or commercial sector, in accordance with national law.',
      rationale: 'What counts as theft of intellectual property is for each State’s law to say.',
    });
    // A weaker wording of principle 7 that the members reject.
    history.on(105, 10);
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
    // The three ballots open together for a week; the members vote over the following days and
    // the ballots close at their closing time.
    const closesAt = history.day(93, 17);
    const ballots: { id: string; closesAt: Date }[] = [];
    for (const [k, [amendment]] of votes.entries()) {
      history.on(100, 10, 5 * k);
      ballots.push({ id: (await this.draftingBallots.openAmendmentBallot(chair, amendment.id, { closesAt: closesAt.toISOString() })).ballotId!, closesAt });
    }
    for (const [j, organisation] of voters.entries()) {
      history.on(99 - Math.floor(j / 2), 9, 10 * j);
      for (const [k, [, exceptions]] of votes.entries()) await this.votes.cast(d(organisation), ballots[k].id, { choice: exceptions[organisation] ?? 'yes' });
    }
    await closeAtClosingTimes(history, this.ballots, ballots, 'document');
    history.on(80, 10);
    // A competing proposal on principle 8, proposed against version 1, still open.
    await this.amendments.propose(d('Google'), v1.id, {
      kind: 'replace',
      baseVersion: 1,
      targetClauseId: clause(v1, '8.').id,
      text: 'Take steps to prevent non-State actors, including the private sector, from hacking-back, for their own purposes or those of other non-State actors, except where a State has authorised and supervises it.',
      rationale: 'Some States authorise active defence by companies under supervision; the principle should say so.',
    });
    history.on(60, 11);
    const v2 = await this.documents.consolidate(coChair, v1.id);
    // France updates the French of the amended principle 4 and translates the new principle 8; a co-chair starts a Spanish version.
    await this.languages.translate(people, v1.id, v2.currentVersion, 'fr', history, { daysAgo: 58, hour: 10 }, { complete: true });
    await this.languages.translate(people, v1.id, v2.currentVersion, 'es', history, { daysAgo: 45, hour: 14 });

    // An insertion under an open ballot on version 2, for visitors to vote on.
    history.on(21, 10);
    const rights = await this.amendments.propose(d('Center for Democracy and Technology'), v1.id, {
      kind: 'insert',
      baseVersion: v2.currentVersion,
      afterClauseId: clause(v2, '10.').id,
      clauseKind: 'operative',
      text: 'Respect international human rights law in every measure taken to implement these principles.',
      rationale: 'Security measures have been used to justify surveillance; the text should rule that out.',
    });
    history.on(19, 14);
    await this.amendments.cosponsor(d('United Kingdom'), rights.id);
    // The group meets between the cosponsorship and the open ballot (DemoMeetings).
    if (meanwhile) await meanwhile(v1.id);
    history.on(OPEN_BALLOT_OPENED_DAYS_AGO, 10);
    const closesInFuture = history.day(OPEN_BALLOT_OPENED_DAYS_AGO - OPEN_BALLOT_DAYS, 10).toISOString();
    await this.draftingBallots.openAmendmentBallot(chair, rights.id, { closesAt: closesInFuture });

    this.logger.log(`Demo document loaded: “${text.title}”, version ${v2.currentVersion}`);
    return v1.id;
  }
}
