import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  isAffiliationCurrent,
  isoDay,
  snapshotFromAffiliations,
  STAKEHOLDER_GROUPS,
  SUBTYPES_BY_GROUP,
  workingGroupScope,
  type AffiliationSnapshot,
} from '@parley/domain';
import {
  refusal,
  signatoryHeadlineParts,
  type EndorseRequest,
  type EndorsementResponse,
  type HomeEndorsement,
  type SignatoriesResponse,
  type SignatoryCounts,
  type WithdrawEndorsementRequest,
} from '@parley/contracts';
import { AuditedTransaction } from '../audit/audited-transaction';
import { DocumentReads } from '../drafting/document-reads.service';
import type { Actor } from '../identity/actor';
import { PeopleRepository, toAffiliationRecord } from '../identity/people.repository';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { Clock } from '../platform/clock/clock';
import { authorise, notFound, stated } from '../platform/http/problem';
import { canEndorse, canWithdrawEndorsement } from './endorsement.policy';
import { EndorsementRepository, type EndorsementRow } from './endorsement.repository';


const ENGLISH: Record<ReturnType<typeof signatoryHeadlineParts>[number]['category'], [string, string]> = {
  states: ['state', 'states'],
  localGovernments: ['local government', 'local governments'],
  intergovernmental: ['intergovernmental organisation', 'intergovernmental organisations'],
  companies: ['company', 'companies'],
  businessAssociations: ['business association', 'business associations'],
  civilSociety: ['civil-society organisation', 'civil-society organisations'],
};

