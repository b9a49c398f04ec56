import { ErrorState } from '@/components/ui/alert';
import { Loading } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatCount, formatKrw, formatPercent } from '@/lib/format';
import { channelLabels } from '@/lib/labels';
import { useAnalytics } from '../api/get-analytics';

export function AnalyticsSummaryPanel({ eventId }: { eventId: string }) {
  const analytics = useAnalytics(eventId);
  if (analytics.isPending) return <section className="card"><Loading label="성과를 불러오는 중…" /></section>;
  if (analytics.isError)
    return (
      <section className="card">
        <ErrorState message={errorMessage(analytics.error)} onRetry={() => void analytics.refetch()} />
      </section>
    );
  const a = analytics.data;
  const achievement = a.expectedParticipants > 0 ? (a.participants / a.expectedParticipants) * 100 : 0;
  return (
    <section className="card stack" aria-labelledby="analytics-title">
      <h2 id="analytics-title" className="section-title">
        실시간 성과
      </h2>
      <div className="stats">
        <div className="stat" data-testid="participants">
          <span className="stat-label">참여자</span>
          <strong className="stat-value">{formatCount(a.participants)}명</strong>
        </div>
        <div className="stat" data-testid="exposures">
          <span className="stat-label">노출</span>
          <strong className="stat-value">{formatCount(a.exposures)}회</strong>
        </div>
        <div className="stat">
          <span className="stat-label">목표 달성률</span>
          <strong className="stat-value">{formatPercent(achievement)}</strong>
        </div>
        <div className="stat">
          <span className="stat-label">채널 배포 비용</span>
          <strong className="stat-value">{formatKrw(a.totalCostKrw)}</strong>
        </div>
      </div>
      {a.channels.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">채널</th>
              <th scope="col">노출</th>
              <th scope="col">참여</th>
            </tr>
          </thead>
          <tbody>
            {a.channels.map((c) => (
              <tr key={c.channel}>
                <th scope="row">{channelLabels[c.channel]}</th>
                <td>{formatCount(c.exposures)}</td>
                <td>{formatCount(c.participants)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
