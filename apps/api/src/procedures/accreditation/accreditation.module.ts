import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/identity.module';
import { WorkingGroupsModule } from '../../working-groups/working-groups.module';
import { AccreditationController } from './accreditation.controller';
import { AccreditationService } from './accreditation.service';

/**
 * Accreditation by non-objection and the chairs' editor of the rules of procedure (issue #19,
 * decision record 0039). The membership service starts circulations and checks decisions through
 * circulation.ts (plain functions over its transaction), so this module depends on working groups,
 * never the reverse.
 */
@Module({
  imports: [IdentityModule, WorkingGroupsModule],
  controllers: [AccreditationController],
  providers: [AccreditationService],
  exports: [AccreditationService],
})
export class AccreditationModule {}
