import { Foundation1763900000000 } from './1763900000000-foundation';
import { WorkingGroupsCore1763900001000 } from './1763900001000-working-groups-core';
import { Ballots1763900002000 } from './1763900002000-ballots';
import { WorkingGroups1763900003000 } from './1763900003000-working-groups';
import { Drafting1763900004000 } from './1763900004000-drafting';
import { SocketIoAttachments1763900005000 } from './1763900005000-socket-io-attachments';
import { Endorsements1763900006000 } from './1763900006000-endorsements';
import { AuditLogFilters1763900006100 } from './1763900006100-audit-log-filters';
import { WorkingGroupWithdrawals1795473339241 } from './1795473339241-working-group-withdrawals';
import { AmendmentStatusReasons1795500000000 } from './1795500000000-amendment-status-reasons';
import { CosponsorshipWithdrawal1795500000100 } from './1795500000100-cosponsorship-withdrawal';
import { BallotSubjectDetails1795500000200 } from './1795500000200-ballot-subject-details';
import { FrontDoorIndexes1796498939368 } from './1796498939368-front-door-indexes';
import { AffiliationConfirmation1796499025645 } from './1796499025645-affiliation-confirmation';
import { ChairSafeguards1796500000000 } from './1796500000000-chair-safeguards';
import { Brackets1796600000000 } from './1796600000000-brackets';
import { ClauseStatus1796600000100 } from './1796600000100-clause-status';
import { ChairsTexts1796600000200 } from './1796600000200-chairs-texts';
import { StreamliningRecommendations1796600000300 } from './1796600000300-streamlining-recommendations';
import { ProcedureRules1796700000000 } from './1796700000000-procedure-rules';
import { ExplanationsOfPosition1796700000200 } from './1796700000200-explanations-of-position';
import { NonObjection1796700000400 } from './1796700000400-non-objection';
import { Proxies1796700000500 } from './1796700000500-proxies';
import { SilenceProcedures1796700000100 } from './1796700000100-silence-procedures';
import { DivisionOrderLastCall1796700000300 } from './1796700000300-division-order-last-call';
import { MembersOnlyDrafts1796700000600 } from './1796700000600-members-only-drafts';

/** Every migration, in order. An explicit list, so jest, the CLI and the built API all run the same set. Append only. */
export const MIGRATIONS = [Foundation1763900000000, WorkingGroupsCore1763900001000, Ballots1763900002000, WorkingGroups1763900003000, Drafting1763900004000, SocketIoAttachments1763900005000, Endorsements1763900006000, AuditLogFilters1763900006100, WorkingGroupWithdrawals1795473339241, AmendmentStatusReasons1795500000000, CosponsorshipWithdrawal1795500000100, BallotSubjectDetails1795500000200, FrontDoorIndexes1796498939368, AffiliationConfirmation1796499025645, ChairSafeguards1796500000000, Brackets1796600000000, ClauseStatus1796600000100, ChairsTexts1796600000200, StreamliningRecommendations1796600000300, ProcedureRules1796700000000, ExplanationsOfPosition1796700000200, NonObjection1796700000400, Proxies1796700000500, SilenceProcedures1796700000100, DivisionOrderLastCall1796700000300, MembersOnlyDrafts1796700000600];
