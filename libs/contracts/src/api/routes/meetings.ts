import {
  changeMeetingRequest,
  draftReportRequest,
  recordAttendanceRequest,
  requestFloorRequest,
  scheduleMeetingRequest,
  setAgendaRequest,
  takeUpItemRequest,
} from '../../meetings/requests';
import { draftReportResponse, meetingList, meetingView } from '../../meetings/views';
import { PROBLEMS, media, route } from './route-spec';

const calendar = media('text/calendar', 'An iCalendar (RFC 5545) file: one event per meeting, times in UTC with the meeting’s time zone named.');

/**
 * Issue #21 (decision 0043): meetings of a working group. Reads are public (the online address is for
 * members); chairs and rapporteurs run a meeting; members check in and ask for the floor. Every write
 * answers the meeting as it now stands.
 */
export const MEETING_ROUTES = {
  'GET /api/working-groups/:id/meetings': /* @__PURE__ */ route({ status: 200, response: meetingList, problems: PROBLEMS.readOne }),
  'POST /api/working-groups/:id/meetings': /* @__PURE__ */ route({ body: scheduleMeetingRequest, status: 201, response: meetingView, problems: PROBLEMS.write }),
  'GET /api/working-groups/:id/calendar.ics': /* @__PURE__ */ route({ status: 200, response: calendar, problems: PROBLEMS.readOne }),
  'GET /api/meetings/:id': /* @__PURE__ */ route({ status: 200, response: meetingView, problems: PROBLEMS.readOne }),
  'GET /api/meetings/:id/calendar.ics': /* @__PURE__ */ route({ status: 200, response: calendar, problems: PROBLEMS.readOne }),
  'PATCH /api/meetings/:id': /* @__PURE__ */ route({ body: changeMeetingRequest, status: 200, response: meetingView, problems: PROBLEMS.write }),
  'PUT /api/meetings/:id/agenda': /* @__PURE__ */ route({ body: setAgendaRequest, status: 200, response: meetingView, problems: PROBLEMS.write }),
  'POST /api/meetings/:id/open': /* @__PURE__ */ route({ status: 200, response: meetingView, problems: PROBLEMS.act }),
  'POST /api/meetings/:id/close': /* @__PURE__ */ route({ status: 200, response: meetingView, problems: PROBLEMS.act }),
  'POST /api/meetings/:id/current-item': /* @__PURE__ */ route({ body: takeUpItemRequest, status: 200, response: meetingView, problems: PROBLEMS.write }),
  'POST /api/meetings/:id/attendance': /* @__PURE__ */ route({ body: recordAttendanceRequest, status: 201, response: meetingView, problems: PROBLEMS.write }),
  'POST /api/meetings/:id/floor': /* @__PURE__ */ route({ body: requestFloorRequest, status: 201, response: meetingView, problems: PROBLEMS.write }),
  'POST /api/meetings/:id/floor/:requestId/withdraw': /* @__PURE__ */ route({ status: 200, response: meetingView, problems: PROBLEMS.act }),
  'POST /api/meetings/:id/floor/:requestId/give': /* @__PURE__ */ route({ status: 200, response: meetingView, problems: PROBLEMS.act }),
  'POST /api/meetings/:id/floor/:requestId/end': /* @__PURE__ */ route({ status: 200, response: meetingView, problems: PROBLEMS.act }),
  'POST /api/meetings/:id/report': /* @__PURE__ */ route({ body: draftReportRequest, status: 201, response: draftReportResponse, problems: PROBLEMS.write }),
} as const;
