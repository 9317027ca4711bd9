import { Injectable, Logger } from '@nestjs/common';
import { BallotService } from '../decisions/ballot.service';
import { VoteService } from '../decisions/vote.service';
import { DocumentService } from '../drafting/document.service';
import { DraftingBallots } from '../drafting/drafting-ballots.service';
import { EndorsementService } from '../endorsements/endorsement.service';
import type { Actor } from '../identity/actor';
import { closeAtClosingTimes } from './demo-ballots';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';
import { loadDocument, type FixtureWorkingGroup } from './fixtures';

/** Organisations that endorse the adopted text in the days after its adoption, one a day. */
const EARLY_ENDORSERS = ['Cigref', 'France', 'Airbus', 'Access Now', 'Siemens'];
/** And the day before the demo was loaded (so the latest endorsements are recent). */
const RECENT_ENDORSERS = ['Microsoft', 'Internet Society'];

/**
 * A group's adopted text (the fixture's `adoptedText`: the processes group's working methods),
 * through the same use cases as real use: a chair drafts it, puts it to a week-long adoption
 * ballot every voting member votes yes on over the following days, it is adopted at the ballot's
 * closing time, and organisations endorse it over the next days — two more the day before the
 * demo was loaded. Dated from `day` (days before loading), within the group's four weeks.
 */
@Injectable()
export class DemoAdoption {
  private readonly logger = new Logger(DemoAdoption.name);

  constructor(
    private readonly documents: DocumentService,
    private readonly draftingBallots: DraftingBallots,
    private readonly ballots: BallotService,
    private readonly votes: VoteService,
    private readonly endorsements: EndorsementService,
  ) {}

  /** Returns the adopted document's id, or null when the fixture has no adopted text. */
  async adopt(fixture: FixtureWorkingGroup, groupId: string, chair: Actor, voters: Actor[], people: DemoPeople, history: DemoHistory, day: number): Promise<string | null> {
    if (!fixture.adoptedText) return null;
    const text = loadDocument(fixture.adoptedText);
    history.on(day, 10);
    const doc = await this.documents.create(chair, groupId, { title: text.title, clauses: text.clauses });
    history.on(day - 2, 10);
    const closesAt = history.day(day - 9, 17);
    const { ballotId } = await this.draftingBallots.openAdoptionBallot(chair, doc.id, 1, { closesAt: closesAt.toISOString(), confirmUnanswered: false, acknowledgedWarnings: [] });
    for (const [j, voter] of voters.entries()) {
      history.on(day - 3 - Math.floor(j / 2), 9, 10 * j);
      await this.votes.cast(voter, ballotId, { choice: 'yes' });
    }
    await closeAtClosingTimes(history, this.ballots, [{ id: ballotId, closesAt }], `adopted text of ${fixture.name}`);
    for (const [k, organisation] of EARLY_ENDORSERS.entries()) {
      history.on(day - 10 - k, 11);
      await this.endorse(people, doc.id, organisation);
    }
    this.logger.log(`Demo adopted text loaded: “${text.title}”`);
    return doc.id;
  }

  /** The endorsements of the day before the demo was loaded (after everything else in its history). */
  async endorseRecently(people: DemoPeople, documentIds: string[], history: DemoHistory): Promise<void> {
    for (const documentId of documentIds)
      for (const [k, organisation] of RECENT_ENDORSERS.entries()) {
        history.on(1, 9 + 5 * k, 30);
        await this.endorse(people, documentId, organisation);
      }
  }

  private async endorse(people: DemoPeople, documentId: string, organisation: string): Promise<void> {
    const delegate = people.delegates.get(organisation);
    const organisationId = people.organisationIds.get(organisation);
    if (!delegate || !organisationId) throw new Error(`demo adopted text: no delegate for ${organisation}`);
    await this.endorsements.endorse(delegate, documentId, 1, { organisationId });
  }
}
