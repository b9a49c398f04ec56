import { useMutation, useQueryClient } from '@tanstack/react-query';
import { showToast } from '@/components/ui/toasts';
import { api } from '@/lib/api-client';
import type { EventDetail } from '@/types/api';
import { eventQueryOptions } from './get-event';

// UFR-ANAL-010: PUT /api/events/{id}/sales { salesIncreaseKrw } → 200 EventDetail with `sales`.
// Only an ended event has sales; reporting again corrects the figure.

/** The largest figure the server takes (100억원): beyond it is a typo, not a shop. */
export const MAX_SALES_INCREASE_KRW = 10_000_000_000;

export const SALES_FIGURE_MESSAGE = '매출 증가액을 0원 이상 100억원 이하의 금액으로 입력해주세요.';

/** "3,000,000", "3000000원" or " 3 000 000 " as won; undefined for anything else or out of range. */
export function parseWon(input: string): number | undefined {
  const digits = input.replace(/[\s,원]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const value = Number(digits);
  return value <= MAX_SALES_INCREASE_KRW ? value : undefined;
}

/**
 * ROI = (매출 증가액 − 이벤트 비용) / 이벤트 비용 × 100, in whole percent rounded half away from
 * zero, as the Event service computes it (−37.5 → −38, where Math.round would give −37).
 */
export function roiPercent(salesIncreaseKrw: number, costKrw: number): number {
  const exact = ((salesIncreaseKrw - costKrw) * 100) / costKrw;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

export function reportSales(eventId: string, salesIncreaseKrw: number): Promise<EventDetail> {
  return api.put<EventDetail>(`/api/events/${eventId}/sales`, { salesIncreaseKrw });
}

/** The answer is the event with its report, so it replaces the cached one at once. */
export function useReportSales(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (salesIncreaseKrw: number) => reportSales(eventId, salesIncreaseKrw),
    onSuccess: (event) => {
      queryClient.setQueryData(eventQueryOptions(eventId).queryKey, event);
      showToast('매출 성과를 저장했습니다');
    },
  });
}
