import { ErrorState } from '@/components/ui/alert';
import { Loading } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatDate, formatPeriod } from '@/lib/format';
import { usePublicEvent } from '../api/get-public-event';
import { EntryForm } from './entry-form';

export function PublicEventView({ eventId }: { eventId: string }) {
  const event = usePublicEvent(eventId);
  if (event.isPending) return <Loading label="이벤트를 불러오는 중…" />;
  if (event.isError) return <ErrorState message={errorMessage(event.error)} onRetry={() => void event.refetch()} />;
  const e = event.data;
  return (
    <div className="stack-lg">
      <article className="card stack public-event">
        {e.imageId && <img className="hero-image" src={`/api/images/${e.imageId}.svg`} alt={`${e.title} 이벤트 이미지`} />}
        <p className="muted small">{e.storeName}</p>
        <h1 className="page-title">{e.title}</h1>
        <dl className="facts">
          <div>
            <dt>경품</dt>
            <dd>{e.prize}</dd>
          </div>
          <div>
            <dt>참여 방법</dt>
            <dd>{e.participationMethod}</dd>
          </div>
          <div>
            <dt>기간</dt>
            <dd>{formatPeriod(e.startsAt, e.endsAt)}</dd>
          </div>
          <div>
            <dt>당첨 발표</dt>
            <dd>{formatDate(e.announceAt)}</dd>
          </div>
        </dl>
      </article>
      <EntryForm event={e} />
    </div>
  );
}
