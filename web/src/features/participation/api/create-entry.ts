import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { normalizePhone } from '@/lib/format';
import { isMobilePhone, isPersonName, type FieldErrors } from '@/lib/validation';
import type { ChannelCode, EntryReceipt } from '@/types/api';

// UFR-PART-010
export type EntryInput = {
  name: string;
  phone: string;
  channel: ChannelCode | '';
  privacyConsent: boolean;
  marketingConsent: boolean;
};

export type EntryField = keyof EntryInput;

export function validateEntryInput(input: EntryInput): FieldErrors<EntryField> {
  const errors: FieldErrors<EntryField> = {};
  if (!isPersonName(input.name)) errors.name = '이름을 2자 이상 입력해주세요';
  if (!isMobilePhone(input.phone)) errors.phone = '휴대폰 번호를 정확히 입력해주세요 (예: 010-1234-5678)';
  if (!input.privacyConsent) errors.privacyConsent = '개인정보 수집·이용에 동의해주세요';
  return errors;
}

export function createEntry(eventId: string, input: EntryInput, consentVersion: string): Promise<EntryReceipt> {
  return api.post<EntryReceipt>(`/api/public/events/${eventId}/entries`, {
    name: input.name.trim(),
    phone: normalizePhone(input.phone),
    channel: input.channel || null,
    privacyConsent: input.privacyConsent,
    marketingConsent: input.marketingConsent,
    consentVersion,
  });
}

export function useCreateEntry(eventId: string, consentVersion: string) {
  return useMutation({ mutationFn: (input: EntryInput) => createEntry(eventId, input, consentVersion) });
}
