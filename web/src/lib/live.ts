/**
 * Live hints for one event (GET /api/events/{id}/live, text/event-stream).
 *
 * EventSource cannot send the Authorization header, so this reads the stream with fetch and a
 * ReadableStream. Each message is only a hint ("distribution", "analytics", "event"): the page
 * invalidates its queries under ['events', id] and reads again. A dropped stream reconnects
 * with exponential backoff (1 s … 30 s), reset once a connection opens.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getAccessToken, refreshSession } from '@/lib/auth';
import { readSse, type SseMessage } from '@/lib/sse';

export function backoffDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** attempt);
}

export async function followLive(
  url: string,
  onMessage: (message: SseMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  let attempt = 0;
  while (!signal.aborted) {
    try {
      const token = getAccessToken();
      const response = await fetch(url, {
        headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        signal,
      });
      if (response.status === 401 && !(await refreshSession())) return;
      if (response.ok && response.body) {
        attempt = 0;
        await readSse(response.body, onMessage);
      }
    } catch {
      if (signal.aborted) return;
    }
    await sleep(backoffDelay(attempt++), signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Keeps the queries of one event fresh while the page is open. */
export function useEventLive(eventId: string | undefined, enabled = true): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!eventId || !enabled) return;
    const controller = new AbortController();
    void followLive(
      `/api/events/${eventId}/live`,
      (message) => {
        const scope = ['distribution', 'analytics'].includes(message.event) ? [message.event] : [];
        void queryClient.invalidateQueries({ queryKey: ['events', eventId, ...scope] });
      },
      controller.signal,
    );
    return () => controller.abort();
  }, [eventId, enabled, queryClient]);
}
