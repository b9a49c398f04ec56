import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { setSession } from '@/lib/auth';
import { normalizePhone } from '@/lib/format';
import type { Session } from '@/types/api';

// UFR-USER-020
export type LoginInput = { phone: string; password: string; keepSignedIn: boolean };

export function login(input: LoginInput): Promise<Session> {
  return api.post<Session>('/api/auth/login', { ...input, phone: normalizePhone(input.phone) });
}

export function useLogin() {
  return useMutation({
    mutationFn: login,
    onSuccess: (session, input) => setSession(session, input.keepSignedIn),
  });
}
