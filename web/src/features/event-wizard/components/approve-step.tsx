import { useCallback, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/api-client';
import { formatCount, formatKrw, formatPercent, formatPeriod } from '@/lib/format';
import { channelLabels, purposeLabels } from '@/lib/labels';
import type { EventDetail } from '@/types/api';
import { useApproveEvent } from '../api/approve-event';
import { imageUrl } from '../api/create-images';

export const APPROVE_CONFIRM = '이벤트를 승인하고 배포하시겠습니까?';
export const APPROVED = '이벤트가 생성되었습니다. 배포를 시작합니다.';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

// UFR-EVENT-050: everything the owner chose, once more, before it goes out.
export function ApproveStep({ event, onApproved, onBack }: { event: EventDetail; onApproved: (event: EventDetail) => void; onBack: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const approve = useApproveEvent(event.id);
  const cancel = useCallback(() => setConfirming(false), []);
  const plan = event.selectedPlan;
  const channels = event.channelPlan;
  if (!plan || !channels) return null;
  const period = event.startsAt ? formatPeriod(event.startsAt, event.endsAt) : `승인일로부터 ${plan.durationDays}일`;

  return (
    <div className="stack-lg">
      <h1 className="page-title">최종 확인</h1>
      {event.imageId && <img className="hero-image" src={imageUrl(event.imageId)} alt="선택한 이벤트 이미지" />}
      <section className="card stack-sm" aria-label="이벤트 정보">
        <h2 className="section-title">이벤트 정보</h2>
        <dl className="facts">
          <Row label="이벤트명">{plan.title}</Row>
          <Row label="기간">{period}</Row>
          <Row label="목적">{purposeLabels[event.purpose]}</Row>
        </dl>
      </section>
      <section className="card stack-sm" aria-label="경품 정보">
        <h2 className="section-title">경품과 참여 방법</h2>
        <dl className="facts">
          <Row label="경품">{plan.prize}</Row>
          <Row label="수량">{formatCount(plan.prizeQuantity)}개</Row>
          <Row label="참여 방법">{plan.participationMethod}</Row>
        </dl>
      </section>
      <section className="card stack-sm" aria-label="배포 채널">
        <h2 className="section-title">배포 채널</h2>
        <ul className="summary-list">
          {channels.channels.map((c) => (
            <li key={c.channel}>
              <span>{channelLabels[c.channel]}</span>
              <span className="muted small">
                노출 {formatCount(c.expectedExposure)}회 · {formatKrw(c.costKrw)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card stack-sm" aria-label="예상 비용 및 효과">
        <h2 className="section-title">예상 비용 및 효과</h2>
        <dl className="facts">
          <Row label="이벤트 비용">{formatKrw(plan.costKrw)}</Row>
          <Row label="채널 비용">{formatKrw(channels.totalCostKrw)}</Row>
          <Row label="총 예상 비용">
            <strong>{formatKrw(plan.costKrw + channels.totalCostKrw)}</strong>
          </Row>
          <Row label="예상 참여자">{formatCount(plan.expectedParticipants)}명</Row>
          <Row label="예상 노출">{formatCount(channels.totalExposure)}회</Row>
          <Row label="예상 ROI">{formatPercent(plan.expectedRoiPercent)}</Row>
        </dl>
      </section>
      {approve.isError && <Alert>{errorMessage(approve.error)}</Alert>}
      <div className="actions sticky-actions">
        <Button variant="ghost" onClick={onBack} disabled={approve.isPending}>
          이전
        </Button>
        <Button onClick={() => setConfirming(true)} loading={approve.isPending}>
          승인 및 배포
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        message={APPROVE_CONFIRM}
        confirmLabel="승인"
        busy={approve.isPending}
        onCancel={cancel}
        // mutateAsync, not mutate's callbacks: the approved event leaves the wizard (and unmounts
        // this step) as soon as the cache holds it.
        onConfirm={() =>
          void approve
            .mutateAsync()
            .then(onApproved)
            .catch(() => setConfirming(false))
        }
      />
    </div>
  );
}
