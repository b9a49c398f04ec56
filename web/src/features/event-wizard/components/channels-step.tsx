import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api-client';
import { formatCount, formatKrw, formatPhone } from '@/lib/format';
import { channelLabels, channelOrder, timeSlotLabels } from '@/lib/labels';
import type { ChannelCode, EventDetail } from '@/types/api';
import { useChannelEstimate } from '../api/estimate-channels';
import { useSelectChannels } from '../api/select-channels';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import {
  initialChannelForm,
  isoToSeoulLocal,
  seoulLocalToIso,
  snsChannels,
  toChoices,
  validateChannelForm,
  type ChannelForm,
} from './channel-choices';

const descriptions: Record<ChannelCode, string> = {
  uridongne_tv: '매장 주변 동네 TV에 송출',
  ringo_biz: '매장 전화 연결음으로 이벤트 안내',
  genie_tv: '지니TV 광고로 지역 타겟 노출',
  instagram: '이벤트 이미지로 게시물 작성',
  naver_blog: '블로그 포스팅 자동 작성',
  kakao_channel: '카카오 채널 소식 발송',
};

export function ChannelsStep({ event, onDone, onBack }: { event: EventDetail; onDone: () => void; onBack: () => void }) {
  const [form, setForm] = useState<ChannelForm>(() => initialChannelForm(event));
  const [errors, setErrors] = useState<Partial<Record<ChannelCode, string>>>({});
  const [banner, setBanner] = useState<string>();
  const choices = useMemo(() => toChoices(form), [form]);
  const estimate = useChannelEstimate(useDebouncedValue(choices, 400));
  const save = useSelectChannels(event.id);

  const toggle = (c: ChannelCode, enabled: boolean) => {
    setForm((prev) => ({ ...prev, [c]: { ...prev[c], enabled } }));
    setBanner(undefined);
  };
  const setOption = (c: ChannelCode, key: string, value: string) => {
    setForm((prev) => ({ ...prev, [c]: { ...prev[c], options: { ...prev[c].options, [key]: value } } }));
    setErrors((prev) => ({ ...prev, [c]: undefined }));
  };

  function submit() {
    const found = validateChannelForm(form);
    if (typeof found === 'string') {
      setBanner(found);
      return;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(choices, { onSuccess: onDone, onError: (e) => setBanner(errorMessage(e)) });
  }

  const estimateFor = (c: ChannelCode) => (choices.length > 0 ? estimate.data?.channels.find((e) => e.channel === c) : undefined);
  const timeSlotSelect = (c: ChannelCode) => (
    <label className="inline-field">
      송출 시간대
      <select value={form[c].options.timeSlot} onChange={(e) => setOption(c, 'timeSlot', e.target.value)}>
        {Object.entries(timeSlotLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="stack-lg">
      <div>
        <h1 className="page-title">배포 채널 선택</h1>
        <p className="muted">채널마다 예상 비용과 노출 수를 확인하고 골라주세요.</p>
      </div>
      <ul className="channel-list">
        {channelOrder.map((c) => {
          const on = form[c].enabled;
          const est = on ? estimateFor(c) : undefined;
          return (
            <li key={c} className={`channel-card${on ? ' selected' : ''}`} data-channel={c}>
              <label className="channel-head">
                <input type="checkbox" checked={on} onChange={(e) => toggle(c, e.target.checked)} />
                <span className="channel-name">
                  <strong>{channelLabels[c]}</strong>
                  <span className="muted small">{descriptions[c]}</span>
                </span>
              </label>
              {on && (
                <div className="channel-options">
                  {c === 'uridongne_tv' && (
                    <>
                      <div className="segmented" role="group" aria-label="반경">
                        {['500m', '1km'].map((r) => (
                          <button key={r} type="button" className={form[c].options.radius === r ? 'active' : ''} aria-pressed={form[c].options.radius === r} onClick={() => setOption(c, 'radius', r)}>
                            반경 {r}
                          </button>
                        ))}
                      </div>
                      {timeSlotSelect(c)}
                    </>
                  )}
                  {c === 'ringo_biz' && (
                    <p className="small muted">
                      매장 번호 {formatPhone(event.store.phone)}의 연결음이 이벤트 안내로 바뀝니다.
                    </p>
                  )}
                  {c === 'genie_tv' && (
                    <>
                      <label className="inline-field">
                        타겟 지역
                        <input value={form[c].options.region} onChange={(e) => setOption(c, 'region', e.target.value)} />
                      </label>
                      {timeSlotSelect(c)}
                      <label className="inline-field">
                        예산 (원)
                        <input inputMode="numeric" value={form[c].options.budget} onChange={(e) => setOption(c, 'budget', e.target.value.replace(/\D/g, ''))} />
                      </label>
                    </>
                  )}
                  {snsChannels.includes(c) && (
                    <label className="inline-field">
                      예약 시간 <span className="muted small">(비우면 즉시)</span>
                      <input
                        type="datetime-local"
                        value={isoToSeoulLocal(form[c].options.scheduledAt ?? '')}
                        onChange={(e) => setOption(c, 'scheduledAt', seoulLocalToIso(e.target.value))}
                      />
                    </label>
                  )}
                  {errors[c] && (
                    <p className="field-error" role="alert">
                      {errors[c]}
                    </p>
                  )}
                  <p className="channel-estimate small" aria-live="polite">
                    {est ? (
                      <>
                        예상 비용 <strong>{formatKrw(est.costKrw)}</strong> · 예상 노출 <strong>{formatCount(est.expectedExposure)}회</strong>
                      </>
                    ) : estimate.isError ? (
                      <span className="muted">예상치를 불러오지 못했어요</span>
                    ) : (
                      <span className="muted">예상치 계산 중…</span>
                    )}
                  </p>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {estimate.isError && choices.length > 0 && <Alert>{errorMessage(estimate.error)}</Alert>}
      {banner && <Alert>{banner}</Alert>}
      <div className="sticky-actions stack-sm">
        <div className="total-bar" aria-live="polite">
          <span>총 예상 비용</span>
          <strong>{choices.length > 0 && estimate.data ? formatKrw(estimate.data.totalCostKrw) : formatKrw(0)}</strong>
          <span className="muted small">
            예상 노출 {choices.length > 0 && estimate.data ? formatCount(estimate.data.totalExposure) : 0}회
          </span>
        </div>
        <div className="actions">
          <Button variant="ghost" onClick={onBack}>
            이전
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            다음
          </Button>
        </div>
      </div>
    </div>
  );
}
