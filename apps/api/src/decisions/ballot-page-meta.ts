import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PageMetaRegistry } from '../platform/http/page-meta';
import { WorkingGroupAccess } from '../working-groups/working-group-access';
import { BallotRepository } from './ballot.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ballot page's title and description, filled in server-side for link previews. */
@Injectable()
export class BallotPageMeta implements OnModuleInit {
  constructor(
    private readonly meta: PageMetaRegistry,
    private readonly ballots: BallotRepository,
    private readonly groups: WorkingGroupAccess,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.meta.register('/ballots/:id', async ({ id }) => {
      if (!UUID.test(id)) return null;
      const b = await this.ballots.findById(id);
      if (!b) return null;
      const group = await this.groups.settings(this.dataSource.manager, b.workingGroupId);
      const state = b.status === 'open' ? `open until ${b.closesAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : `closed: ${b.outcome}`;
      return {
        title: b.title,
        description: `A ballot of the working group ${group?.name ?? ''} (${b.rule}), ${state}. ${
          b.visibility === 'secret' ? 'A secret ballot: only its totals and breakdowns are published.' : "Every vote shows the voter's affiliation."
        }`,
      };
    });
  }
}
