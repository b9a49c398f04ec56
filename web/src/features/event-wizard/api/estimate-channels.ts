import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ChannelChoice, ChannelPlan } from '@/types/api';

// UFR-EVENT-040: cost and exposure per channel, priced by the server.
export function estimateChannels(channels: ChannelChoice[], signal?: AbortSignal): Promise<ChannelPlan> {
  return api.post<ChannelPlan>('/api/channels/estimate', { channels }, signal);
}

export const channelEstimateQueryOptions = (channels: ChannelChoice[]) =>
  queryOptions({
    queryKey: ['channel-estimate', channels],
    queryFn: ({ signal }) => estimateChannels(channels, signal),
    enabled: channels.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** Pass choices already debounced: each distinct set of choices is one request. */
export function useChannelEstimate(channels: ChannelChoice[]) {
  return useQuery(channelEstimateQueryOptions(channels));
}
