import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  admissionEffect,
  captureAlarms,
  computeComposition,
  isAffiliationCurrent,
  isoDay,
  mostPrivateSectorAlarms,
  resolveCaps,
  snapshotFromAffiliations,
  termAsOf,
  type AdmissionEffect,
  type AffiliationSnapshot,
  type CaptureAlarm,
  type ChairTerm,
  type ChairTermEndReason,
  type Composition,
  type WorkingGroupMember,
} from '@parley/domain';
import type {
  ChairNominationResponse,
  ChairSummary,
  ChairTermResponse,
  JoinRequestResponse,
  MemberResponse,
  RecordedChairTermEndReason,
  WorkingGroupSummary,
} from '@parley/contracts';
import { PeopleRepository, toAffiliationRecord } from '../identity/people.repository';
import type { ChairNominationRow, ChairTermRow } from './chair-term.repository';
import type { JoinRequestRow, MembershipRow, WorkingGroupRow } from './working-group.repository';

/** A person's affiliation today and, when none is current, the day the last one ended. */
export interface AffiliationNow {
  current: AffiliationSnapshot | null;
  endedOn: string | null;
}

const DOMAIN_END_REASON: Record<RecordedChairTermEndReason, ChairTermEndReason> = {
  resigned: 'resigned',
  'removed-by-ballot': 'removed-by-ballot',
  'term-ended': 'term-completed',
  'left-group': 'left-group',
};

export function toDomainChairTerm(t: ChairTermRow): ChairTerm {
  return {
    id: t.id,
    personId: t.personId,
    snapshot: t.snapshot,
    confirmingBallotId: t.confirmingBallotId,
    startedAt: t.startedAt.toISOString(),
    endsAt: t.endsAt?.toISOString() ?? null,
    endedAt: t.endedAt?.toISOString() ?? null,
    endReason: t.endReason === null ? null : DOMAIN_END_REASON[t.endReason],
  };
}

function isActing(t: ChairTermRow, now: Date): boolean {
  return t.startedAt.getTime() <= now.getTime() && termAsOf(toDomainChairTerm(t), now).endedAt === null;
}

export function toDomainMember(m: MembershipRow, now: AffiliationNow, isChair: boolean): WorkingGroupMember {
  return {
    personId: m.personId,
    name: m.personName,
    kind: m.kind,
    offices: [...(isChair ? (['chair'] as const) : []), ...(m.isRapporteur ? (['rapporteur'] as const) : [])],
    admissionSnapshot: m.admissionSnapshot,
    currentAffiliation: now.current,
    currentAffiliationVerified: now.current?.organisationVerified ?? false,
    affiliationEndedOn: now.endedOn,
    admittedAt: m.admittedAt.toISOString(),
  };
}

const ref = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? id });
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The admission snapshot and today's differ in a way a reader should see (another organisation, title or affiliation). */
export function affiliationChanged(admission: AffiliationSnapshot, current: AffiliationSnapshot | null): boolean {
  if (current === null) return true;
  return admission.affiliationId !== current.affiliationId || admission.organisationId !== current.organisationId || admission.title !== current.title;
}

export function toMemberResponse(m: MembershipRow, now: AffiliationNow, isChair: boolean): MemberResponse {
  return {
    membershipId: m.id,
    person: { id: m.personId, name: m.personName },
    kind: m.kind,
    rapporteur: m.isRapporteur,
    chair: isChair,
    statement: m.statement,
    admittedAt: m.admittedAt.toISOString(),
    admittedBy: ref(m.admittedBy, m.admittedByName),
    admissionSnapshot: m.admissionSnapshot,
    currentSnapshot: now.current,
    affiliationChanged: affiliationChanged(m.admissionSnapshot, now.current),
    leftAt: iso(m.leftAt),
    leftReason: m.leftReason,
    removedBy: ref(m.removedBy, m.removedByName),
  };
}

