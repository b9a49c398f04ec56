import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PublicEvent } from '@/types/api';

// UFR-PART-010: anonymous
export function getPublicEvent(eventId: string, signal?: AbortSignal): Promise<PublicEvent> {
  return api.get<PublicEvent>(`/api/public/events/${eventId}`, signal);
}

export const publicEventQueryOptions = (eventId: string) =>
  queryOptions({ queryKey: ['public-events', eventId], queryFn: ({ signal }) => getPublicEvent(eventId, signal) });

export function usePublicEvent(eventId: string) {
  return useQuery(publicEventQueryOptions(eventId));
}
