import { channelOrder } from '@/lib/labels';
import type { ChannelChoice, ChannelCode, ChannelOptions, EventDetail } from '@/types/api';

// UFR-EVENT-040: the six channels and their options (docs/api.md).
export type ChannelForm = Record<ChannelCode, { enabled: boolean; options: ChannelOptions }>;

export const NO_CHANNELS = '배포 채널을 1개 이상 선택해주세요';
export const GENIE_BUDGET_MIN = 100_000;
export const GENIE_BUDGET_MAX = 10_000_000;
export const snsChannels: ChannelCode[] = ['instagram', 'naver_blog', 'kakao_channel'];

export function initialChannelForm(event: EventDetail): ChannelForm {
  const region = event.store.address.split(/\s+/).slice(0, 2).join(' ');
  const form: ChannelForm = {
    uridongne_tv: { enabled: false, options: { radius: '500m', timeSlot: 'weekday_evening' } },
    ringo_biz: { enabled: false, options: {} },
    genie_tv: { enabled: false, options: { region, timeSlot: 'all_day', budget: '500000' } },
    instagram: { enabled: false, options: { scheduledAt: '' } },
    naver_blog: { enabled: false, options: { scheduledAt: '' } },
    kakao_channel: { enabled: false, options: { scheduledAt: '' } },
  };
  for (const saved of event.channelPlan?.channels ?? []) {
    form[saved.channel] = { enabled: true, options: { ...form[saved.channel].options, ...saved.options } };
  }
  return form;
}

/** The request body: enabled channels only, empty optional values left out (scheduledAt absent = now). */
export function toChoices(form: ChannelForm): ChannelChoice[] {
  return channelOrder
    .filter((c) => form[c].enabled)
    .map((channel) => ({
      channel,
      options: Object.fromEntries(Object.entries(form[channel].options).filter(([, v]) => v.trim() !== '')),
    }));
}

export function validateChannelForm(form: ChannelForm): Partial<Record<ChannelCode, string>> | string {
  if (!channelOrder.some((c) => form[c].enabled)) return NO_CHANNELS;
  const errors: Partial<Record<ChannelCode, string>> = {};
  if (form.genie_tv.enabled) {
    const budget = Number(form.genie_tv.options.budget);
    if (!form.genie_tv.options.region?.trim()) errors.genie_tv = '타겟 지역을 입력해주세요';
    else if (!Number.isInteger(budget) || budget < GENIE_BUDGET_MIN || budget > GENIE_BUDGET_MAX)
      errors.genie_tv = '예산은 100,000원 이상 10,000,000원 이하로 입력해주세요';
  }
  return errors;
}

const seoul = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** <input type="datetime-local"> holds Seoul wall-clock time; the API wants an ISO instant. */
export function seoulLocalToIso(local: string): string {
  return local ? new Date(`${local}:00+09:00`).toISOString() : '';
}

export function isoToSeoulLocal(iso: string): string {
  return iso ? seoul.format(new Date(iso)).replace(' ', 'T') : '';
}
