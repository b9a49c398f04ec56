/**
 * The one way the app talks to the gateway: JSON in and out, the Bearer token attached, one
 * refresh-and-retry when an owner route answers 401, and every failure turned into an ApiError
 * whose message is Korean and fit to show as is (the ProblemDetails `detail`, or a fallback).
 */
import { getAccessToken, refreshSession, useAuthStore } from '@/lib/auth';
import { readSse, type SseMessage } from '@/lib/sse';
import type { ProblemDetails } from '@/types/api';

export const NETWORK_ERROR_MESSAGE = '잠시 후 다시 시도해주세요';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: Record<string, string[]>;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? fallbackMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network_error' : `http_${status}`);
    this.fieldErrors = problem.errors ?? {};
  }
}

function fallbackMessage(status: number): string {
  if (status === 401) return '다시 로그인해주세요';
  if (status === 403) return '권한이 없습니다';
  if (status === 404) return '찾을 수 없습니다';
  if (status === 429) return '요청이 많습니다. 잠시 후 다시 시도해주세요';
  return NETWORK_ERROR_MESSAGE;
}

/** The message to show for anything a request threw. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : NETWORK_ERROR_MESSAGE;
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
};

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await sendSignedIn(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * A request whose answer is a stream of server-sent events: the same token, refresh and
 * ProblemDetails handling as apiRequest until the stream starts, then each message to onMessage as
 * it arrives. Resolves when the server ends the stream.
 */
export async function apiStream(path: string, options: RequestOptions, onMessage: (message: SseMessage) => void): Promise<void> {
  const response = await sendSignedIn(path, { ...options, accept: 'text/event-stream' });
  if (!response.body) throw new ApiError(0, {});
  try {
    await readSse(response.body, onMessage);
  } catch (error) {
    if (options.signal?.aborted || error instanceof ApiError) throw error;
    // The connection broke mid-stream.
    throw new ApiError(0, {});
  }
}

/** The response, after one refresh-and-retry when an owner route answers 401; a failure status throws its ApiError. */
async function sendSignedIn(path: string, options: RequestOptions & { accept?: string }): Promise<Response> {
  let response = await send(path, options);
  const hadToken = getAccessToken() !== null || useAuthStore.getState().refreshToken !== null;
  if (response.status === 401 && hadToken && !path.startsWith('/api/auth/')) {
    if (await refreshSession()) response = await send(path, options);
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return response;
}

async function send(path: string, { method = 'GET', body, signal, accept = 'application/json' }: RequestOptions & { accept?: string }): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, {});
  }
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  // A proxy with the gateway down answers 502/504 with no JSON at all; only 4xx details are ours.
  try {
    const problem = (await response.json()) as ProblemDetails;
    return typeof problem === 'object' && problem !== null ? problem : {};
  } catch {
    return {};
  }
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown, signal?: AbortSignal) =>
    apiRequest<T>(path, { method: 'POST', body: body ?? {}, signal }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
};
