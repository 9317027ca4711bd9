import { AuditEventEntity } from '../../audit/audit-event.entity';
import { AffiliationEntity } from '../../identity/affiliation.entity';
import { DeclarationEntity } from '../../identity/declaration.entity';
import { PersonEntity } from '../../identity/person.entity';
import { SessionEntity } from '../../identity/session.entity';
import { OrganisationEntity } from '../../organisations/organisation.entity';
import { BallotElectorEntity, BallotEntity, VoteEntity } from '../../decisions/ballot.entity';

/** Every TypeORM entity; each bounded context adds its own here. */
export const ENTITIES = [PersonEntity, SessionEntity, AffiliationEntity, DeclarationEntity, OrganisationEntity, AuditEventEntity, BallotEntity, BallotElectorEntity, VoteEntity];
