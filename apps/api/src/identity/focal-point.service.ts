import { Injectable } from '@nestjs/common';
import { appointmentVerdict, endAppointmentVerdict, isoDay, PLATFORM_SCOPE, snapshotFromAffiliations } from '@parley/domain';
import type { AppointFocalPointRequest, EndFocalPointRequest, FocalPointResponse, MyFocalPointsResponse, OrganisationRosterResponse } from '@parley/contracts';
import { AuditedTransaction } from '../audit/audited-transaction';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { Clock } from '../platform/clock/clock';
import { notFound, validationProblem } from '../platform/http/problem';
import type { Actor } from './actor';
import { AffiliationConfirmationService, confirmationProblem } from './affiliation-confirmation.service';
import { FocalPointRepository, type FocalPointRow } from './focal-point.repository';
import { PeopleRepository, toAffiliationRecord } from './people.repository';
import { PeopleService } from './people.service';

/**
 * Focal points: who answers for an organisation's roster. A steward appoints the first, focal points
 * the others; the appointment confirms the appointee's affiliation (the appointer vouches for it).
 * Appointments end, once; they are never deleted. Rules in libs/domain (appointmentVerdict, endAppointmentVerdict).
 */
@Injectable()
export class FocalPointService {
  constructor(
    private readonly focalPoints: FocalPointRepository,
    private readonly organisations: OrganisationRepository,
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly confirmations: AffiliationConfirmationService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  appoint(actor: Actor, organisationId: string, input: AppointFocalPointRequest): Promise<FocalPointResponse> {
    return this.tx.run(async (tx) => {
      const organisation = await this.organisations.findById(organisationId, tx.manager);
      if (!organisation) throw notFound('organisation');
      await this.focalPoints.lockOrganisation(tx.manager, organisationId);
      const appointee = await this.people.findById(input.personId, tx.manager);
      if (!appointee) throw validationProblem('personId', 'no-such-person');
      const today = isoDay(tx.now);
      const affiliation = await this.focalPoints.currentAffiliationTo(tx.manager, appointee.id, organisationId, today);
      const reason = input.reason?.trim() || null;
      const verdict = appointmentVerdict({
        actorId: actor.id,
        actorIsSteward: actor.isSteward,
        actorTwoFactorOverdue: actor.twoFactor?.overdue,
        actorIsFocalPoint: await this.focalPoints.isActing(tx.manager, organisationId, actor.id, today),
        organisationHasFocalPoints: await this.focalPoints.hasOpenAppointments(tx.manager, organisationId),
        organisationName: organisation.name,
        reason,
        appointee: {
          personId: appointee.id,
          affiliation,
          alreadyFocalPoint: (await this.focalPoints.openAppointments(tx.manager, organisationId)).some((f) => f.personId === appointee.id),
        },
      });
      if (!('as' in verdict)) throw confirmationProblem(verdict);
      const id = await this.focalPoints.insert(tx.manager, { organisationId, personId: appointee.id, appointedBy: actor.id, appointedAs: verdict.as, appointedAt: tx.now, reason });
      await tx.record({
        scope: PLATFORM_SCOPE,
        actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now),
        action: 'focal-point.appointed',
        subjectType: 'focal-point',
        subjectId: id,
        change: { organisationId, organisationName: organisation.name, personId: appointee.id, name: appointee.name, as: verdict.as, reason },
      });
      if (affiliation!.status === 'pending') {
        const a = { id: affiliation!.id, personId: appointee.id, personName: appointee.name, organisationId, organisationName: organisation.name };
        await this.confirmations.recordConfirmation(tx, actor.id, a, verdict.as, reason, 'appointment');
      }
      return toFocalPointResponse((await this.focalPoints.find(tx.manager, id))!);
    });
  }

