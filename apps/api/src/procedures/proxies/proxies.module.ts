import { Module } from '@nestjs/common';
import { BallotRepository } from '../../decisions/ballot.repository';
import { IdentityModule } from '../../identity/identity.module';
import { WorkingGroupsCoreModule } from '../../working-groups/working-groups-core.module';
import { ProxiesController } from './proxies.controller';
import { ProxiesService } from './proxies.service';

/**
 * Proxy votes with a public trail (issue #19, decision record 0040). Giving, revoking and the public
 * list live here; casting by proxy is the vote path's (decisions/vote.service), and ending on leaving
 * is membership's, both through proxies.reads (plain functions, no module cycle).
 */
@Module({
  imports: [IdentityModule, WorkingGroupsCoreModule],
  controllers: [ProxiesController],
  providers: [BallotRepository, ProxiesService],
})
export class ProxiesModule {}
