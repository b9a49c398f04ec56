import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Loading } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { statusLabels } from '@/lib/labels';
import { useEvents } from '../api/get-events';
import { EventCard } from './event-card';
import { groupEventsForDashboard } from './group-events';
import { eventsListPath } from './events-list';

export const NEW_EVENT_PATH = '/events/new';

export function EventsDashboard() {
  const events = useEvents();
  if (events.isPending) return <Loading label="이벤트를 불러오는 중…" />;
  if (events.isError) return <ErrorState message={errorMessage(events.error)} onRetry={() => void events.refetch()} />;
  if (events.data.length === 0)
    return (
      <EmptyState
        title="첫 이벤트를 만들어보세요"
        description="목적만 고르면 AI가 트렌드를 분석해 이벤트 기획안을 추천해드려요."
        action={
          <Link to={NEW_EVENT_PATH} className="btn btn-primary">
            새 이벤트 만들기
          </Link>
        }
      />
    );

  return (
    <div className="stack-lg">
      {groupEventsForDashboard(events.data).map((section) => (
        <section key={section.status} aria-labelledby={`section-${section.status}`} className="stack">
          <div className="section-head">
            <h2 id={`section-${section.status}`} className="section-title">
              {statusLabels[section.status]} <span className="count">{section.total}</span>
            </h2>
            {section.total > section.events.length && (
              <Link to={eventsListPath(section.status)} className="link-more" aria-label={`${statusLabels[section.status]} 이벤트 전체보기`}>
                전체보기
              </Link>
            )}
          </div>
          {section.events.length === 0 ? (
            <p className="muted empty-line">{statusLabels[section.status]} 이벤트가 없습니다</p>
          ) : (
            <ul className="card-list">
              {section.events.map((event) => (
                <li key={event.id}>
                  <EventCard event={event} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
