import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { EventDetail } from '@/types/api';

/** The draft as the server keeps it: purpose, recommendation, plan, image and channels, so a reload resumes. */
export function getDraft(eventId: string, signal?: AbortSignal): Promise<EventDetail> {
  return api.get<EventDetail>(`/api/events/${eventId}`, signal);
}

// Same key as the event itself: the wizard and the detail page share one cache entry.
export const draftQueryOptions = (eventId: string) =>
  queryOptions({ queryKey: ['events', eventId], queryFn: ({ signal }) => getDraft(eventId, signal) });

export function useDraft(eventId: string) {
  return useQuery(draftQueryOptions(eventId));
}
