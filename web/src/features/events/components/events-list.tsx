import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/alert';
import { Loading } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { statusLabels } from '@/lib/labels';
import type { EventStatus } from '@/types/api';
import { useEvents } from '../api/get-events';
import { EventCard } from './event-card';

const listStatuses: EventStatus[] = ['active', 'scheduled', 'ended', 'draft'];

export function eventsListPath(status: EventStatus): string {
  return `/events?status=${status}`;
}

function readStatus(value: string | null): EventStatus {
  return listStatuses.find((status) => status === value) ?? 'active';
}

/** UFR-EVENT-010 "전체보기": every event of one status, newest first, with a tab per status. */
export function EventsList() {
  const [params] = useSearchParams();
  const status = readStatus(params.get('status'));
  const events = useEvents();
  if (events.isPending) return <Loading label="이벤트를 불러오는 중…" />;
  if (events.isError) return <ErrorState message={errorMessage(events.error)} onRetry={() => void events.refetch()} />;

  const count = (s: EventStatus) => events.data.filter((e) => e.status === s).length;
  const shown = events.data
    .filter((e) => e.status === status)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <div className="stack">
      <nav className="tabs" aria-label="이벤트 상태">
        {listStatuses.map((s) => (
          <Link key={s} to={eventsListPath(s)} className="tab" aria-current={s === status ? 'page' : undefined}>
            {statusLabels[s]} {count(s)}
          </Link>
        ))}
      </nav>
      {shown.length === 0 ? (
        <p className="muted empty-line">{statusLabels[status]} 이벤트가 없습니다</p>
      ) : (
        <ul className="card-list" aria-label={`${statusLabels[status]} 이벤트`}>
          {shown.map((event) => (
            <li key={event.id}>
              <EventCard event={event} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
