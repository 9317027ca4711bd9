import { Injectable, Logger } from '@nestjs/common';
import { BallotService } from '../decisions/ballot.service';
import { VoteService } from '../decisions/vote.service';
import type { Actor } from '../identity/actor';
import { ChairNominationService, DEFAULT_BALLOT_DAYS } from '../working-groups/chairs/chair-nomination.service';
import { ChairHistoryService } from '../working-groups/chair-history.service';
import { MembershipService } from '../working-groups/membership.service';
import { WorkingGroupService } from '../working-groups/working-group.service';
import { DemoAdoption } from './demo-adoption';
import { closeAtClosingTimes } from './demo-ballots';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';
import { loadWorkingGroups, type FixtureWorkingGroup } from './fixtures';

/** When the first group was convened, in days before the demo was loaded; each next group four weeks later. */
const FIRST_CONVENED_DAYS_AGO = 250;
const DAYS_BETWEEN_GROUPS = 28;

/** The demo's groups: each one's id by its fixture name, and the texts they adopted. */
export interface DemoGroups {
  ids: Map<string, string>;
  adoptedTextIds: string[];
}

/**
 * The demo's working groups (fixtures/paris-call/working-groups.json), loaded through the same use
 * cases as real use: the first listed member convenes the group and admits the others, one a day;
 * chairs are members holding chair terms. Chairs the fixture says nobody confirmed are imported as
 * terms with no confirming ballot (the alarm fires); chairs it says were confirmed go through a real
 * nomination, acceptance and chair-confirmation ballot in which every voting member votes yes over
 * the following days, closed at its closing time. Groups are convened months before the demo is
 * loaded (DemoHistory), four weeks apart. A group whose fixture names an adopted text then adopts
 * it (DemoAdoption).
 */
@Injectable()
export class DemoWorkingGroups {
  private readonly logger = new Logger(DemoWorkingGroups.name);

  constructor(
    private readonly groups: WorkingGroupService,
    private readonly membership: MembershipService,
    private readonly chairHistory: ChairHistoryService,
    private readonly chairs: ChairNominationService,
    private readonly ballots: BallotService,
    private readonly votes: VoteService,
    private readonly adoption: DemoAdoption,
  ) {}

  async seed(people: DemoPeople, history: DemoHistory): Promise<DemoGroups> {
    const groups: DemoGroups = { ids: new Map(), adoptedTextIds: [] };
    for (const [i, fixture] of loadWorkingGroups().entries()) {
      const { id, adoptedTextId } = await this.seedGroup(fixture, people, history, FIRST_CONVENED_DAYS_AGO - i * DAYS_BETWEEN_GROUPS);
      groups.ids.set(fixture.name, id);
      if (adoptedTextId) groups.adoptedTextIds.push(adoptedTextId);
    }
    this.logger.log(`Demo working groups loaded: ${groups.ids.size}`);
    return groups;
  }

  private async seedGroup(fixture: FixtureWorkingGroup, people: DemoPeople, history: DemoHistory, convened: number): Promise<{ id: string; adoptedTextId: string | null }> {
    const delegate = (organisation: string): Actor => {
      const d = people.delegates.get(organisation);
      if (!d) throw new Error(`demo working group ${fixture.name}: no delegate for ${organisation}`);
      return d;
    };
    const [first, ...others] = fixture.members;
    const convener = delegate(first);
    history.on(convened, 10);
    const group = await this.groups.create(convener, { name: fixture.name, mandate: fixture.mandate, joinPolicy: 'approval', quorum: 0.5, quorumPerStakeholderGroup: false });

    // Chairs sit as members too; every member asks to join with a statement and the convener admits them.
    const joining = [...new Set([...others, ...fixture.chairs])].filter((o) => o !== first);
    for (const [k, organisation] of joining.entries()) {
      const person = delegate(organisation);
      history.on(convened - 1 - k, 9, 30);
      const request = await this.membership.requestToJoin(person, group.id, { kind: 'member', statement: `${organisation} takes part in the work of this group.` });
      history.on(convened - 1 - k, 15);
      await this.membership.decide(convener, group.id, request.id, { decision: 'admit' });
    }
    const chairsDay = convened - joining.length - 2;
    const voters = [first, ...joining].map(delegate);
    const chairsInOffice = fixture.chairsConfirmedByBallot ? await this.confirmChairs(fixture, group.id, convener, voters, delegate, history, chairsDay) : await this.importChairs(fixture, group.id, delegate, history, chairsDay);
    const adoptedTextId = await this.adoption.adopt(fixture, group.id, delegate(fixture.chairs[0]), voters, people, history, chairsInOffice - 2);
    return { id: group.id, adoptedTextId };
  }

  /** Chairs nobody confirmed, imported as they were; returns the day they took office. */
  private async importChairs(fixture: FixtureWorkingGroup, groupId: string, delegate: (organisation: string) => Actor, history: DemoHistory, chairsDay: number): Promise<number> {
    for (const [k, organisation] of fixture.chairs.entries()) {
      history.on(chairsDay, 11, 10 * k);
      await this.chairHistory.importUnconfirmedTerm(groupId, delegate(organisation).id, 'fixtures/paris-call/working-groups.json');
    }
    return chairsDay;
  }

  /**
   * Confirmed chairs: nominated by the convener, accepted the next day (a week-long ballot opens),
   * and confirmed by every voting member over the following days; the ballots close at their time.
   * Returns the day they took office.
   */
  private async confirmChairs(fixture: FixtureWorkingGroup, groupId: string, convener: Actor, voters: Actor[], delegate: (organisation: string) => Actor, history: DemoHistory, chairsDay: number): Promise<number> {
    const nominations: { nominee: Actor; id: string }[] = [];
    for (const [k, organisation] of fixture.chairs.entries()) {
      const nominee = delegate(organisation);
      history.on(chairsDay, 10, 10 * k);
      const nomination = await this.chairs.nominate(convener, groupId, { nomineeId: nominee.id, statement: `Nominated to co-chair ${fixture.name}.` });
      nominations.push({ nominee, id: nomination.id });
    }
    const ballots: { id: string; closesAt: Date }[] = [];
    for (const [k, { nominee, id }] of nominations.entries()) {
      history.on(chairsDay - 1, 10, 10 * k);
      const closesAt = history.day(chairsDay - 1 - DEFAULT_BALLOT_DAYS, 10, 10 * k);
      ballots.push({ id: (await this.chairs.accept(nominee, id, {}, { closesAt })).ballot!.id, closesAt });
    }
    for (const [j, voter] of voters.entries()) {
      history.on(chairsDay - 2 - Math.floor(j / 3), 9, 10 * j);
      for (const ballot of ballots) await this.votes.cast(voter, ballot.id, { choice: 'yes' });
    }
    await closeAtClosingTimes(history, this.ballots, ballots, `working group ${fixture.name}`);
    const confirmed = (await this.chairs.list(groupId)).filter((n) => n.status === 'confirmed').length;
    if (confirmed !== fixture.chairs.length) throw new Error(`demo working group ${fixture.name}: ${confirmed} of ${fixture.chairs.length} chairs confirmed`);
    return chairsDay - 1 - DEFAULT_BALLOT_DAYS;
  }
}
