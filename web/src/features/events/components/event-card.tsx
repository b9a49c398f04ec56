import { Link } from 'react-router';
import { Icon } from '@/components/ui/icons';
import { formatCount, formatDate, formatPeriod } from '@/lib/format';
import { purposeLabels } from '@/lib/labels';
import type { EventSummary } from '@/types/api';
import { StatusBadge } from './status-badge';

export function EventCard({ event }: { event: EventSummary }) {
  const to = event.status === 'draft' ? `/events/${event.id}/wizard` : `/events/${event.id}`;
  return (
    <Link to={to} className="event-card">
      <div className="event-card-thumb" aria-hidden="true">
        {event.imageId ? <img src={`/api/images/${event.imageId}.svg`} alt="" loading="lazy" /> : <Icon name="gift" size={28} />}
      </div>
      <div className="event-card-body">
        <div className="event-card-top">
          <StatusBadge status={event.status} />
          <span className="muted small">{purposeLabels[event.purpose]}</span>
        </div>
        <h3 className="event-card-title">{event.title || '제목 없는 이벤트'}</h3>
        <p className="muted small">
          {event.status === 'draft' ? `${formatDate(event.createdAt)} 작성 시작` : formatPeriod(event.startsAt, event.endsAt)}
        </p>
        {event.participants != null && (
          <p className="event-card-stats small">
            <span>참여 {formatCount(event.participants)}명</span>
            <span aria-hidden="true">·</span>
            <span>노출 {formatCount(event.exposures ?? 0)}회</span>
          </p>
        )}
      </div>
    </Link>
  );
}
