import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ChannelDistribution } from '@/types/api';

// UFR-DIST-020
export type DistributionStatus = { eventId: string; channels: ChannelDistribution[] };

export function getDistribution(eventId: string, signal?: AbortSignal): Promise<DistributionStatus> {
  return api.get<DistributionStatus>(`/api/events/${eventId}/distribution`, signal);
}

export const distributionQueryOptions = (eventId: string) =>
  queryOptions({
    queryKey: ['events', eventId, 'distribution'],
    queryFn: ({ signal }) => getDistribution(eventId, signal),
  });

export function useDistribution(eventId: string) {
  return useQuery(distributionQueryOptions(eventId));
}
