import { useState } from 'react';
import { QrCode } from '@/components/ui/qr-code';
import { formatDateTime, formatKrw, formatPeriod } from '@/lib/format';
import { purposeLabels } from '@/lib/labels';
import type { EventDetail } from '@/types/api';
import { StatusBadge } from './status-badge';

export function EventOverview({ event }: { event: EventDetail }) {
  const plan = event.selectedPlan;
  return (
    <section className="card stack" aria-label="이벤트 정보">
      {event.imageId && <img className="hero-image" src={`/api/images/${event.imageId}.svg`} alt="이벤트 이미지" />}
      <div className="row-between">
        <StatusBadge status={event.status} />
        <span className="muted small">{purposeLabels[event.purpose]}</span>
      </div>
      <h1 className="page-title">{plan?.title ?? '이벤트'}</h1>
      <dl className="facts">
        <div>
          <dt>기간</dt>
          <dd>{formatPeriod(event.startsAt, event.endsAt)}</dd>
        </div>
        {plan && (
          <>
            <div>
              <dt>경품</dt>
              <dd>
                {plan.prize} · {plan.prizeQuantity}개
              </dd>
            </div>
            <div>
              <dt>참여 방법</dt>
              <dd>{plan.participationMethod}</dd>
            </div>
            <div>
              <dt>이벤트 비용</dt>
              <dd>{formatKrw(plan.costKrw)}</dd>
            </div>
          </>
        )}
        {event.approvedAt && (
          <div>
            <dt>승인</dt>
            <dd>{formatDateTime(event.approvedAt)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** The customers' page of this event, as a link to share and a QR code to print. */
export function PublicLink({ eventId }: { eventId: string }) {
  const url = `${window.location.origin}/e/${eventId}`;
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }
  return (
    <section className="card stack" aria-labelledby="public-link-title">
      <h2 id="public-link-title" className="section-title">
        고객 참여 페이지
      </h2>
      <div className="public-link">
        <QrCode value={url} size={132} label="고객 참여 페이지 QR 코드" />
        <div className="stack-sm public-link-text">
          <a href={url} target="_blank" rel="noreferrer" className="link-break">
            {url}
          </a>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => void copy()}>
            {copied ? '복사되었습니다' : '링크 복사'}
          </button>
          <p className="muted small">QR 코드를 매장에 붙여두면 고객이 바로 참여할 수 있어요.</p>
        </div>
      </div>
    </section>
  );
}
