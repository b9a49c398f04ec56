import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { ApiError, errorMessage } from '@/lib/api-client';
import { useLogin } from '../api/login';

export const LOGIN_FAILED_MESSAGE = '전화번호 또는 비밀번호를 확인해주세요';

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [keepSignedIn, setKeepSignedIn] = useState(false);
  const [error, setError] = useState<string>();
  const loginMutation = useLogin();

  function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    if (!phone.trim() || !password) {
      setError(LOGIN_FAILED_MESSAGE);
      return;
    }
    loginMutation.mutate(
      { phone, password, keepSignedIn },
      {
        onSuccess,
        onError: (e) =>
          setError(e instanceof ApiError && (e.status === 401 || e.code === 'validation_failed') ? LOGIN_FAILED_MESSAGE : errorMessage(e)),
      },
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label="휴대폰 번호" type="tel" inputMode="tel" autoComplete="username" placeholder="010-1234-5678" value={phone} onChange={(e) => setPhone(e.target.value)} />
      <TextField label="비밀번호" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <label className="checkbox">
        <input type="checkbox" checked={keepSignedIn} onChange={(e) => setKeepSignedIn(e.target.checked)} />
        로그인 유지
      </label>
      {error && <Alert>{error}</Alert>}
      <Button type="submit" block loading={loginMutation.isPending}>
        로그인
      </Button>
    </form>
  );
}