  end(actor: Actor, organisationId: string, focalPointId: string, input: EndFocalPointRequest): Promise<FocalPointResponse> {
    return this.tx.run(async (tx) => {
      await this.focalPoints.lockOrganisation(tx.manager, organisationId);
      const f = await this.focalPoints.find(tx.manager, focalPointId);
      // An appointment of another organisation is not found under this one's URL.
      if (!f || f.organisationId !== organisationId) throw notFound('focal-point-appointment');
      const organisation = (await this.organisations.findById(organisationId, tx.manager))!;
      const reason = input.reason?.trim() || null;
      const verdict = endAppointmentVerdict({
        actorId: actor.id,
        actorIsSteward: actor.isSteward,
        actorTwoFactorOverdue: actor.twoFactor?.overdue,
        actorIsFocalPoint: await this.focalPoints.isActing(tx.manager, organisationId, actor.id, isoDay(tx.now)),
        focalPointId: f.personId,
        organisationName: organisation.name,
        ended: f.endedAt !== null,
        reason,
      });
      if (!('as' in verdict)) throw confirmationProblem(verdict);
      await this.focalPoints.end(tx.manager, f.id, { by: actor.id, as: verdict.as, at: tx.now, reason });
      await tx.record({
        scope: PLATFORM_SCOPE,
        actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now),
        action: 'focal-point.appointment-ended',
        subjectType: 'focal-point',
        subjectId: f.id,
        change: { organisationId, organisationName: organisation.name, personId: f.personId, name: f.personName, as: verdict.as, reason },
      });
      return toFocalPointResponse((await this.focalPoints.find(tx.manager, f.id))!);
    });
  }

  /** An organisation's focal points and confirmed delegates (public), with what the viewer may do. */
  async roster(organisationId: string, viewer: Actor | null): Promise<OrganisationRosterResponse> {
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation) throw notFound('organisation');
    const today = isoDay(this.clock.now());
    const focalPoints = await this.focalPoints.openAppointments(undefined, organisationId);
    const confirmed = await this.focalPoints.confirmedPeople(organisationId, today);
    const affiliations = await this.people.affiliationsOfMany(confirmed.map((c) => c.personId));
    const confirmedDelegates = confirmed.flatMap(({ personId, name }) => {
      // The snapshot an act for this organisation would record: their confirmed affiliation to it.
      const own = affiliations.filter((a) => a.personId === personId && a.organisationId === organisationId && a.confirmationStatus === 'confirmed');
      const snapshot = snapshotFromAffiliations(own.map(toAffiliationRecord), today);
      return snapshot ? [{ person: { id: personId, name }, title: snapshot.title, snapshot }] : [];
    });
    const viewerIsFocalPoint = viewer ? await this.focalPoints.isActing(undefined, organisationId, viewer.id, today) : false;
    return {
      organisationId,
      focalPoints: focalPoints.map(toFocalPointResponse),
      confirmedDelegates,
      pendingCount: await this.focalPoints.pendingCount(organisationId, today),
      allowed: {
        appointFocalPoint: viewerIsFocalPoint || (!!viewer?.isSteward && focalPoints.length === 0),
        decideAffiliations: viewerIsFocalPoint || !!viewer?.isSteward,
      },
    };
  }

  async mine(actor: Actor): Promise<MyFocalPointsResponse> {
    return { organisations: await this.focalPoints.actingFor(undefined, actor.id, isoDay(this.clock.now())) };
  }
}

export const toFocalPointResponse = (f: FocalPointRow): FocalPointResponse => ({
  id: f.id,
  organisationId: f.organisationId,
  person: { id: f.personId, name: f.personName },
  title: f.title,
  appointedBy: { id: f.appointedBy, name: f.appointedByName },
  appointedAs: f.appointedAs,
  appointedAt: new Date(f.appointedAt).toISOString(),
  appointmentReason: f.appointmentReason,
  endedAt: f.endedAt ? new Date(f.endedAt).toISOString() : null,
  endedBy: f.endedBy ? { id: f.endedBy, name: f.endedByName ?? '' } : null,
  endReason: f.endReason,
});
