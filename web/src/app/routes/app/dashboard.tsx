import { Link } from 'react-router';
import { EventsDashboard, NEW_EVENT_PATH } from '@/features/events/components/events-dashboard';
import { useAuthStore } from '@/lib/auth';

export function DashboardRoute() {
  const owner = useAuthStore((s) => s.owner);
  return (
    <div className="stack-lg">
      <div className="row-between">
        <div>
          <p className="muted small">안녕하세요, {owner?.name}님</p>
          <h1 className="page-title">내 이벤트</h1>
        </div>
        <Link to={NEW_EVENT_PATH} className="btn btn-primary btn-small">
          + 새 이벤트 만들기
        </Link>
      </div>
      <EventsDashboard />
    </div>
  );
}
