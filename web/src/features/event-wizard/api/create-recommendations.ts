import { api } from '@/lib/api-client';
import type { EventDetail } from '@/types/api';
import { useDraftMutation } from './use-draft-mutation';

// UFR-EVENT-030: may take up to 10 s; refresh asks for new plans instead of the cached ones.
export function createRecommendations(eventId: string, refresh: boolean): Promise<EventDetail> {
  return api.post<EventDetail>(`/api/events/${eventId}/recommendations`, { refresh });
}

export function useCreateRecommendations(eventId: string) {
  return useDraftMutation((refresh: boolean) => createRecommendations(eventId, refresh));
}
