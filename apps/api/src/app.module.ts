import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { AuditModule } from './audit/audit.module';
import { DecisionsModule } from './decisions/decisions.module';
import { DemoModule } from './demo/demo.module';
import { DraftingModule } from './drafting/drafting.module';
import { BracketsModule } from './negotiation/brackets/brackets.module';
import { StreamliningModule } from './negotiation/streamlining/streamlining.module';
import { ChairsTextsModule } from './negotiation/chairs-texts/chairs-texts.module';
import { EndorsementsModule } from './endorsements/endorsements.module';
import { HomeModule } from './home/home.module';
import { CsrfGuard } from './identity/csrf.guard';
import { IdentityModule } from './identity/identity.module';
import { SessionGuard } from './identity/session.guard';
import { OrganisationsModule } from './organisations/organisations.module';
import { PARLEY_CONFIG, ParleyConfig } from './platform/config/config';
import { ENTITIES } from './platform/database/entities';
import { HealthController } from './platform/health/health.controller';
import { ProblemFilter } from './platform/http/problem.filter';
import { requestLogOptions } from './platform/http/request-log';
import { PolicyGuard } from './policy/policy.guard';
import { TransparencyModule } from './transparency/transparency.module';
import { RealtimeModule } from './realtime/realtime.module';
import { ChairsModule } from './working-groups/chairs/chairs.module';
import { WorkingGroupsModule } from './working-groups/working-groups.module';
import { ClauseStatusModule } from './negotiation/clause-status/clause-status.module';
import { ExplanationsModule } from './procedures/explanations/explanations.module';
import { ProxiesModule } from './procedures/proxies/proxies.module';
import { SilenceModule } from './procedures/silence/silence.module';
import { DivisionModule } from './procedures/division/division.module';
import { VotingOrderModule } from './procedures/voting-order/voting-order.module';
import { LastCallModule } from './procedures/last-call/last-call.module';
import { CompilationModule } from './negotiation/compilation/compilation.module';
import { AccreditationModule } from './procedures/accreditation/accreditation.module';
import { PublicationModule } from './procedures/publication/publication.module';
import { NotificationsModule } from './notifications/notifications.module';
// #20 mentions part
import { FeedsModule } from './feeds/feeds.module';
import { FollowsModule } from './follows/follows.module';
import { MentionsModule } from './mentions/mentions.module';
import { MailModule } from './mail/mail.module';
import { MeetingsModule } from './meetings/meetings.module';
import { MeetingReportsModule } from './meetings/report/meeting-reports.module';
import { ExchangeModule } from './exchange/exchange.module';
import { SearchModule } from './search/search.module';
import { AgreedLanguageModule } from './agreed-language/agreed-language.module';
import { MetricsModule } from './platform/metrics/metrics.module';
import type { DataSource } from 'typeorm';

@Module({})
export class AppModule {
  /** The whole API for one configuration and one already-migrated data source. */
  static create(config: ParleyConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: requestLogOptions(config.logLevel),
        }),
        TypeOrmModule.forRootAsync({ useFactory: () => ({}), dataSourceFactory: async () => dataSource }),
        TypeOrmModule.forFeature(ENTITIES),
        ThrottlerModule.forRoot({ throttlers: [{ name: 'auth', ttl: config.authRateLimit.windowSeconds * 1000, limit: config.authRateLimit.limit }] }),
        AuditModule,
        IdentityModule,
        OrganisationsModule,
        WorkingGroupsModule,
        DecisionsModule,
        ChairsModule,
        DraftingModule,
        BracketsModule,
        StreamliningModule,
        ChairsTextsModule,
        EndorsementsModule,
        HomeModule,
        TransparencyModule,
        DemoModule,
        RealtimeModule,
        ClauseStatusModule,
        AccreditationModule,
        ProxiesModule,
        DivisionModule,
        VotingOrderModule,
        LastCallModule,
        CompilationModule,
        ExplanationsModule,
        SilenceModule,
        PublicationModule,
        NotificationsModule,
        MentionsModule, FollowsModule, FeedsModule,
        MailModule,
        MeetingsModule,
        MeetingReportsModule,
        ExchangeModule,
        SearchModule,
        AgreedLanguageModule,
        MetricsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: PARLEY_CONFIG, useValue: config },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_GUARD, useClass: PolicyGuard },
      ],
      exports: [PARLEY_CONFIG],
    };
  }
}
