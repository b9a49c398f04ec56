import { useMutation, useQueryClient } from '@tanstack/react-query';
import { showToast } from '@/components/ui/toasts';
import { api } from '@/lib/api-client';
import type { EventDetail } from '@/types/api';
import { eventQueryOptions } from './get-event';

// UFR-ANAL-010: PUT /api/events/{id}/sales { salesIncreaseKrw } → 200 EventDetail with `sales`.
// Only an ended event has sales; reporting again corrects the figure.

export const SALES_FIGURE_MESSAGE = '매출 증가액을 0원 이상 100억원 이하의 금액으로 입력해주세요.';

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
