import { api } from '@/lib/api-client';
import type { EventDetail } from '@/types/api';
import { useDraftMutation } from './use-draft-mutation';

// UFR-EVENT-050: the draft becomes an event and distribution starts.
export function approveEvent(eventId: string): Promise<EventDetail> {
  return api.post<EventDetail>(`/api/events/${eventId}/approve`);
}

export function useApproveEvent(eventId: string) {
  return useDraftMutation(() => approveEvent(eventId));
}
