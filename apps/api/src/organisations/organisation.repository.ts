import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CreateOrganisationRequest, OrganisationListQuery } from '@parley/contracts';
import { OrganisationEntity } from './organisation.entity';

@Injectable()
export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganisationEntity | null> {
    return manager.getRepository(OrganisationEntity).findOneBy({ id });
  }

  /** Reads and row-locks an organisation for the rest of the transaction. */
  lockById(manager: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return manager.getRepository(OrganisationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async nameTaken(manager: EntityManager, name: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM organisations WHERE lower(name) = lower($1)`, [name]);
    return rows.length > 0;
  }

  insert(manager: EntityManager, input: CreateOrganisationRequest, createdBy: string | null, createdAt: Date): Promise<OrganisationEntity> {
    const repo = manager.getRepository(OrganisationEntity);
    return repo.save(
      repo.create({ name: input.name, stakeholderGroup: input.stakeholderGroup, subtype: input.subtype as OrganisationEntity['subtype'], country: input.country ?? null, website: input.website ?? null, lobbyingRegisterId: input.lobbyingRegisterId ?? null, createdBy, createdAt, verifiedAt: null, verifiedBy: null }),
    );
  }

  async markVerified(manager: EntityManager, id: string, by: string, at: Date): Promise<void> {
    await manager.query(`UPDATE organisations SET verified_at = $3, verified_by = $2 WHERE id = $1 AND verified_at IS NULL`, [id, by, at]);
  }

  /** Keyset pagination on (name, id), so pages stay stable while organisations are added: up to `limit` after `after`. */
  search(q: Omit<OrganisationListQuery, 'cursor' | 'limit'>, after: { name: string; id: string } | null, limit: number): Promise<OrganisationEntity[]> {
    const qb = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (q.q) qb.andWhere(`o.name ILIKE :q`, { q: `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (q.stakeholderGroup) qb.andWhere('o.stakeholder_group = :g', { g: q.stakeholderGroup });
    if (q.subtype) qb.andWhere('o.subtype = :s', { s: q.subtype });
    if (q.country) qb.andWhere('o.country = :c', { c: q.country });
    if (q.verified) qb.andWhere(q.verified === 'true' ? 'o.verified_at IS NOT NULL' : 'o.verified_at IS NULL');
    if (after) qb.andWhere('(lower(o.name), o.id) > (lower(:n), :id)', { n: after.name, id: after.id });
    return qb.orderBy('lower(o.name)', 'ASC').addOrderBy('o.id', 'ASC').limit(limit).getMany();
  }
}
