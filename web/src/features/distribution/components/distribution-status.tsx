import { useState } from 'react';
import { ErrorState } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Loading } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { channelLabels, distributionStateLabels } from '@/lib/labels';
import { useChangeChannel } from '../api/change-channel';
import type { ChannelDistribution, DistributionState } from '@/types/api';
import { useDistribution } from '../api/get-distribution';
import { ChannelDetails } from './channel-details';

// UFR-DIST-020: each channel in its colour (대기중 회색, 진행중 파란색, 완료 초록색, 실패 빨간색, 취소됨),
// its 배포 정보, and 재시도 / 취소 where the server says they are possible. Live hints refresh the query.

const icons: Record<DistributionState, string> = { pending: '•', running: '', succeeded: '✓', failed: '!', cancelled: '–' };

function Progress({ attempts, max }: { attempts: number; max: number }) {
  const attempt = Math.max(1, attempts);
  return (
    <>
      <div
        className="progress"
        role="progressbar"
        aria-label="배포 진행률"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={attempt}
        aria-valuetext={`${max}번 중 ${attempt}번째 시도`}
      >
        <span />
      </div>
      <p className="muted small">
        게시 중 · {attempt}/{max}번째 시도
      </p>
    </>
  );
}

function ChannelActions({ eventId, item }: { eventId: string; item: ChannelDistribution }) {
  const retry = useChangeChannel(eventId, item.channel, 'retry');
  const cancel = useChangeChannel(eventId, item.channel, 'cancel');
  const [confirming, setConfirming] = useState(false);
  const name = channelLabels[item.channel];
  if (!item.retryable && !item.cancellable) return null;
  return (
    <div className="dist-actions">
      {item.retryable && (
        <Button
          variant="secondary"
          className="btn-small"
          loading={retry.isPending}
          aria-label={`${name} 재시도`}
          onClick={() => retry.mutate()}
        >
          재시도
        </Button>
      )}
      {item.cancellable && (
        <Button
          variant="ghost"
          className="btn-small"
          loading={cancel.isPending}
          aria-label={`${name} 배포 취소`}
          onClick={() => setConfirming(true)}
        >
          취소
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        message={`${name} 배포를 취소할까요? 취소하면 이 채널에는 게시되지 않습니다.`}
        confirmLabel="배포 취소"
        busy={cancel.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => cancel.mutate(undefined, { onSettled: () => setConfirming(false) })}
      />
    </div>
  );
}

export function ChannelRow({ eventId, item }: { eventId: string; item: ChannelDistribution }) {
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
        {item.state === 'running' && <Progress attempts={item.attempts} max={item.maxAttempts} />}
        <ChannelDetails item={item} />
        {item.state === 'failed' && item.errorMessage && <p className="dist-error small">{item.errorMessage}</p>}
        <ChannelActions eventId={eventId} item={item} />
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
            <ChannelRow key={item.channel} eventId={eventId} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
