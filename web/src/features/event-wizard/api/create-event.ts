import { api } from '@/lib/api-client';
import type { EventDetail, Purpose } from '@/types/api';
import { useDraftMutation } from './use-draft-mutation';

// UFR-EVENT-020
export function createEvent(purpose: Purpose): Promise<EventDetail> {
  return api.post<EventDetail>('/api/events', { purpose });
}

export function useCreateEvent() {
  return useDraftMutation(createEvent);
}
