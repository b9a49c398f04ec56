import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ChannelDistribution } from '@/types/api';

export type DistributionStatus = { eventId: string; channels: ChannelDistribution[] };

export function getDistribution(eventId: string, signal?: AbortSignal): Promise<DistributionStatus> {
  return api.get<DistributionStatus>(`/api/events/${eventId}/distribution`, signal);
}

export const distributionQueryKey = (eventId: string) => ['events', eventId, 'distribution'] as const;

export const distributionQueryOptions = (eventId: string) =>
  queryOptions({
    queryKey: distributionQueryKey(eventId),
    queryFn: ({ signal }) => getDistribution(eventId, signal),
  });

export function useDistribution(eventId: string) {
  return useQuery(distributionQueryOptions(eventId));
}
