import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { setSession } from '@/lib/auth';
import { normalizePhone } from '@/lib/format';
import { isBusinessNumber, isEmail, isMobilePhone, isPersonName, isStrongPassword, type FieldErrors } from '@/lib/validation';
import type { Industry, Session } from '@/types/api';

// UFR-USER-010
export type RegisterInput = {
  name: string;
  phone: string;
  email: string;
  password: string;
  storeName: string;
  industry: Industry | '';
  address: string;
  openingHours: string;
  businessNumber: string;
};

export type RegisterField = keyof RegisterInput;

/** The server's rules, checked before sending so most mistakes show without a round trip. */
export function validateRegisterInput(input: RegisterInput): FieldErrors<RegisterField> {
  const errors: FieldErrors<RegisterField> = {};
  if (!isPersonName(input.name)) errors.name = '이름은 한글 또는 영문 2자 이상 입력해주세요';
  if (!isMobilePhone(input.phone)) errors.phone = '휴대폰 번호 형식으로 입력해주세요 (예: 010-1234-5678)';
  if (!isEmail(input.email)) errors.email = '올바른 이메일 형식으로 입력해주세요';
  if (!isStrongPassword(input.password)) errors.password = '비밀번호는 영문, 숫자, 특수문자를 포함해 8자 이상이어야 합니다';
  if (!input.storeName.trim()) errors.storeName = '매장명을 입력해주세요';
  if (!input.industry) errors.industry = '업종을 선택해주세요';
  if (!input.address.trim()) errors.address = '주소를 입력해주세요';
  if (!input.businessNumber.trim()) errors.businessNumber = '사업자번호를 입력해주세요';
  else if (!isBusinessNumber(input.businessNumber)) errors.businessNumber = '사업자번호 10자리를 정확히 입력해주세요';
  return errors;
}

export function register(input: RegisterInput): Promise<Session> {
  return api.post<Session>('/api/auth/register', {
    name: input.name.trim(),
    phone: normalizePhone(input.phone),
    email: input.email.trim(),
    password: input.password,
    storeName: input.storeName.trim(),
    industry: input.industry,
    address: input.address.trim(),
    openingHours: input.openingHours.trim() || null,
    businessNumber: input.businessNumber.replace(/\D/g, ''),
  });
}

/**
 * `onRegistered` runs before the session is set: setting it sends the auth pages away to the
 * dashboard, which unmounts the form, and callbacks given to `mutate` would then never run.
 */
export function useRegister({ onRegistered }: { onRegistered?: () => void } = {}) {
  return useMutation({
    mutationFn: register,
    // A new owner is not asked to sign in right after signing up; the session is kept for this tab.
    onSuccess: (session) => {
      onRegistered?.();
      setSession(session, false);
    },
  });
}
