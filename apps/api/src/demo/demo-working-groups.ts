import { Injectable, Logger } from '@nestjs/common';
import { BallotService } from '../decisions/ballot.service';
import { VoteService } from '../decisions/vote.service';
import type { Actor } from '../identity/actor';
import { ChairNominationService } from '../working-groups/chairs/chair-nomination.service';
import { ChairHistoryService } from '../working-groups/chair-history.service';
import { MembershipService } from '../working-groups/membership.service';
import { WorkingGroupService } from '../working-groups/working-group.service';
import type { DemoPeople } from './demo-seeder';
import { loadWorkingGroups, type FixtureWorkingGroup } from './fixtures';

/** How long the demo's confirmation ballots stay open: long enough to vote, short enough to wait for at start-up. */

/**
 * The demo's working groups (fixtures/paris-call/working-groups.json), loaded through the same use
 * cases as real use: the first listed member convenes the group and admits the others; chairs are
 * members holding chair terms. Chairs the fixture says nobody confirmed are imported as terms with
 * no confirming ballot (the alarm fires); chairs it says were confirmed go through a real
 * nomination, acceptance and chair-confirmation ballot in which every voting member votes yes.
 */
@Injectable()
export class DemoWorkingGroups {
  private readonly logger = new Logger(DemoWorkingGroups.name);

  constructor(
    private readonly groups: WorkingGroupService,
    private readonly membership: MembershipService,
    private readonly history: ChairHistoryService,
    private readonly chairs: ChairNominationService,
    private readonly ballots: BallotService,
    private readonly votes: VoteService,
  ) {}

  /** Returns each group's id by its fixture name. */
  async seed(people: DemoPeople): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const fixture of loadWorkingGroups()) ids.set(fixture.name, await this.seedGroup(fixture, people));
    this.logger.log(`Demo working groups loaded: ${ids.size}`);
    return ids;
  }

  private async seedGroup(fixture: FixtureWorkingGroup, people: DemoPeople): Promise<string> {
    const delegate = (organisation: string): Actor => {
      const d = people.delegates.get(organisation);
      if (!d) throw new Error(`demo working group ${fixture.name}: no delegate for ${organisation}`);
      return d;
    };
    const [first, ...others] = fixture.members;
    const convener = delegate(first);
    const group = await this.groups.create(convener, { name: fixture.name, mandate: fixture.mandate, joinPolicy: 'approval', quorum: 0.5, quorumPerStakeholderGroup: false });

    // Chairs sit as members too; every member asks to join with a statement and the convener admits them.
    const joining = [...new Set([...others, ...fixture.chairs])].filter((o) => o !== first);
    for (const organisation of joining) {
      const person = delegate(organisation);
      const request = await this.membership.requestToJoin(person, group.id, { kind: 'member', statement: `${organisation} takes part in the work of this group.` });
      await this.membership.decide(convener, group.id, request.id, { decision: 'admit' });
    }

    if (!fixture.chairsConfirmedByBallot) {
      for (const organisation of fixture.chairs) await this.history.importUnconfirmedTerm(group.id, delegate(organisation).id, 'fixtures/paris-call/working-groups.json');
      return group.id;
    }

    // Confirmed chairs: nominated by the convener, accepted, and confirmed by every voting member.
    const voters = [first, ...joining].map(delegate);
    const ballotIds: string[] = [];
    for (const organisation of fixture.chairs) {
      const nominee = delegate(organisation);
      const nomination = await this.chairs.nominate(convener, group.id, { nomineeId: nominee.id, statement: `Nominated to co-chair ${fixture.name}.` });
      const accepted = await this.chairs.accept(nominee, nomination.id, {});
      ballotIds.push(accepted.ballot!.id);
    }
    for (const ballotId of ballotIds) for (const voter of voters) await this.votes.cast(voter, ballotId, { choice: 'yes' });
    // Closed at once by the loader (named as the closer in the audit log) rather than by racing a
    // short closing time, which a busy machine loses.
    for (const ballotId of ballotIds) await this.ballots.closeByOperator(ballotId, 'demo loader');
    const confirmed = (await this.chairs.list(group.id)).filter((n) => n.status === 'confirmed').length;
    if (confirmed !== fixture.chairs.length) throw new Error(`demo working group ${fixture.name}: ${confirmed} of ${fixture.chairs.length} chairs confirmed`);
    return group.id;
  }
}
