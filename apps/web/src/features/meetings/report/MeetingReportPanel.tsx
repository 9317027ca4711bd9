import type { MeetingView } from '@parley/contracts';

/** The report of a meeting on its page (issue #21): drafting it once the meeting closed, then a link to it. Being built. */
export function MeetingReportPanel({ meeting }: { meeting: MeetingView }) {
  return meeting.reportDocumentId ? <a href={`/documents/${meeting.reportDocumentId}`}>{meeting.title}</a> : null;
}
