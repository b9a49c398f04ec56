import { useMutation, useQueryClient } from '@tanstack/react-query';
import { showToast } from '@/components/ui/toasts';
import { api, errorMessage } from '@/lib/api-client';
import type { ChannelCode, ChannelDistribution } from '@/types/api';
import { distributionQueryKey, type DistributionStatus } from './get-distribution';

// UFR-DIST-020 재시도/취소: POST /api/events/{id}/distribution/{channel}/retry | cancel → 202 with the channel.

export type ChannelAction = 'retry' | 'cancel';

export function changeChannel(eventId: string, channel: ChannelCode, action: ChannelAction): Promise<ChannelDistribution> {
  return api.post<ChannelDistribution>(`/api/events/${eventId}/distribution/${channel}/${action}`);
}

/**
 * The answer is the channel as it is now, so it goes straight into the list; the list is read again
 * too, because the worker may already have moved on (the live hints keep it fresh after that).
 * A refusal (409: it is no longer failed, or already being posted) is shown as the server words it.
 */
export function useChangeChannel(eventId: string, channel: ChannelCode, action: ChannelAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => changeChannel(eventId, channel, action),
    onSuccess: (changed) => {
      queryClient.setQueryData<DistributionStatus>(distributionQueryKey(eventId), (current) =>
        current && {
          ...current,
          channels: current.channels.map((item) => (item.channel === changed.channel ? changed : item)),
        },
      );
      showToast(action === 'retry' ? '다시 배포를 시작했습니다' : '배포를 취소했습니다');
    },
    onError: (error) => showToast(errorMessage(error), 'error'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: distributionQueryKey(eventId) }),
  });
}
