import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { ApiError, errorMessage } from '@/lib/api-client';
import { formatCount, formatDateTime, formatKrw } from '@/lib/format';
import type { EventDetail, SalesReport } from '@/types/api';
import { parseWon, roiPercent } from '@/lib/roi';
import { SALES_FIGURE_MESSAGE, useReportSales } from '../api/report-sales';

function signedPercent(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatCount(Math.abs(value))}%`;
}

/**
 * UFR-ANAL-010's ROI 상세 분석 for an ended event: the owner enters what the event added to the
 * store's sales (there is no POS link), and sees the ROI against the plan's cost next to what the
 * AI predicted. The figure also goes to the AI service, which learns from real outcomes.
 */
export function SalesReportPanel({ event }: { event: EventDetail }) {
  const plan = event.selectedPlan;
  const [editing, setEditing] = useState(false);
  if (event.status !== 'ended' || !plan || plan.costKrw <= 0) return null;
  const report = event.sales;
  return (
    <section className="card stack" aria-labelledby="sales-title">
      <h2 id="sales-title" className="section-title">
        이벤트 ROI
      </h2>
      {report && !editing ? (
        <SalesResult report={report} onEdit={() => setEditing(true)} />
      ) : (
        <SalesForm
          eventId={event.id}
          costKrw={plan.costKrw}
          initial={report?.salesIncreaseKrw}
          onDone={() => setEditing(false)}
          onCancel={report ? () => setEditing(false) : undefined}
        />
      )}
    </section>
  );
}

function SalesResult({ report, onEdit }: { report: SalesReport; onEdit: () => void }) {
  const gap = report.roiPercent - report.expectedRoiPercent;
  return (
    <>
      <div className="stats">
        <div className="stat" data-testid="actual-roi">
          <span className="stat-label">실제 ROI</span>
          <strong className={`stat-value ${report.roiPercent >= 0 ? 'text-gain' : 'text-loss'}`}>{signedPercent(report.roiPercent)}</strong>
        </div>
        <div className="stat">
          <span className="stat-label">AI 예상 ROI</span>
          <strong className="stat-value">{signedPercent(report.expectedRoiPercent)}</strong>
        </div>
        <div className="stat">
          <span className="stat-label">매출 증가액</span>
          <strong className="stat-value">{formatKrw(report.salesIncreaseKrw)}</strong>
        </div>
        <div className="stat">
          <span className="stat-label">이벤트 비용</span>
          <strong className="stat-value">{formatKrw(report.costKrw)}</strong>
        </div>
      </div>
      <p>
        {gap === 0
          ? 'AI가 예상한 ROI와 같아요.'
          : `AI 예상보다 ${formatCount(Math.abs(gap))}%p ${gap > 0 ? '높아요' : '낮아요'}.`}{' '}
        {report.salesIncreaseKrw >= report.costKrw
          ? '이벤트 비용을 모두 회수했어요.'
          : `손익분기까지 ${formatKrw(report.costKrw - report.salesIncreaseKrw)}이 모자라요.`}
      </p>
      <div className="muted small">
        <p>ROI = (매출 증가액 − 이벤트 비용) ÷ 이벤트 비용 × 100</p>
        <p>
          손익분기 매출 {formatKrw(report.costKrw)} · {formatDateTime(report.reportedAt)} 입력
        </p>
      </div>
      <div className="actions">
        <Button variant="secondary" className="btn-small" onClick={onEdit}>
          매출 수정
        </Button>
      </div>
    </>
  );
}

type SalesFormProps = { eventId: string; costKrw: number; initial?: number; onDone: () => void; onCancel?: () => void };

function SalesForm({ eventId, costKrw, initial, onDone, onCancel }: SalesFormProps) {
  const [text, setText] = useState(initial === undefined ? '' : formatCount(initial));
  const [error, setError] = useState<string>();
  const [banner, setBanner] = useState<string>();
  const report = useReportSales(eventId);
  const value = parseWon(text);

  function submit(e: FormEvent) {
    e.preventDefault();
    setBanner(undefined);
    if (value === undefined) {
      setError(text.trim() === '' ? '매출 증가액을 입력해주세요.' : SALES_FIGURE_MESSAGE);
      return;
    }
    report.mutate(value, {
      onSuccess: onDone,
      onError: (failure) => {
        const fieldError = failure instanceof ApiError ? failure.fieldErrors.salesIncreaseKrw?.[0] : undefined;
        if (fieldError) setError(fieldError);
        else setBanner(errorMessage(failure));
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="매출 성과 입력">
      <p className="muted">
        이벤트 기간에 늘어난 매출을 입력하면 실제 ROI를 계산해 드려요. 입력한 실적은 다음 AI 추천을 더 정확하게 만드는 데
        쓰여요.
      </p>
      <TextField
        label="매출 증가액 (원)"
        inputMode="numeric"
        placeholder="예: 3,000,000"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(undefined);
        }}
        onBlur={() => value !== undefined && setText(formatCount(value))}
        error={error}
        hint={
          value === undefined
            ? `이벤트 전과 비교해 늘어난 매출이에요. 이벤트 비용 ${formatKrw(costKrw)}을 넘으면 이익이에요.`
            : `ROI ${signedPercent(roiPercent(value, costKrw))} = (${formatKrw(value)} − ${formatKrw(costKrw)}) ÷ ${formatKrw(costKrw)} × 100`
        }
      />
      {banner && <Alert>{banner}</Alert>}
      <div className="actions">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel} disabled={report.isPending}>
            취소
          </Button>
        )}
        <Button type="submit" loading={report.isPending}>
          {report.isPending ? '저장하는 중…' : 'ROI 계산하고 저장'}
        </Button>
      </div>
    </form>
  );
}
