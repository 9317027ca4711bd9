import { z } from 'zod';
import {
  ballotListQuery,
  ballotListResponse,
  ballotResponse,
  closeBallotRequest,
  castVoteRequest,
  openBallotRequest,
  rollCallPage,
  rollCallQuery,
  voteResponse,
} from '../../decisions';
import {
  chairNominationResponse,
  chairRemovalMotionResponse,
  chairTermListResponse,
  chairTermResponse,
  joinRequestResponse,
  memberResponse,
  workingGroupListResponse,
  workingGroupResponse,
} from '../../working-group-responses';
import {
  acceptNominationRequest,
  changeRoleRequest,
  chairTermListQuery,
  createWorkingGroupRequest,
  declineNominationRequest,
  joinDecisionRequest,
  joinRequestListQuery,
  joinRequestRequest,
  leaveRequest,
  memberListQuery,
  nominateChairRequest,
  proposeChairRemovalRequest,
  removeMemberRequest,
  resignChairRequest,
  withdrawJoinRequestRequest,
  withdrawNominationRequest,
  workingGroupListQuery,
} from '../../working-groups';
import { media, noContent, PROBLEMS, route } from './route-spec';
import { csvExportQuery } from '../../common';

const chairTermsCsv = /* @__PURE__ */ media('text/csv', 'The chair terms as CSV (one row per term)');

/** Working groups, their members, chairs and ballots. */
export const WORKING_GROUP_ROUTES = {
  'GET /api/working-groups': /* @__PURE__ */ route({
    query: workingGroupListQuery,
    status: 200,
    response: workingGroupListResponse,
    problems: PROBLEMS.readList,
  }),
  'POST /api/working-groups': /* @__PURE__ */ route({ body: createWorkingGroupRequest, status: 201, response: workingGroupResponse, problems: PROBLEMS.write }),
  'GET /api/working-groups/:id': /* @__PURE__ */ route({ status: 200, response: workingGroupResponse, problems: PROBLEMS.readOne }),
  'GET /api/working-groups/:id/members': /* @__PURE__ */ route({
    query: memberListQuery,
    status: 200,
    response: /* @__PURE__ */ z.array(memberResponse),
    problems: PROBLEMS.readOne,
  }),
  'POST /api/working-groups/:id/join-requests': /* @__PURE__ */ route({
    body: joinRequestRequest,
    status: 201,
    response: joinRequestResponse,
    problems: PROBLEMS.write,
  }),
  'GET /api/working-groups/:id/join-requests': /* @__PURE__ */ route({
    query: joinRequestListQuery,
    status: 200,
    response: /* @__PURE__ */ z.array(joinRequestResponse),
    problems: PROBLEMS.signedInRead,
  }),
  'POST /api/working-groups/:id/join-requests/:requestId/decision': /* @__PURE__ */ route({
    body: joinDecisionRequest,
    status: 200,
    response: joinRequestResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/working-groups/:id/join-requests/:requestId/withdrawal': /* @__PURE__ */ route({
    body: withdrawJoinRequestRequest,
    status: 200,
    response: joinRequestResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/working-groups/:id/leave': /* @__PURE__ */ route({ body: leaveRequest, status: 204, response: noContent, problems: PROBLEMS.write }),
  'POST /api/working-groups/:id/members/:personId/removal': /* @__PURE__ */ route({
    body: removeMemberRequest,
    status: 200,
    response: memberResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/working-groups/:id/members/:personId/role': /* @__PURE__ */ route({
    body: changeRoleRequest,
    status: 200,
    response: memberResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/working-groups/:id/chair-nominations': /* @__PURE__ */ route({
    body: nominateChairRequest,
    status: 201,
    response: chairNominationResponse,
    problems: PROBLEMS.write,
  }),
  'GET /api/working-groups/:id/chair-nominations': /* @__PURE__ */ route({
    status: 200,
    response: /* @__PURE__ */ z.array(chairNominationResponse),
    problems: PROBLEMS.readOne,
  }),
  'GET /api/chair-nominations/:id': /* @__PURE__ */ route({ status: 200, response: chairNominationResponse, problems: PROBLEMS.readOne }),
  'POST /api/chair-nominations/:id/acceptance': /* @__PURE__ */ route({
    body: acceptNominationRequest,
    status: 200,
    response: chairNominationResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/chair-nominations/:id/declination': /* @__PURE__ */ route({
    body: declineNominationRequest,
    status: 200,
    response: chairNominationResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/chair-nominations/:id/withdrawal': /* @__PURE__ */ route({
    body: withdrawNominationRequest,
    status: 200,
    response: chairNominationResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/chair-terms/:id/resignation': /* @__PURE__ */ route({
    body: resignChairRequest,
    status: 200,
    response: chairTermResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/chair-terms/:id/removal-motions': /* @__PURE__ */ route({
    body: proposeChairRemovalRequest,
    status: 201,
    response: chairRemovalMotionResponse,
    problems: PROBLEMS.write,
  }),
  'GET /api/chair-terms': /* @__PURE__ */ route({
    query: chairTermListQuery,
    status: 200,
    response: chairTermListResponse,
    alternative: chairTermsCsv,
    problems: PROBLEMS.readList,
  }),
  'GET /api/chair-terms.csv': /* @__PURE__ */ route({ query: chairTermListQuery, status: 200, response: chairTermsCsv, problems: PROBLEMS.readList }),
  'GET /api/working-groups/:id/ballots': /* @__PURE__ */ route({
    query: ballotListQuery,
    status: 200,
    response: ballotListResponse,
    problems: PROBLEMS.readOne,
  }),
  'POST /api/ballots': /* @__PURE__ */ route({ body: openBallotRequest, status: 201, response: ballotResponse, problems: PROBLEMS.write }),
  'GET /api/ballots/:id': /* @__PURE__ */ route({ status: 200, response: ballotResponse, problems: PROBLEMS.readOne }),
  'GET /api/ballots/:id/roll-call': /* @__PURE__ */ route({ query: rollCallQuery, status: 200, response: rollCallPage, problems: [400, 403, 404] }),
  'POST /api/ballots/:id/votes': /* @__PURE__ */ route({ body: castVoteRequest, status: 200, response: voteResponse, problems: PROBLEMS.write }),
  'POST /api/ballots/:id/close': /* @__PURE__ */ route({ body: closeBallotRequest, status: 200, response: ballotResponse, problems: PROBLEMS.write }),
  'GET /api/ballots/:id/votes.csv': /* @__PURE__ */ route({
    query: csvExportQuery,
    status: 200,
    response: /* @__PURE__ */ media('text/csv', 'The roll call of a closed roll-call ballot as CSV'),
    problems: [400, 404, 409],
  }),
} as const;
