import { Injectable } from '@nestjs/common';
import { confirmationVerdict, isoDay, PLATFORM_SCOPE, type ConfirmationRefusal, type ConfirmerRole } from '@parley/domain';
import type { AffiliationDecisionRequest, AffiliationRequestResponse, AffiliationResponse } from '@parley/contracts';
import { AuditedTransaction, type Tx } from '../audit/audited-transaction';
import { Clock } from '../platform/clock/clock';
import { refusal } from '@parley/contracts';
import { notFound, refuse, refused, validationProblem } from '../platform/http/problem';
import type { Actor } from './actor';
import { FocalPointRepository, type PendingAffiliationRow } from './focal-point.repository';
import { PeopleRepository } from './people.repository';
import { PeopleService, toAffiliationResponse } from './people.service';

/** A domain refusal as problem+json: its catalogue status, or 400 naming the field that is missing. */
export function confirmationProblem(r: ConfirmationRefusal) {
  if (r.code === 'reason-required') return validationProblem(r.field, r.fieldCode);
  return refused(refusal(r.code, r.params as never));
}

/**
 * Confirming, refusing and ending the confirmation of declared affiliations (focal points of the
 * organisation, or stewards with a reason), and the queue of those awaiting it. Each decision is one
 * transaction with its audit event in the platform chain; the rule is confirmationVerdict (libs/domain).
 */
@Injectable()
export class AffiliationConfirmationService {
  constructor(
    private readonly focalPoints: FocalPointRepository,
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  decide(actor: Actor, affiliationId: string, input: AffiliationDecisionRequest): Promise<AffiliationResponse> {
    return this.tx.run(async (tx) => {
      // The organisation's lock first (as appointments take it), then the affiliation's row.
      const organisationId = await this.focalPoints.organisationOfAffiliation(tx.manager, affiliationId);
      if (!organisationId) throw notFound('affiliation');
      await this.focalPoints.lockOrganisation(tx.manager, organisationId);
      const a = (await this.focalPoints.lockAffiliation(tx.manager, affiliationId))!;
      const today = isoDay(tx.now);
      const reason = input.reason?.trim() || null;
      const verdict = confirmationVerdict({
        actorId: actor.id,
        actorIsSteward: actor.isSteward,
        actorTwoFactorOverdue: actor.twoFactor?.overdue,
        actorIsFocalPoint: await this.focalPoints.isActing(tx.manager, a.organisationId, actor.id, today),
        affiliation: { personId: a.personId, status: a.status, ended: a.endDate !== null && a.endDate <= today, organisationName: a.organisationName },
        holderIsFocalPoint: await this.focalPoints.isActing(tx.manager, a.organisationId, a.personId, today),
        decision: input.decision,
        reason,
      });
      if (!('as' in verdict)) throw confirmationProblem(verdict);
      if (input.decision === 'confirm') await this.recordConfirmation(tx, actor.id, a, verdict.as, reason, 'decision');
      else {
        const status = input.decision === 'refuse' ? 'refused' : 'ended';
        await this.focalPoints.close(tx.manager, a.id, status, { by: actor.id, as: verdict.as, at: tx.now, reason: reason! });
        await tx.record({
          scope: PLATFORM_SCOPE,
          actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now),
          action: status === 'refused' ? 'affiliation.refused' : 'affiliation.confirmation-ended',
          subjectType: 'affiliation',
          subjectId: a.id,
          change: { personId: a.personId, name: a.personName, organisationId: a.organisationId, organisationName: a.organisationName, as: verdict.as, reason: reason! },
        });
      }
      const saved = (await this.people.affiliationsOf(a.personId, tx.manager)).find((x) => x.id === a.id)!;
      return toAffiliationResponse(saved, tx.now);
    });
  }

  /** Confirms a pending affiliation inside the caller's transaction (a decision, or a focal-point appointment vouching for the appointee). */
  async recordConfirmation(tx: Tx, by: string, a: { id: string; personId: string; personName: string; organisationId: string; organisationName: string }, as: ConfirmerRole, reason: string | null, via: 'decision' | 'appointment'): Promise<void> {
    await this.focalPoints.confirm(tx.manager, a.id, { by, as, at: tx.now, reason });
    await tx.record({
      scope: PLATFORM_SCOPE,
      actor: await this.peopleService.auditActor(tx.manager, by, tx.now),
      action: 'affiliation.confirmed',
      subjectType: 'affiliation',
      subjectId: a.id,
      change: { personId: a.personId, name: a.personName, organisationId: a.organisationId, organisationName: a.organisationName, as, reason, via },
    });
  }

  /** The actor's queue: affiliations awaiting confirmation by the organisations they answer for, or, for a steward, all of them. */
  async queue(actor: Actor, organisationId: string | undefined): Promise<AffiliationRequestResponse[]> {
    const today = isoDay(this.clock.now());
    const mine = new Set((await this.focalPoints.actingFor(undefined, actor.id, today)).map((o) => o.id));
    let scope: string[] | 'all';
    if (organisationId) {
      if (!mine.has(organisationId) && !actor.isSteward) throw refuse('confirmation-queue-confirmers-only');
      scope = [organisationId];
    } else scope = actor.isSteward ? 'all' : [...mine];
    if (scope !== 'all' && scope.length === 0) return [];
    const rows = await this.focalPoints.pending(undefined, scope, today);
    // Nobody decides on their own affiliation, so their own request is not in their queue.
    return rows.filter((r) => r.personId !== actor.id).map((r) => toRequestResponse(r, mine.has(r.organisationId) ? 'focal-point' : 'steward'));
  }
}

const toRequestResponse = (r: PendingAffiliationRow, decideAs: ConfirmerRole): AffiliationRequestResponse => ({
  affiliationId: r.affiliationId,
  person: { id: r.personId, name: r.personName },
  organisation: { id: r.organisationId, name: r.organisationName, stakeholderGroup: r.stakeholderGroup as AffiliationRequestResponse['organisation']['stakeholderGroup'], subtype: r.subtype as AffiliationRequestResponse['organisation']['subtype'], verified: r.verified },
  title: r.title,
  startDate: r.startDate,
  endDate: r.endDate,
  declaredAt: new Date(r.declaredAt).toISOString(),
  decideAs,
});
