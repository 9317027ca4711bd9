import { Injectable } from '@nestjs/common';
import { PLATFORM_SCOPE } from '@parley/domain';
import type { AddDeclarationRequest, DeclarationResponse } from '@parley/contracts';
import { AuditedTransaction } from '../audit/audited-transaction';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { validationProblem } from '../platform/http/problem';
import type { Actor } from './actor';
import { PeopleRepository } from './people.repository';
import { PeopleService, toDeclarationResponse } from './people.service';

@Injectable()
export class DeclarationService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly organisations: OrganisationRepository,
    private readonly tx: AuditedTransaction,
  ) {}

  add(actor: Actor, input: AddDeclarationRequest): Promise<DeclarationResponse> {
    return this.tx.run(async (tx) => {
      const organisation = input.organisationId ? await this.organisations.findById(input.organisationId, tx.manager) : null;
      if (input.organisationId && !organisation) throw validationProblem('organisationId', 'no-such-organisation');
      const d = await this.people.insertDeclaration(tx.manager, {
        personId: actor.id,
        kind: input.kind,
        organisationId: organisation?.id ?? null,
        organisationName: organisation?.name ?? input.organisationName!,
        note: input.note,
        since: input.since ?? null,
        declaredAt: tx.now,
      });
      await tx.record({ scope: PLATFORM_SCOPE, actor: await this.peopleService.auditActor(tx.manager, actor.id, tx.now), action: 'declaration.added', subjectType: 'declaration', subjectId: d.id, change: { kind: d.kind, organisationId: d.organisationId, organisationName: d.organisationName, note: d.note, since: d.since } });
      return toDeclarationResponse(d);
    });
  }
}
