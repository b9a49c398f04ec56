import { useParams } from 'react-router';
import { PublicEventView } from '@/features/participation/components/public-event-view';

/** The customers' page: no login, no owner header. */
export function PublicEventRoute() {
  const eventId = useParams().eventId!;
  return (
    <main className="public-page">
      <PublicEventView eventId={eventId} />
      <p className="center muted small footer-note">KT 이벤트 마케팅</p>
    </main>
  );
}
