import { AuditEventEntity } from '../../audit/audit-event.entity';
import { AffiliationEntity } from '../../identity/affiliation.entity';
import { DeclarationEntity } from '../../identity/declaration.entity';
import { PersonEntity } from '../../identity/person.entity';
import { SessionEntity } from '../../identity/session.entity';
import { OrganisationEntity } from '../../organisations/organisation.entity';
import { AmendmentCosponsorEntity, AmendmentEntity, AdoptionBallotEntity } from '../../drafting/amendment.entity';
import { CommentEntity } from '../../drafting/comment.entity';
import { DocumentEntity, DocumentVersionEntity, VersionClauseEntity } from '../../drafting/document.entity';
import { BallotElectorEntity, BallotEntity, VoteEntity } from '../../decisions/ballot.entity';
import { EndorsementEntity } from '../../endorsements/endorsement.entity';
import { MEETING_ENTITIES } from '../../meetings/meeting.entity';
import { IdentityProviderEntity } from '../../identity/institutional/identity-provider.entity';

/** Every TypeORM entity; each bounded context adds its own here. */
export const ENTITIES = [PersonEntity, SessionEntity, AffiliationEntity, DeclarationEntity, OrganisationEntity, AuditEventEntity, DocumentEntity, DocumentVersionEntity, VersionClauseEntity, CommentEntity, AmendmentEntity, AmendmentCosponsorEntity, AdoptionBallotEntity, BallotEntity, BallotElectorEntity, VoteEntity, EndorsementEntity, ...MEETING_ENTITIES, IdentityProviderEntity];
