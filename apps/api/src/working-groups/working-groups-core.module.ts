import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { WorkingGroupAccess } from './working-group-access';

/** The read side of working groups that other contexts depend on (no dependency on decisions, so no cycle). */
@Module({ imports: [IdentityModule], providers: [WorkingGroupAccess], exports: [WorkingGroupAccess] })
export class WorkingGroupsCoreModule {}
