import { ErrorState } from '@/components/ui/alert';
import { Loading } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatCount, formatDateTime } from '@/lib/format';
import { channelLabels, distributionStateLabels } from '@/lib/labels';
import type { ChannelDistribution } from '@/types/api';
import { useDistribution } from '../api/get-distribution';

const icons = { pending: '•', running: '', succeeded: '✓', failed: '!' } as const;

function ChannelRow({ item }: { item: ChannelDistribution }) {
  return (
    <li className={`dist-row dist-${item.state}`} data-channel={item.channel} data-state={item.state}>
      <span className="dist-icon" aria-hidden="true">
        {item.state === 'running' ? <span className="spinner spinner-small" /> : icons[item.state]}
      </span>
      <div className="dist-body">
        <div className="row-between">
          <strong>{channelLabels[item.channel]}</strong>
          <span className="dist-state">{distributionStateLabels[item.state]}</span>
        </div>
        {item.state === 'running' && <div className="progress" aria-hidden="true"><span /></div>}
        <p className="muted small">
          예상 노출 {formatCount(item.expectedExposure)}회
          {item.externalId && ` · ID ${item.externalId}`}
          {item.attempts > 1 && ` · ${item.attempts}번째 시도`}
          {item.state === 'succeeded' && item.updatedAt && ` · ${formatDateTime(item.updatedAt)} 완료`}
        </p>
        {item.postUrl && (
          <a href={item.postUrl} target="_blank" rel="noreferrer" className="small">
            게시물 보기 ↗
          </a>
        )}
        {item.state === 'failed' && item.errorMessage && <p className="dist-error small">{item.errorMessage}</p>}
      </div>
    </li>
  );
}

export function DistributionStatusPanel({ eventId }: { eventId: string }) {
  const distribution = useDistribution(eventId);
  return (
    <section className="card stack" aria-labelledby="distribution-title">
      <h2 id="distribution-title" className="section-title">
        배포 현황
      </h2>
      {distribution.isPending ? (
        <Loading label="배포 상태를 불러오는 중…" />
      ) : distribution.isError ? (
        <ErrorState message={errorMessage(distribution.error)} onRetry={() => void distribution.refetch()} />
      ) : distribution.data.channels.length === 0 ? (
        <p className="muted">배포가 아직 시작되지 않았습니다</p>
      ) : (
        <ul className="dist-list">
          {distribution.data.channels.map((item) => (
            <ChannelRow key={item.channel} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
