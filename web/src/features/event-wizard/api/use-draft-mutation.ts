import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventDetail } from '@/types/api';

/** Every wizard step answers the updated draft: put it in the cache, and let the dashboard list refresh. */
export function useDraftMutation<TInput>(mutationFn: (input: TInput) => Promise<EventDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (event) => {
      queryClient.setQueryData(['events', event.id], event);
      void queryClient.invalidateQueries({ queryKey: ['events'], exact: true });
    },
  });
}