export function toJoinRequestResponse(r: JoinRequestRow): JoinRequestResponse {
  return {
    id: r.id,
    workingGroupId: r.workingGroupId,
    person: { id: r.personId, name: r.personName },
    kind: r.kind,
    statement: r.statement,
    snapshot: r.snapshot,
    requestedAt: r.requestedAt.toISOString(),
    status: r.status,
    decidedBy: ref(r.decidedBy, r.decidedByName),
    decidedAt: iso(r.decidedAt),
    reason: r.reason,
    membershipId: r.membershipId,
  };
}

export function toChairTermResponse(t: ChairTermRow, now: Date): ChairTermResponse {
  const state = t.endedAt !== null && t.endedAt.getTime() <= now.getTime() ? 'ended' : t.endsAt !== null && t.endsAt.getTime() <= now.getTime() ? 'overdue' : 'acting';
  return {
    id: t.id,
    workingGroup: { id: t.workingGroupId, name: t.workingGroupName },
    person: { id: t.personId, name: t.personName },
    snapshot: t.snapshot,
    confirmed: t.confirmingBallotId !== null,
    confirmingBallot:
      t.confirmingBallotId === null ? null : { id: t.confirmingBallotId, outcome: t.ballotOutcome, closedAt: iso(t.ballotClosedAt), totals: t.ballotTotals },
    nominationId: t.nominationId,
    startedAt: t.startedAt.toISOString(),
    endsAt: iso(t.endsAt),
    endedAt: iso(t.endedAt),
    endReason: t.endReason,
    endNote: t.endNote,
    state,
    removalBallotId: t.removalBallotId,
  };
}

export function toNominationResponse(n: ChairNominationRow): ChairNominationResponse {
  return {
    id: n.id,
    workingGroup: { id: n.workingGroupId, name: n.workingGroupName },
    nominee: { id: n.nomineeId, name: n.nomineeName },
    nomineeSnapshot: n.nomineeSnapshot,
    nominatedBy: { id: n.nominatedBy, name: n.nominatorName },
    nominatorSnapshot: n.nominatorSnapshot,
    statement: n.statement,
    termEndsOn: n.termEndsOn,
    createdAt: n.createdAt.toISOString(),
    status: n.status,
    respondedAt: iso(n.respondedAt),
    responseNote: n.responseNote,
    ballot: n.ballotId === null ? null : { id: n.ballotId, outcome: n.ballotOutcome, closedAt: iso(n.ballotClosedAt), totals: n.ballotTotals },
    chairTermId: n.chairTermId,
    closedAt: iso(n.closedAt),
    closedNote: n.closedNote,
    withdrawnBy: ref(n.withdrawnBy, n.withdrawnByName),
  };
}

/** One group's picture at `now`: members in domain form, composition and its own alarms. */
export interface GroupPicture {
  group: WorkingGroupRow;
  memberships: MembershipRow[];
  terms: ChairTermRow[];
  affiliations: Map<string, AffiliationNow>;
  members: WorkingGroupMember[];
  actingChairIds: Set<string>;
  composition: Composition;
  alarms: CaptureAlarm[];
}

/** Builds what the group list and group page show, from the rows of the repositories and the people's affiliations. */
@Injectable()
export class WorkingGroupViews {
  constructor(private readonly people: PeopleRepository) {}

