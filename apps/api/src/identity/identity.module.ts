import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { AffiliationConfirmationService } from './affiliation-confirmation.service';
import { AffiliationService } from './affiliation.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DeclarationService } from './declaration.service';
import { FocalPointRepository } from './focal-point.repository';
import { FocalPointService } from './focal-point.service';
import { FocalPointsController } from './focal-points.controller';
import { LocalStrategy } from './local.strategy';
import { MeController } from './me.controller';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { SessionRepository } from './session.repository';
import { SessionStrategy } from './session.strategy';
import { SignInService } from './sign-in/sign-in.service';
import { LastUseRecorder } from './sessions/last-use-recorder';
import { SessionSockets } from './sessions/session-sockets';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { SignInChallenges } from './two-factor/sign-in-challenges';
import { SessionIssuer } from './sign-in/session-issuer';
import { TwoFactorController } from './two-factor/two-factor.controller';
import { TwoFactorRepository } from './two-factor/two-factor.repository';
import { TwoFactorRequirement } from './two-factor/two-factor-requirement';
import { TwoFactorService } from './two-factor/two-factor.service';
import { IdentityProviderRepository } from './institutional/identity-provider.repository';
import { IdentityProvidersController } from './institutional/identity-providers.controller';
import { IdentityProvidersService } from './institutional/identity-providers.service';
import { OidcClient } from './institutional/oidc-client';
import { OidcController } from './institutional/oidc.controller';
import { OidcSignInService } from './institutional/oidc-sign-in.service';
import { ProviderVouchingService } from './institutional/provider-vouching.service';
import { VouchLapseCheck } from './institutional/vouch-lapse-check';

/** Institutional sign-in (issue #24, decision record 0049). */
const INSTITUTIONAL = [IdentityProviderRepository, IdentityProvidersService, OidcClient, OidcSignInService, ProviderVouchingService, VouchLapseCheck];

@Module({
  imports: [PassportModule],
  controllers: [AuthController, MeController, PeopleController, FocalPointsController, SessionsController, TwoFactorController, IdentityProvidersController, OidcController],
  providers: [AuthService, SignInService, SessionIssuer, PeopleService, PeopleRepository, SessionRepository, SessionStrategy, LocalStrategy, AffiliationService, DeclarationService, OrganisationRepository, FocalPointRepository, FocalPointService, AffiliationConfirmationService, SessionsService, LastUseRecorder, SessionSockets, TwoFactorRepository, TwoFactorRequirement, TwoFactorService, SignInChallenges, ...INSTITUTIONAL],
  exports: [PeopleService, AuthService, SignInService, AffiliationService, OrganisationRepository, PeopleRepository, FocalPointRepository, FocalPointService, AffiliationConfirmationService, SessionRepository, SessionSockets, TwoFactorRequirement],
})
export class IdentityModule {}
