import { useParams } from 'react-router-dom';
import { PageTitle } from '../../ui/PageTitle';
import { useMeeting } from './useMeetings';

/** A meeting's page (issue #21): being built. */
export default function MeetingPage() {
  const { id } = useParams();
  const meeting = useMeeting(id);
  return <PageTitle>{meeting.data?.title ?? ''}</PageTitle>;
}
