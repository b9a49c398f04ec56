import { Link, Navigate, useParams } from 'react-router';
import { ErrorState } from '@/components/ui/alert';
import { Loading } from '@/components/ui/spinner';
import { AnalyticsSummaryPanel } from '@/features/analytics/components/analytics-summary';
import { DistributionStatusPanel } from '@/features/distribution/components/distribution-status';
import { useEvent } from '@/features/events/api/get-event';
import { EventOverview, PublicLink } from '@/features/events/components/event-overview';
import { SalesReportPanel } from '@/features/events/components/sales-report';
import { errorMessage } from '@/lib/api-client';
import { useEventLive } from '@/lib/live';

// UFR-EVENT-060 (in part), UFR-DIST-020, UFR-ANAL-010: the event, its distribution and its numbers, live.
export function EventDetailRoute() {
  const eventId = useParams().eventId!;
  const event = useEvent(eventId);
  useEventLive(eventId, event.data !== undefined && event.data.status !== 'draft');
  if (event.isPending) return <Loading label="이벤트를 불러오는 중…" />;
  if (event.isError) return <ErrorState message={errorMessage(event.error)} onRetry={() => void event.refetch()} />;
  if (event.data.status === 'draft') return <Navigate to={`/events/${eventId}/wizard`} replace />;
  return (
    <div className="stack-lg">
      <Link to="/" className="back-link">
        ← 대시보드
      </Link>
      <EventOverview event={event.data} />
      <SalesReportPanel event={event.data} />
      <DistributionStatusPanel eventId={eventId} />
      <AnalyticsSummaryPanel eventId={eventId} />
      <PublicLink eventId={eventId} />
    </div>
  );
}
