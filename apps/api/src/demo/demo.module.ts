import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ChairsModule } from '../working-groups/chairs/chairs.module';
import { WorkingGroupsModule } from '../working-groups/working-groups.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { DemoSeeder } from './demo-seeder';
import { DemoWorkingGroups } from './demo-working-groups';
import { DraftingModule } from '../drafting/drafting.module';
import { DemoDocument } from './demo-document';
import { DemoAdoption } from './demo-adoption';
import { EndorsementsModule } from '../endorsements/endorsements.module';
import { DemoFocalPoints } from './demo-focal-points';
import { BracketsModule } from '../negotiation/brackets/brackets.module';
import { ClauseStatusModule } from '../negotiation/clause-status/clause-status.module';
import { StreamliningModule } from '../negotiation/streamlining/streamlining.module';
import { ChairsTextsModule } from '../negotiation/chairs-texts/chairs-texts.module';
import { DemoNegotiationChairsTexts } from './demo-negotiation-chairs-texts';
import { DemoNegotiationBrackets } from './demo-negotiation-brackets';
import { DemoNegotiationClauseStatus } from './demo-negotiation-clause-status';
import { DemoNegotiationStreamlining } from './demo-negotiation-streamlining';
import { DemoProceduresExplanations } from './demo-procedures-explanations';
import { ExplanationsModule } from '../procedures/explanations/explanations.module';
import { AccreditationModule } from '../procedures/accreditation/accreditation.module';
import { DemoProceduresAccreditation } from './demo-procedures-accreditation';
import { SilenceModule } from '../procedures/silence/silence.module';
import { DemoProceduresSilence } from './demo-procedures-silence';
import { FollowsModule } from '../follows/follows.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { MeetingReportsModule } from '../meetings/report/meeting-reports.module';
import { DemoMeetings } from './demo-meetings';
import { DemoLanguageVersions } from './demo-language-versions';

@Module({
  imports: [IdentityModule, OrganisationsModule, WorkingGroupsModule, DecisionsModule, ChairsModule, DraftingModule, EndorsementsModule, BracketsModule, StreamliningModule, ClauseStatusModule, ChairsTextsModule, ExplanationsModule, AccreditationModule, SilenceModule, FollowsModule, MeetingsModule, MeetingReportsModule],
  providers: [DemoSeeder, DemoWorkingGroups, DemoDocument, DemoAdoption, DemoFocalPoints, DemoNegotiationBrackets, DemoNegotiationStreamlining, DemoNegotiationClauseStatus, DemoNegotiationChairsTexts, DemoProceduresExplanations, DemoProceduresAccreditation, DemoProceduresSilence, DemoMeetings, DemoLanguageVersions],
  exports: [DemoSeeder],
})
export class DemoModule {}
