import { Injectable } from '@nestjs/common';
import { isAffiliationCurrent, isoDay, PLATFORM_SCOPE } from '@parley/domain';
import type { AddAffiliationRequest, AffiliationResponse, AuditChange, UpdateAffiliationRequest } from '@parley/contracts';
import { AuditedTransaction, Tx } from '../audit/audited-transaction';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { refusal } from '@parley/contracts';
import { notFound, refused, validationProblem } from '../platform/http/problem';
import type { Actor } from './actor';
import { endProxiesOnAffiliationEnd } from '../procedures/proxies/proxies.reads';
import { PeopleRepository } from './people.repository';
import { PeopleService, toAffiliationResponse } from './people.service';

type OwnAffiliationAction = 'affiliation.added' | 'affiliation.ended' | 'affiliation.made-primary';
/** One of a person's acts on their own affiliation, its change as the catalogue has it. */
type OwnAffiliationAct = { [A in OwnAffiliationAction]: { action: A; change: AuditChange<A> } }[OwnAffiliationAction];

@Injectable()
export class AffiliationService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly organisations: OrganisationRepository,
    private readonly tx: AuditedTransaction,
  ) {}

  add(actor: Actor, input: AddAffiliationRequest): Promise<AffiliationResponse> {
    return this.tx.run(async (tx) => {
      await this.people.lockPerson(tx.manager, actor.id);
      const organisation = await this.organisations.findById(input.organisationId, tx.manager);
      if (!organisation) throw validationProblem('organisationId', 'no-such-organisation');
      if (organisation.subtype === 'individual' && !input.funding) throw validationProblem('funding', 'funding-required');
      if (input.funding?.organisationId && !(await this.organisations.findById(input.funding.organisationId, tx.manager)))
        throw validationProblem('funding.organisationId', 'no-such-organisation');

      const today = isoDay(tx.now);
      const alreadyEnded = !!input.endDate && input.endDate <= today;
      if (input.primary === true && alreadyEnded) throw validationProblem('primary', 'already-ended-not-primary');
      const existing = await this.people.affiliationsOf(actor.id, tx.manager);
      // A past affiliation is history: it never takes (or clears) the primary flag.
      const makePrimary = !alreadyEnded && (input.primary === true || !existing.some((a) => a.isPrimary && isAffiliationCurrent(a, today)));
      if (makePrimary) await this.people.clearPrimary(tx.manager, actor.id);
      const saved = await this.people.insertAffiliation(tx.manager, {
        personId: actor.id,
        organisationId: organisation.id,
        title: input.title,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        isPrimary: makePrimary,
        createdAt: tx.now,
      });
      saved.organisation = organisation;
      await this.record(tx, actor, saved.id, {
        action: 'affiliation.added',
        change: {
          organisationId: organisation.id,
          organisationName: organisation.name,
          stakeholderGroup: organisation.stakeholderGroup,
          subtype: organisation.subtype,
          title: saved.title,
          startDate: saved.startDate,
          endDate: saved.endDate,
          primary: saved.isPrimary,
        },
      });
      if (input.funding) {
        const fundingOrg = input.funding.organisationId ? await this.organisations.findById(input.funding.organisationId, tx.manager) : null;
        const declaration = await this.people.insertDeclaration(tx.manager, {
          personId: actor.id,
          kind: 'funding',
          organisationId: fundingOrg?.id ?? null,
          organisationName: fundingOrg?.name ?? input.funding.organisationName ?? organisation.name,
          note: input.funding.note,
          since: input.startDate,
          declaredAt: tx.now,
        });
        await tx.record({
          scope: PLATFORM_SCOPE,
          actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now),
          action: 'declaration.added',
          subjectType: 'declaration',
          subjectId: declaration.id,
          change: { kind: 'funding', organisationName: declaration.organisationName, note: declaration.note },
        });
      }
      return toAffiliationResponse(saved, tx.now);
    });
  }

  update(actor: Actor, id: string, input: UpdateAffiliationRequest): Promise<AffiliationResponse> {
    return this.tx.run(async (tx) => {
      await this.people.lockPerson(tx.manager, actor.id);
      const a = await this.people.findAffiliation(tx.manager, id, actor.id);
      if (!a) throw notFound('affiliation');
      if (input.endDate !== undefined) {
        if (a.endDate) throw refused(refusal('affiliation-already-ended', { endDate: a.endDate }), 'endDate');
        if (input.endDate <= a.startDate) throw validationProblem('endDate', 'end-after-start');
        // An end announced for a later day leaves the affiliation current, and primary, until then.
        const endsNow = input.endDate <= isoDay(tx.now);
        await this.people.endAffiliation(tx.manager, a.id, input.endDate, !endsNow);
        a.endDate = input.endDate;
        if (endsNow) a.isPrimary = false;
        await this.record(tx, actor, a.id, {
          action: 'affiliation.ended',
          change: { organisationId: a.organisationId, organisationName: a.organisation.name, endDate: input.endDate },
        });
        // Proxies given or held as this organisation's delegate end with the affiliation (decision 0040).
        if (endsNow) await endProxiesOnAffiliationEnd(tx, actor.id, a.organisationId, await this.peopleService.auditActor(tx.manager, actor.id, tx.now));
      }
      if (input.primary) {
        if (a.endDate && a.endDate <= isoDay(tx.now)) throw refused(refusal('ended-affiliation-not-primary'), 'primary');
        if (!a.isPrimary) {
          await this.people.clearPrimary(tx.manager, actor.id);
          await this.people.setPrimary(tx.manager, a.id);
          await this.record(tx, actor, a.id, {
            action: 'affiliation.made-primary',
            change: { organisationId: a.organisationId, organisationName: a.organisation.name },
          });
          a.isPrimary = true;
        }
      }
      return toAffiliationResponse(a, tx.now);
    });
  }

  private async record(tx: Tx, actor: Actor, id: string, act: OwnAffiliationAct) {
    // Recorded after the change, so the snapshot shows the affiliation as it now stands.
    await tx.record({
      scope: PLATFORM_SCOPE,
      actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now),
      subjectType: 'affiliation',
      subjectId: id,
      ...act,
    });
  }
}
