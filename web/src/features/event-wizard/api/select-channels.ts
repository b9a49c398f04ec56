import { api } from '@/lib/api-client';
import type { ChannelChoice, EventDetail } from '@/types/api';
import { useDraftMutation } from './use-draft-mutation';

// UFR-EVENT-040
export function selectChannels(eventId: string, channels: ChannelChoice[]): Promise<EventDetail> {
  return api.put<EventDetail>(`/api/events/${eventId}/channels`, { channels });
}

export function useSelectChannels(eventId: string) {
  return useDraftMutation((channels: ChannelChoice[]) => selectChannels(eventId, channels));
}
