import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { EventDetail } from '@/types/api';

export function getEvent(eventId: string, signal?: AbortSignal): Promise<EventDetail> {
  return api.get<EventDetail>(`/api/events/${eventId}`, signal);
}

export const eventQueryOptions = (eventId: string) =>
  queryOptions({ queryKey: ['events', eventId], queryFn: ({ signal }) => getEvent(eventId, signal) });

export function useEvent(eventId: string) {
  return useQuery(eventQueryOptions(eventId));
}
