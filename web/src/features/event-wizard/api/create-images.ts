import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { EventImage } from '@/types/api';

// UFR-CONT-010: three styles (simple, fancy, trendy) of the selected plan.
export function createImages(eventId: string): Promise<{ images: EventImage[] }> {
  return api.post<{ images: EventImage[] }>(`/api/events/${eventId}/images`);
}

export function useCreateImages(eventId: string) {
  return useMutation({ mutationFn: () => createImages(eventId) });
}

export const imageUrl = (imageId: string) => `/api/images/${imageId}.svg`;
