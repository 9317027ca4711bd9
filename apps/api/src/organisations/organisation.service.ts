import { Injectable } from '@nestjs/common';
import { PLATFORM_SCOPE } from '@parley/domain';
import type { CreateOrganisationRequest, OrganisationListQuery, OrganisationResponse, Page } from '@parley/contracts';
import { AuditedTransaction } from '../audit/audited-transaction';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { refusal } from '@parley/contracts';
import { cursorCodec } from '../platform/http/cursor';
import { notFound, refuse, refused } from '../platform/http/problem';
import { toOrganisationResponse } from './organisation.mapper';
import { OrganisationRepository } from './organisation.repository';

const organisationsCursor = cursorCodec({ name: 'text', id: 'uuid' });

@Injectable()
export class OrganisationService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
  ) {}

  async list(q: OrganisationListQuery): Promise<Page<OrganisationResponse>> {
    const rows = await this.organisations.search(q, organisationsCursor.decode(q.cursor), q.limit + 1);
    const page = organisationsCursor.page(rows, q.limit, (last) => ({ name: last.name, id: last.id }));
    return { items: page.items.map(toOrganisationResponse), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<OrganisationResponse> {
    const o = await this.organisations.findById(id);
    if (!o) throw notFound('organisation');
    return toOrganisationResponse(o);
  }

  create(actor: Actor, input: CreateOrganisationRequest): Promise<OrganisationResponse> {
    return this.tx.run(async (tx) => {
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('organisation-name:' || lower($1)))`, [input.name]);
      if (await this.organisations.nameTaken(tx.manager, input.name)) throw refused(refusal('organisation-name-taken', { name: input.name }), 'name');
      const o = await this.organisations.insert(tx.manager, input, actor.id, tx.now);
      await tx.record({
        scope: PLATFORM_SCOPE,
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: o.id,
        change: { name: o.name, stakeholderGroup: o.stakeholderGroup, subtype: o.subtype, country: o.country, lobbyingRegisterId: o.lobbyingRegisterId },
      });
      return toOrganisationResponse(o);
    });
  }

  verify(actor: Actor, id: string): Promise<OrganisationResponse> {
    return this.tx.run(async (tx) => {
      const o = await this.organisations.lockById(tx.manager, id);
      if (!o) throw notFound('organisation');
      if (o.verifiedAt) throw refuse('organisation-already-verified', { name: o.name });
      await this.organisations.markVerified(tx.manager, id, actor.id, tx.now);
      await tx.record({ scope: PLATFORM_SCOPE, actor: await this.people.auditActor(tx.manager, actor.id, tx.now), action: 'organisation.verified', subjectType: 'organisation', subjectId: id, change: { name: o.name, stewardId: actor.id } });
      return toOrganisationResponse((await this.organisations.findById(id, tx.manager))!);
    });
  }
}