/** "12 states, 3 local governments, 40 companies and 25 civil-society organisations". */
export function englishHeadline(counts: SignatoryCounts): string {
  const parts = signatoryHeadlineParts(counts).map(({ category, count }) => `${count} ${ENGLISH[category][count === 1 ? 0 : 1]}`);
  if (parts.length === 0) return 'No organisation has endorsed this text yet';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function countSignatories(active: Pick<EndorsementRow, 'endorserSnapshot'>[]): SignatoryCounts {
  return {
    total: active.length,
    byStakeholderGroup: STAKEHOLDER_GROUPS.map((g) => {
      const inGroup = active.filter((e) => e.endorserSnapshot.stakeholderGroup === g);
      return {
        stakeholderGroup: g,
        count: inGroup.length,
        bySubtype: SUBTYPES_BY_GROUP[g].map((subtype) => ({ subtype, count: inGroup.filter((e) => e.endorserSnapshot.subtype === subtype).length })),
      };
    }),
  };
}

/**
 * Endorsements of adopted versions: an organisation endorses through a person currently affiliated
 * to it; one active endorsement per organisation and version; withdrawal is recorded, never a
 * deletion. Each act is audited on the working group's chain with the endorser's affiliation to
 * the organisation they act for.
 */
@Injectable()
export class EndorsementService {
  constructor(
    private readonly endorsements: EndorsementRepository,
    private readonly documents: DocumentReads,
    private readonly people: PeopleRepository,
    private readonly organisations: OrganisationRepository,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async endorse(actor: Actor, documentId: string, n: number, input: EndorseRequest): Promise<EndorsementResponse> {
    const version = await this.documents.version(actor, documentId, n);
    const id = await this.tx.run(async (tx) => {
      const organisation = await this.organisations.findById(input.organisationId, tx.manager);
      if (!organisation) throw notFound('organisation');
      const affiliation = await this.affiliationTo(tx.manager, actor.id, organisation.id, tx.now);
      await this.endorsements.lockOrganisationVersion(tx.manager, documentId, n, organisation.id);
      const existing = await this.endorsements.activeFor(tx.manager, documentId, n, organisation.id);
      const verdict = canEndorse({
        version: n,
        adopted: version.adoptedAt !== null,
        organisationName: organisation.name,
        affiliation,
        existing: existing ? { endorserName: existing.endorserName, endorsedAt: existing.endorsedAt } : null,
      });
      authorise(verdict);
      const snapshot = affiliation!;
      const endorsementId = await this.endorsements.insert(tx.manager, {
        workingGroupId: version.workingGroupId,
        documentId,
        versionNumber: n,
        organisationId: organisation.id,
        endorsedBy: actor.id,
        snapshot,
        at: tx.now,
      });
      await tx.record({
        scope: workingGroupScope(version.workingGroupId),
        actor: { id: actor.id, name: actor.name, snapshot },
        action: 'endorsement.made',
        subjectType: 'endorsement',
        subjectId: endorsementId,
        change: {
          documentId,
          version: n,
          organisationId: organisation.id,
          organisationName: snapshot.organisationName,
          stakeholderGroup: snapshot.stakeholderGroup,
          subtype: snapshot.subtype,
          adoptedAt: version.adoptedAt,
        },
      });
      return endorsementId;
    });
    return this.one(id, actor);
  }

  /** Withdraws an endorsement of this document's version `n` (the ids in the path must agree: 404 otherwise). */
  async withdraw(actor: Actor, documentId: string, n: number, endorsementId: string, input: WithdrawEndorsementRequest): Promise<EndorsementResponse> {
    await this.tx.run(async (tx) => {
      const e = await this.endorsements.lock(tx.manager, endorsementId);
      if (!e || e.documentId !== documentId || e.versionNumber !== n) throw notFound('endorsement');
      const affiliation = await this.affiliationTo(tx.manager, actor.id, e.organisationId, tx.now);
      authorise(canWithdrawEndorsement({ organisationName: e.endorserSnapshot.organisationName, affiliation, withdrawnAt: e.withdrawnAt }));
      const reason = input.reason?.trim() || null;
      await this.endorsements.withdraw(tx.manager, e.id, { by: actor.id, snapshot: affiliation!, at: tx.now, reason });
      await tx.record({
        scope: workingGroupScope(e.workingGroupId),
        actor: { id: actor.id, name: actor.name, snapshot: affiliation },
        action: 'endorsement.withdrawn',
        subjectType: 'endorsement',
        subjectId: e.id,
        change: {
          documentId: e.documentId,
          version: e.versionNumber,
          organisationId: e.organisationId,
          organisationName: e.endorserSnapshot.organisationName,
          endorsedAt: e.endorsedAt.toISOString(),
          reason,
        },
      });
    });
    return this.one(endorsementId, actor);
  }

  /** The signatory list of a version: counts by stakeholder group and sub-type, the endorsements, the withdrawn ones, and what the viewer may do. */
  async signatories(documentId: string, n: number, viewer: Actor | null): Promise<SignatoriesResponse> {
    const doc = await this.documents.get(null, documentId, n);
    const rows = await this.endorsements.ofVersion(documentId, n);
    const now = this.clock.now();
    const mine = viewer ? await this.currentAffiliations(viewer.id, now) : [];
    const mineIds = new Set(mine.map((a) => a.organisationId));
    const active = rows.filter((r) => r.withdrawnAt === null);
    const counts = countSignatories(active);
    const endorsed = new Set(active.map((r) => r.organisationId));
    const adopted = doc.version.adoptedAt !== null;
    const open = mine.filter((a) => !endorsed.has(a.organisationId));
    const can: SignatoriesResponse['can'] = {
      endorse: stated(
        !viewer
          ? refusal('sign-in-to-endorse')
          : !adopted
            ? refusal('endorse-needs-adoption', { version: n })
            : mine.length === 0
              ? refusal('needs-affiliation-to-endorse')
              : open.length === 0
                ? refusal('all-organisations-endorsed')
                : true,
      ),
      organisations: adopted
        ? open.map((a) => ({ id: a.organisationId, name: a.organisationName, stakeholderGroup: a.stakeholderGroup, subtype: a.subtype }))
        : [],
    };
    return {
      documentId,
      title: doc.title,
      workingGroupId: doc.workingGroupId,
      version: n,
      adoptedAt: doc.version.adoptedAt,
      counts,
      headline: englishHeadline(counts),
      signatories: active.map((r) => toResponse(r, mineIds)),
      withdrawn: rows.filter((r) => r.withdrawnAt !== null).map((r) => toResponse(r, mineIds)),
      can,
    };
  }

  /** The latest endorsements still standing, newest first, each naming its text. */
  async recent(limit: number): Promise<HomeEndorsement[]> {
    const rows = await this.endorsements.latestActive(limit);
    const titles = await this.documents.titlesOf(rows.map((r) => r.documentId));
    return rows.map((r) => {
      const { organisation, endorsedBy, endorsedAt } = toResponse(r, new Set());
      return {
        id: r.id,
        documentId: r.documentId,
        documentTitle: titles.get(r.documentId) ?? '',
        version: r.versionNumber,
        workingGroupId: r.workingGroupId,
        organisation: { id: organisation.id, name: organisation.name, stakeholderGroup: organisation.stakeholderGroup, subtype: organisation.subtype, verified: organisation.verified },
        endorsedBy: { id: endorsedBy.id, name: endorsedBy.name },
        endorsedAt,
      };
    });
  }

  /** How many organisations endorse each of these versions now, by `documentId:version`. */
  signatoryCounts(versions: { documentId: string; version: number }[]): Promise<Map<string, number>> {
    return this.endorsements.activeCounts(versions);
  }

  private async one(id: string, viewer: Actor | null): Promise<EndorsementResponse> {
    const row = (await this.endorsements.findRow(id))!;
    const mine = viewer ? new Set((await this.currentAffiliations(viewer.id, this.clock.now())).map((a) => a.organisationId)) : new Set<string>();
    return toResponse(row, mine);
  }

  /** The person's current affiliation to one organisation, as a snapshot (the one they act under for it). */
  private async affiliationTo(manager: EntityManager, personId: string, organisationId: string, now: Date): Promise<AffiliationSnapshot | null> {
    const all = (await this.people.affiliationsOf(personId, manager)).filter((a) => a.organisation.id === organisationId).map(toAffiliationRecord);
    // The one the organisation confirmed speaks for it, if there is one, before a later declaration still awaiting its word.
    const confirmed = all.filter((a) => a.confirmationStatus === 'confirmed');
    return snapshotFromAffiliations(confirmed, isoDay(now)) ?? snapshotFromAffiliations(all, isoDay(now));
  }

  private async currentAffiliations(personId: string, now: Date): Promise<AffiliationSnapshot[]> {
    const all = (await this.people.affiliationsOf(personId, this.dataSource.manager))
      .map(toAffiliationRecord)
      .filter((a) => isAffiliationCurrent(a, isoDay(now)));
    const byOrganisation = new Map<string, AffiliationSnapshot>();
    for (const a of all) {
      const s = snapshotFromAffiliations(
        all.filter((x) => x.organisation.id === a.organisation.id),
        isoDay(now),
      );
      if (s) byOrganisation.set(a.organisation.id, s);
    }
    return [...byOrganisation.values()];
  }
}

function toResponse(r: EndorsementRow, viewerOrganisations: Set<string>): EndorsementResponse {
  const s = r.endorserSnapshot;
  return {
    id: r.id,
    documentId: r.documentId,
    version: r.versionNumber,
    workingGroupId: r.workingGroupId,
    organisation: {
      id: r.organisationId,
      name: s.organisationName,
      stakeholderGroup: s.stakeholderGroup,
      subtype: s.subtype,
      country: s.country,
      verified: s.organisationVerified,
    },
    endorsedBy: { id: r.endorsedBy, name: r.endorserName, snapshot: s },
    endorsedAt: new Date(r.endorsedAt).toISOString(),
    withdrawnAt: r.withdrawnAt ? new Date(r.withdrawnAt).toISOString() : null,
    withdrawnBy: r.withdrawnBy && r.withdrawerSnapshot ? { id: r.withdrawnBy, name: r.withdrawerName ?? '', snapshot: r.withdrawerSnapshot } : null,
    withdrawalReason: r.withdrawalReason,
    canWithdraw: r.withdrawnAt === null && viewerOrganisations.has(r.organisationId),
  };
}
