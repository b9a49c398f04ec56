import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { EventSummary } from '@/types/api';

// UFR-EVENT-010
export function getEvents(signal?: AbortSignal): Promise<EventSummary[]> {
  return api.get<EventSummary[]>('/api/events', signal);
}

export const eventsQueryOptions = () =>
  queryOptions({ queryKey: ['events'], queryFn: ({ signal }) => getEvents(signal) });

export function useEvents() {
  return useQuery(eventsQueryOptions());
}
