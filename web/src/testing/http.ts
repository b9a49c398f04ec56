/**
 * A fake gateway at the HTTP boundary: tests declare answers per "METHOD /path" and read back
 * what the app sent. Nothing of the app itself is mocked.
 */
import { vi } from 'vitest';

type Reply = { status?: number; body?: unknown } | ((request: RecordedRequest) => { status?: number; body?: unknown });

export type RecordedRequest = { method: string; path: string; headers: Record<string, string>; body: unknown };

export function fakeGateway(routes: Record<string, Reply | Reply[]>) {
  const requests: RecordedRequest[] = [];
  const queues = new Map(Object.entries(routes).map(([k, v]) => [k, Array.isArray(v) ? [...v] : [v]]));
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>));
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const queue = queues.get(`${method} ${url.pathname}`);
    if (!queue || queue.length === 0) throw new TypeError('Failed to fetch');
    const next = queue.length > 1 ? queue.shift()! : queue[0]!;
    const reply = typeof next === 'function' ? next(request) : next;
    const status = reply.status ?? 200;
    const isProblem = status >= 400;
    return new Response(status === 204 || reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'Content-Type': isProblem ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

export function problem(status: number, code: string, detail: string, errors?: Record<string, string[]>) {
  return { status, body: { status, code, detail, title: detail, ...(errors ? { errors } : {}) } };
}
