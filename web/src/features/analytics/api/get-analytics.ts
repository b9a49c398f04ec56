import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AnalyticsSummary } from '@/types/api';

// UFR-ANAL-010
export function getAnalytics(eventId: string, signal?: AbortSignal): Promise<AnalyticsSummary> {
  return api.get<AnalyticsSummary>(`/api/events/${eventId}/analytics`, signal);
}

export const analyticsQueryOptions = (eventId: string) =>
  queryOptions({
    queryKey: ['events', eventId, 'analytics'],
    queryFn: ({ signal }) => getAnalytics(eventId, signal),
  });

export function useAnalytics(eventId: string) {
  return useQuery(analyticsQueryOptions(eventId));
}
