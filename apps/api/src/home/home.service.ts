import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { AlarmSeverity, CaptureAlarm } from '@parley/domain';
import {
  HOME_LIMITS,
  type BallotSummary,
  type Bounded,
  type HomeBallot,
  type HomeWorkingGroup,
  type HomeMine,
  type HomeResponse,
  type WorkingGroupListResponse,
  type WorkingGroupSummary,
} from '@parley/contracts';
import { AuditEventBus } from '../audit/audit-event-bus';
import { AuditLogService } from '../audit/audit-log.service';
import { BallotReads } from '../decisions/ballot-reads.service';
import { CommentService } from '../drafting/comment.service';
import { DocumentReads } from '../drafting/document-reads.service';
import { EndorsementService } from '../endorsements/endorsement.service';
import type { Actor } from '../identity/actor';
import { MembershipService } from '../working-groups/membership.service';
import { WorkingGroupService } from '../working-groups/working-group.service';

/** How long this instance reuses the group list when nothing was committed here meanwhile (acts on other instances, and alarms that come due with time, show within it). */
export const GROUP_LIST_TTL_MS = 10_000;

const WEIGHT: Record<AlarmSeverity, number> = { critical: 100, warning: 10, info: 1 };
const alarmWeight = (alarms: CaptureAlarm[]) => alarms.reduce((n, a) => n + WEIGHT[a.severity], 0);

/** Active groups, the most alarming first (then by name), each cut to what the front door shows (HomeWorkingGroup). */
export function frontDoorGroups(items: WorkingGroupSummary[], limit: number): Bounded<HomeWorkingGroup> {
  const active = items.filter((g) => g.status === 'active');
  const sorted = [...active].sort((a, b) => alarmWeight(b.alarms) - alarmWeight(a.alarms) || a.name.localeCompare(b.name, 'en'));
  return {
    items: sorted.slice(0, limit).map(({ mandate: _mandate, composition, ...g }) => ({
      ...g,
      composition: {
        votingMembers: { total: composition.votingMembers.total, byStakeholderGroup: composition.votingMembers.byStakeholderGroup },
        caps: composition.caps,
      },
    })),
    total: active.length,
  };
}

/**
 * The front door in one round trip, built from what each context already serves to the public (the
 * group list with its alarms, ballot summaries, the public audit log with its withholding rules),
 * plus, for a signed-in person, what waits on them under the same policies that would let them act.
 */
@Injectable()
export class HomeService implements OnModuleDestroy {
  /**
   * The group list is the one read of the front door that grows with the platform (every current
   * membership, for composition and the cross-group alarm; decision 20). This instance keeps it for
   * GROUP_LIST_TTL_MS and drops it as soon as any act commits here, so what one does shows at once.
   */
  private groupList: { until: number; value: Promise<WorkingGroupListResponse> } | null = null;
  private readonly invalidation: Subscription;

  constructor(
    private readonly groups: WorkingGroupService,
    private readonly membership: MembershipService,
    private readonly ballots: BallotReads,
    private readonly documents: DocumentReads,
    private readonly comments: CommentService,
    private readonly endorsements: EndorsementService,
    private readonly audit: AuditLogService,
    bus: AuditEventBus,
  ) {
    this.invalidation = bus.committed$.subscribe(() => (this.groupList = null));
  }

  onModuleDestroy(): void {
    this.invalidation.unsubscribe();
  }

  private groupsNow(): Promise<WorkingGroupListResponse> {
    const now = Date.now();
    if (this.groupList === null || this.groupList.until <= now) {
      const value = this.groups.list({});
      const entry = { until: now + GROUP_LIST_TTL_MS, value };
      this.groupList = entry;
      value.catch(() => {
        if (this.groupList === entry) this.groupList = null;
      });
    }
    return this.groupList.value;
  }

  async frontDoor(viewer: Actor | null): Promise<HomeResponse> {
    const [groups, closing, adopted, endorsements, acts, mine] = await Promise.all([
      this.groupsNow(),
      this.ballots.closingSoon(HOME_LIMITS.ballots),
      this.documents.recentlyAdopted(HOME_LIMITS.adoptedTexts),
      this.endorsements.recent(HOME_LIMITS.endorsements),
      this.audit.list({ scope: 'all', order: 'desc', limit: HOME_LIMITS.recentActs }),
      viewer ? this.mine(viewer) : Promise.resolve(null),
    ]);
    const names = new Map(groups.items.map((g) => [g.id, g.name]));
    const counts = await this.endorsements.signatoryCounts(adopted);
    return {
      workingGroups: frontDoorGroups(groups.items, HOME_LIMITS.workingGroups),
      ballotsClosingSoon: { items: closing.items.map((b) => withGroup(b, names)), total: closing.total },
      adoptedTexts: adopted.map((a) => ({
        documentId: a.documentId,
        title: a.title,
        version: a.version,
        adoptedAt: a.adoptedAt,
        workingGroup: { id: a.workingGroupId, name: names.get(a.workingGroupId) ?? '' },
        signatories: counts.get(`${a.documentId}:${a.version}`) ?? 0,
      })),
      endorsements,
      recentActs: { items: acts.items, links: acts.links },
      me:
        mine === null ? null : { ...mine, ballotsToVote: { items: mine.ballotsToVote.items.map((b) => withGroup(b, names)), total: mine.ballotsToVote.total } },
    };
  }

  /** What waits on the viewer; ballots named with their group afterwards, from the group list read beside it. */
  private async mine(viewer: Actor): Promise<Omit<HomeMine, 'ballotsToVote'> & { ballotsToVote: Bounded<BallotSummary> }> {
    const [ballotsToVote, commentsToAnswer, requests, groups] = await Promise.all([
      this.ballots.awaitingVoteOf(viewer, HOME_LIMITS.mine),
      this.comments.awaitingAnswerFrom(viewer, HOME_LIMITS.mine),
      this.membership.requestsAwaiting(viewer, HOME_LIMITS.mine),
      this.membership.placesOf(viewer),
    ]);
    return {
      ballotsToVote,
      groups,
      commentsToAnswer,
      joinRequestsToDecide: {
        items: requests.items.map((r) => ({
          id: r.id,
          workingGroup: { id: r.workingGroupId, name: requests.groups.get(r.workingGroupId) ?? '' },
          person: r.person,
          kind: r.kind,
          snapshot: r.snapshot,
          statement: r.statement.slice(0, 280),
          requestedAt: r.requestedAt,
        })),
        total: requests.total,
      },
    };
  }
}

function withGroup(b: BallotSummary, names: Map<string, string>): HomeBallot {
  return { ...b, workingGroup: { id: b.workingGroupId, name: names.get(b.workingGroupId) ?? '' } };
}
