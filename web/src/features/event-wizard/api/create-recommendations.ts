import { useState } from 'react';
import { ApiError, apiStream } from '@/lib/api-client';
import type { EventDetail, ProblemDetails, Trends } from '@/types/api';
import { useDraftMutation } from './use-draft-mutation';

/**
 * UFR-EVENT-030 in steps (POST …/recommendations/stream): the trends as soon as the analysis is
 * written (onTrends), then the draft with its plans saved, which this resolves to. Up to about 10 s;
 * refresh asks for new plans instead of the kept ones (다시 추천받기).
 */
export async function streamRecommendations(
  eventId: string,
  refresh: boolean,
  onTrends: (trends: Trends) => void,
  signal?: AbortSignal,
): Promise<EventDetail> {
  let saved: EventDetail | undefined;
  await apiStream(`/api/events/${eventId}/recommendations/stream`, { method: 'POST', body: { refresh }, signal }, (message) => {
    if (message.event === 'trends') onTrends(JSON.parse(message.data) as Trends);
    else if (message.event === 'event') saved = JSON.parse(message.data) as EventDetail;
    else if (message.event === 'error') {
      const problem = JSON.parse(message.data) as ProblemDetails;
      throw new ApiError(problem.status ?? 500, problem);
    }
  });
  // A stream that ends without the draft was cut short.
  if (!saved) throw new ApiError(0, {});
  return saved;
}

/** The recommendation step's request, with the trends that arrived before the plans (while it is pending). */
export function useCreateRecommendations(eventId: string) {
  const [trends, setTrends] = useState<Trends>();
  const mutation = useDraftMutation((refresh: boolean) => {
    setTrends(undefined);
    return streamRecommendations(eventId, refresh, setTrends);
  });
  return { ...mutation, trends };
}