  /** Each person's affiliation today (one query for all of them). */
  async affiliationsNow(manager: EntityManager | undefined, personIds: string[], now: Date): Promise<Map<string, AffiliationNow>> {
    const unique = [...new Set(personIds)];
    const byPerson = new Map<string, ReturnType<typeof toAffiliationRecord>[]>();
    for (const a of await this.people.affiliationsOfMany(unique, manager)) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), toAffiliationRecord(a)]);
    const today = isoDay(now);
    const result = new Map<string, AffiliationNow>();
    for (const id of unique) {
      const records = byPerson.get(id) ?? [];
      const current = snapshotFromAffiliations(records, today);
      const ended = records.filter((r) => !isAffiliationCurrent(r, today) && r.endDate !== null && r.endDate <= today).map((r) => r.endDate as string);
      result.set(id, { current, endedOn: current === null && ended.length > 0 ? ended.sort().at(-1)! : null });
    }
    return result;
  }

  picture(group: WorkingGroupRow, memberships: MembershipRow[], terms: ChairTermRow[], affiliations: Map<string, AffiliationNow>, now: Date): GroupPicture {
    const actingChairIds = new Set(terms.filter((t) => isActing(t, now)).map((t) => t.personId));
    const members = memberships.map((m) => toDomainMember(m, affiliations.get(m.personId) ?? { current: null, endedOn: null }, actingChairIds.has(m.personId)));
    const caps = resolveCaps({ maxStakeholderGroupShare: group.maxStakeholderGroupShare, maxVotingMembersPerOrganisation: group.maxVotingMembersPerOrganisation });
    const domainTerms = terms.map(toDomainChairTerm);
    const started = domainTerms.filter((t) => Date.parse(t.startedAt) <= now.getTime()).map((t) => termAsOf(t, now));
    return {
      group,
      memberships,
      terms,
      affiliations,
      members,
      actingChairIds,
      composition: computeComposition(members, started, caps),
      alarms: captureAlarms({ members, chairTerms: domainTerms, caps }, now),
    };
  }

  /**
   * What admitting a pending request would do to the group, by the alarms the group page shows:
   * the person counted as admission would record them (their affiliation today), admitted now.
   */
  admissionEffect(p: GroupPicture, r: JoinRequestRow, now: AffiliationNow, at: Date): AdmissionEffect {
    const snapshot = now.current ?? r.snapshot;
    const candidate: WorkingGroupMember = {
      personId: r.personId,
      name: r.personName,
      kind: r.kind,
      offices: [],
      admissionSnapshot: snapshot,
      currentAffiliation: now.current,
      currentAffiliationVerified: snapshot.organisationVerified,
      affiliationEndedOn: now.endedOn,
      admittedAt: at.toISOString(),
    };
    return admissionEffect({ members: p.members, chairTerms: p.terms.map(toDomainChairTerm), caps: p.composition.caps }, candidate, at);
  }

  /** The cross-group alarm: which group(s) have the most private-sector voting members. Closed groups are not compared. */
  crossGroupAlarms(pictures: GroupPicture[]): CaptureAlarm[] {
    return mostPrivateSectorAlarms(
      pictures.filter((p) => p.group.status !== 'closed').map((p) => ({ workingGroupId: p.group.id, workingGroupName: p.group.name, composition: p.composition })),
    );
  }

  summary(p: GroupPicture, crossGroup: CaptureAlarm[], pendingRequests: number, now: Date): WorkingGroupSummary {
    const mine = crossGroup.filter((a) => a.code === 'most-private-sector-members' && a.params.workingGroupId === p.group.id);
    const chairs: ChairSummary[] = p.terms
      .filter((t) => isActing(t, now))
      .map((t) => ({
        termId: t.id,
        person: { id: t.personId, name: t.personName },
        snapshot: t.snapshot,
        confirmed: t.confirmingBallotId !== null,
        startedAt: t.startedAt.toISOString(),
        endsAt: iso(t.endsAt),
      }));
    return {
      id: p.group.id,
      name: p.group.name,
      mandate: p.group.mandate,
      status: p.group.status,
      joinPolicy: p.group.joinPolicy,
      requiresConfirmedAffiliations: p.group.requiresConfirmedAffiliations,
      createdAt: p.group.createdAt.toISOString(),
      convener: { id: p.group.convenerId, name: p.group.convenerName, snapshot: p.group.convenerSnapshot },
      counts: {
        members: p.memberships.filter((m) => m.kind === 'member').length,
        observers: p.memberships.filter((m) => m.kind === 'observer').length,
        pendingRequests,
      },
      composition: p.composition,
      chairs,
      alarms: [...p.alarms, ...mine],
    };
  }
}
