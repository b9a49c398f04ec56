import type { ReactNode } from 'react';
import { formatCount, formatDateTime } from '@/lib/format';
import type { ChannelDistribution, ExposureSlot } from '@/types/api';

// UFR-DIST-020 배포 정보: what each kind of channel answered, in the owner's words.

/** "2026.12.01 ~ 2026.12.14 · 07:00–23:00": the first and last day, and the distinct time slots. */
const day = (date: string) => date.replaceAll('-', '.');

export function scheduleSummary(schedule: ExposureSlot[]): string {
  if (schedule.length === 0) return '';
  const first = day(schedule[0]!.date);
  const last = day(schedule[schedule.length - 1]!.date);
  const slots = [...new Set(schedule.map((slot) => `${slot.from}–${slot.to}`))].join(', ');
  return `${first === last ? first : `${first} ~ ${last}`} · ${slots}`;
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="row-between small">
      <dt className="muted">{label}</dt>
      <dd className="dist-detail-value">{children}</dd>
    </div>
  );
}

export function ChannelDetails({ item }: { item: ChannelDistribution }) {
  const exposure = item.reportedExposure ?? item.expectedExposure;
  const schedule = item.exposureSchedule;
  const done = item.state === 'succeeded';
  return (
    <dl className="dist-details">
      {(item.channel === 'uridongne_tv' || item.channel === 'genie_tv') && (
        <>
          {done && item.externalId && (
            <Detail label={item.channel === 'genie_tv' ? '광고 ID' : '배포 ID'}>{item.externalId}</Detail>
          )}
          <Detail label="예상 노출 수">{formatCount(exposure)}회</Detail>
        </>
      )}
      {item.channel === 'genie_tv' && done && schedule.length > 0 && (
        <Detail label="노출 스케줄">
          {scheduleSummary(schedule)}
          <details className="muted">
            <summary>일자별 보기 ({schedule.length}일)</summary>
            <ul className="dist-schedule">
              {schedule.map((slot) => (
                <li key={slot.date}>
                  {day(slot.date)} {slot.from}–{slot.to}
                </li>
              ))}
            </ul>
          </details>
        </Detail>
      )}
      {item.channel === 'ringo_biz' && done && item.ringbackUpdatedAt && (
        <Detail label="업데이트 완료 시각">{formatDateTime(item.ringbackUpdatedAt)}</Detail>
      )}
      {item.channel !== 'uridongne_tv' && item.channel !== 'genie_tv' && !done && (
        <Detail label="예상 노출 수">{formatCount(exposure)}회</Detail>
      )}
      {item.postUrl && (
        <Detail label="포스팅">
          <a href={item.postUrl} target="_blank" rel="noopener noreferrer" title={item.postUrl}>
            게시물 보기 ↗
          </a>
        </Detail>
      )}
    </dl>
  );
}
