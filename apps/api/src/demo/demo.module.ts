import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [IdentityModule, OrganisationsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
