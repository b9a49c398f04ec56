import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { REFRESH_TOKEN_KEY, setSession, useAuthStore } from '@/lib/auth';
import { session } from '@/testing/data';
import { fakeGateway, problem } from '@/testing/http';
import { renderAt } from '@/testing/render';
import { LoginForm } from '../login-form';
import { LogoutButton } from '../logout-button';

async function login(keep: boolean) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('휴대폰 번호'), '010-1234-5678');
  await user.type(screen.getByLabelText('비밀번호'), 'abcd123!');
  if (keep) await user.click(screen.getByLabelText('로그인 유지'));
  await user.click(screen.getByRole('button', { name: '로그인' }));
}

describe('UFR_USER_020 login', () => {
  it('says which check failed in the words of the story', async () => {
    fakeGateway({ 'POST /api/auth/login': problem(401, 'invalid_credentials', '전화번호 또는 비밀번호를 확인해주세요') });
    renderAt(<LoginForm onSuccess={() => {}} />);
    await login(false);
    expect(await screen.findByRole('alert')).toHaveTextContent('전화번호 또는 비밀번호를 확인해주세요');
  });

  it('remembers the refresh token only when 로그인 유지 is ticked', async () => {
    const { requests } = fakeGateway({ 'POST /api/auth/login': { body: session() } });
    const onSuccess = vi.fn();
    renderAt(<LoginForm onSuccess={onSuccess} />);
    await login(true);
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(requests[0]!.body).toEqual({ phone: '01012345678', password: 'abcd123!', keepSignedIn: true });
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('keeps nothing in storage without 로그인 유지', async () => {
    fakeGateway({ 'POST /api/auth/login': { body: session() } });
    const onSuccess = vi.fn();
    renderAt(<LoginForm onSuccess={onSuccess} />);
    await login(false);
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(useAuthStore.getState().accessToken).toBe('access-1');
  });
});

describe('UFR_USER_040 logout', () => {
  it('asks first; 취소 keeps the session', async () => {
    setSession(session(), true);
    const { requests } = fakeGateway({});
    renderAt(<LogoutButton onLoggedOut={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: '로그아웃' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('로그아웃 하시겠습니까?');
    await userEvent.click(screen.getByRole('button', { name: '취소' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requests).toHaveLength(0);
    expect(useAuthStore.getState().status).toBe('signedIn');
  });

  it('확인 revokes on the server and forgets the tokens', async () => {
    setSession(session(), true);
    const { requests } = fakeGateway({ 'POST /api/auth/logout': { status: 204 } });
    const onLoggedOut = vi.fn();
    renderAt(<LogoutButton onLoggedOut={onLoggedOut} />);
    await userEvent.click(screen.getByRole('button', { name: '로그아웃' }));
    await userEvent.click(screen.getByRole('button', { name: '확인' }));
    await vi.waitFor(() => expect(onLoggedOut).toHaveBeenCalled());
    expect(requests[0]!.body).toEqual({ refreshToken: 'refresh-1' });
    expect(requests[0]!.headers.Authorization).toBe('Bearer access-1');
    expect(useAuthStore.getState().status).toBe('signedOut');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });
});
