import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeMeetingRequest,
  DraftReportRequest,
  MeetingView,
  RecordAttendanceRequest,
  RequestFloorRequest,
  ScheduleMeetingRequest,
  SetAgendaRequest,
} from '@parley/contracts';
import { apiCall } from '../../api/typed-client';
import { useLiveRoom } from '../../realtime/useLiveRoom';

/**
 * The data layer of meetings (issue #21): every page and the room screen read a meeting through
 * `useMeeting`, keyed by its id, so the meeting's live room (`meeting:<id>`) makes it stale and it
 * refetches. Writes answer the meeting as it now stands: it goes straight into the cache.
 */
export const meetingKey = (id: string) => ['meetings', id] as const;
export const groupMeetingsKey = (workingGroupId: string) => ['working-groups', workingGroupId, 'meetings'] as const;

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKey(id ?? ''),
    queryFn: ({ signal }) => apiCall('GET /api/meetings/:id', { params: { id: id as string }, signal }),
    enabled: Boolean(id),
  });
}

/** Follows the meeting live while mounted: its events (and those of the ballot on the floor, when given) make it stale. */
export function useMeetingLive(id: string | undefined) {
  return useLiveRoom(id ? `meeting:${id}` : null);
}

export function useGroupMeetings(workingGroupId: string) {
  return useQuery({
    queryKey: groupMeetingsKey(workingGroupId),
    queryFn: ({ signal }) => apiCall('GET /api/working-groups/:id/meetings', { params: { id: workingGroupId }, signal }),
  });
}

/** A write that answers the meeting: the answer replaces the cached meeting, and the group's list refetches. */
function useMeetingWrite<B>(id: string, call: (body: B) => Promise<MeetingView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (meeting) => {
      qc.setQueryData(meetingKey(id), meeting);
      void qc.invalidateQueries({ queryKey: groupMeetingsKey(meeting.workingGroupId) });
    },
  });
}

export function useScheduleMeeting(workingGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleMeetingRequest) => apiCall('POST /api/working-groups/:id/meetings', { params: { id: workingGroupId }, body }),
    onSuccess: (meeting) => {
      qc.setQueryData(meetingKey(meeting.id), meeting);
      void qc.invalidateQueries({ queryKey: groupMeetingsKey(workingGroupId) });
    },
  });
}

export const useChangeMeeting = (id: string) =>
  useMeetingWrite(id, (body: ChangeMeetingRequest) => apiCall('PATCH /api/meetings/:id', { params: { id }, body }));
export const useSetAgenda = (id: string) => useMeetingWrite(id, (body: SetAgendaRequest) => apiCall('PUT /api/meetings/:id/agenda', { params: { id }, body }));
export const useOpenMeeting = (id: string) => useMeetingWrite(id, () => apiCall('POST /api/meetings/:id/open', { params: { id } }));
export const useCloseMeeting = (id: string) => useMeetingWrite(id, () => apiCall('POST /api/meetings/:id/close', { params: { id } }));
export const useTakeUpItem = (id: string) =>
  useMeetingWrite(id, (itemId: string) => apiCall('POST /api/meetings/:id/current-item', { params: { id }, body: { itemId } }));
export const useRecordAttendance = (id: string) =>
  useMeetingWrite(id, (body: RecordAttendanceRequest) => apiCall('POST /api/meetings/:id/attendance', { params: { id }, body }));
export const useRequestFloor = (id: string) =>
  useMeetingWrite(id, (body: RequestFloorRequest) => apiCall('POST /api/meetings/:id/floor', { params: { id }, body }));

/** The chair's and speaker's acts on one request: withdraw, give the floor, end the turn. */
export const useFloorAct = (id: string, act: 'withdraw' | 'give' | 'end') =>
  useMeetingWrite(id, (requestId: string) => apiCall(`POST /api/meetings/:id/floor/:requestId/${act}`, { params: { id, requestId } }));

export function useDraftReport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DraftReportRequest) => apiCall('POST /api/meetings/:id/report', { params: { id }, body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: meetingKey(id) }),
  });
}
