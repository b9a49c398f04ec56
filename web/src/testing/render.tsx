import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Toasts } from '@/components/ui/toasts';
import { createQueryClient } from '@/lib/query-client';

/** Renders `element` at `path` inside the app's providers; `routes` adds pages to land on. */
export function renderAt(element: ReactElement, { path = '/', pattern = '/', routes = {} as Record<string, ReactElement> } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(
    [{ path: pattern, element }, ...Object.entries(routes).map(([p, e]) => ({ path: p, element: e }))],
    { initialEntries: [path] },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toasts />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
