import { api } from '@/lib/api-client';
import type { EventDetail } from '@/types/api';
import { useDraftMutation } from './use-draft-mutation';

// UFR-CONT-010
export function selectImage(eventId: string, imageId: string): Promise<EventDetail> {
  return api.put<EventDetail>(`/api/events/${eventId}/image`, { imageId });
}

export function useSelectImage(eventId: string) {
  return useDraftMutation((imageId: string) => selectImage(eventId, imageId));
}
