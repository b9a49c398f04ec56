import { describe, expect, it } from 'vitest';
import { fakeGateway, problem } from '@/testing/http';
import { session } from '@/testing/data';
import { ApiError, api, apiStream, NETWORK_ERROR_MESSAGE } from '../api-client';
import { REFRESH_TOKEN_KEY, setSession, useAuthStore } from '../auth';

describe('api client', () => {
  it('sends the access token', async () => {
    setSession(session(), false);
    const { requests } = fakeGateway({ 'GET /api/events': { body: [] } });
    await api.get('/api/events');
    expect(requests[0]!.headers.Authorization).toBe('Bearer access-1');
  });

  it('refreshes once on 401 and retries with the new token (UFR_USER_020)', async () => {
    setSession(session(), true);
    const { requests } = fakeGateway({
      'GET /api/events': [problem(401, 'unauthorized', '로그인이 필요합니다'), { body: [{ id: 'e1' }] }],
      'POST /api/auth/refresh': { body: session({ accessToken: 'access-2', refreshToken: 'refresh-2' }) },
    });

    const events = await api.get<unknown[]>('/api/events');

    expect(events).toEqual([{ id: 'e1' }]);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/events', 'POST /api/auth/refresh', 'GET /api/events']);
    expect(requests[1]!.body).toEqual({ refreshToken: 'refresh-1' });
    expect(requests[2]!.headers.Authorization).toBe('Bearer access-2');
    // kept signed in: the rotated refresh token replaces the stored one
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
  });

  it('shares one refresh between requests failing together', async () => {
    setSession(session(), false);
    const { requests } = fakeGateway({
      'GET /api/events': [problem(401, 'unauthorized', 'x'), problem(401, 'unauthorized', 'x'), { body: [] }],
      'POST /api/auth/refresh': { body: session({ accessToken: 'access-2' }) },
    });
    await Promise.all([api.get('/api/events'), api.get('/api/events')]);
    expect(requests.filter((r) => r.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('signs out when the refresh token is refused, and does not retry a second time', async () => {
    setSession(session(), true);
    const { requests } = fakeGateway({
      'GET /api/events': problem(401, 'unauthorized', '로그인이 필요합니다'),
      'POST /api/auth/refresh': problem(401, 'refresh_token_invalid', '다시 로그인해주세요'),
    });

    await expect(api.get('/api/events')).rejects.toMatchObject({ status: 401 });

    expect(requests).toHaveLength(2);
    expect(useAuthStore.getState().status).toBe('signedOut');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('does not try to refresh a failed login', async () => {
    const { requests } = fakeGateway({
      'POST /api/auth/login': problem(401, 'invalid_credentials', '전화번호 또는 비밀번호를 확인해주세요'),
    });
    await expect(api.post('/api/auth/login', {})).rejects.toThrow('전화번호 또는 비밀번호를 확인해주세요');
    expect(requests).toHaveLength(1);
  });

  it('carries the ProblemDetails code, detail and field errors', async () => {
    fakeGateway({
      'POST /api/auth/register': problem(400, 'validation_failed', '입력값을 확인해주세요', { email: ['이메일 형식이 아닙니다'] }),
    });
    const error = (await api.post('/api/auth/register', {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('입력값을 확인해주세요');
    expect(error.fieldErrors).toEqual({ email: ['이메일 형식이 아닙니다'] });
  });

  it('says "잠시 후 다시 시도해주세요" when the network or the gateway is down', async () => {
    fakeGateway({ 'GET /api/events/e1': { status: 502 } });
    await expect(api.get('/api/events')).rejects.toThrow(NETWORK_ERROR_MESSAGE);
    await expect(api.get('/api/events/e1')).rejects.toThrow(NETWORK_ERROR_MESSAGE);
  });

  it('streams: a refusal before the stream starts is an ApiError with the problem, and no message is read (UFR_EVENT_030)', async () => {
    setSession(session(), false);
    const { requests } = fakeGateway({
      'POST /api/events/e2/recommendations/stream': problem(404, 'event_not_found', '이벤트를 찾을 수 없습니다.'),
    });
    const messages: unknown[] = [];

    const error = await apiStream('/api/events/e2/recommendations/stream', { method: 'POST', body: {} }, (m) => messages.push(m)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('event_not_found');
    expect((error as ApiError).message).toBe('이벤트를 찾을 수 없습니다.');
    expect(messages).toEqual([]);
    expect(requests[0]!.headers.Accept).toBe('text/event-stream');
    expect(requests[0]!.headers.Authorization).toBe('Bearer access-1');
  });
});
