import { Link } from 'react-router';
import { EventsList } from '@/features/events/components/events-list';

export function EventsRoute() {
  return (
    <div className="stack-lg">
      <div className="row-between">
        <h1 className="page-title">전체 이벤트</h1>
        <Link to="/" className="link-more">
          대시보드로
        </Link>
      </div>
      <EventsList />
    </div>
  );
}
