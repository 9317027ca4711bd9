import { useParams } from 'react-router-dom';
import { useMeeting } from '../useMeetings';

/** The room screen (issue #21): being built. */
export default function RoomScreenPage() {
  const { id } = useParams();
  const meeting = useMeeting(id);
  return (
    <main>
      <h1>{meeting.data?.title ?? ''}</h1>
    </main>
  );
}
