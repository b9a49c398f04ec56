import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ApiError, errorMessage } from '@/lib/api-client';
import { industryLabels } from '@/lib/labels';
import type { FieldErrors } from '@/lib/validation';
import type { Industry } from '@/types/api';
import { useRegister, validateRegisterInput, type RegisterField, type RegisterInput } from '../api/register';

const empty: RegisterInput = {
  name: '',
  phone: '',
  email: '',
  password: '',
  storeName: '',
  industry: '',
  address: '',
  openingHours: '',
  businessNumber: '',
};

const fieldNames = Object.keys(empty) as RegisterField[];

/** Server field names may arrive as "Name" or "store.name"; match them to the form's fields. */
function toFormField(key: string): RegisterField | undefined {
  const last = key.split('.').pop()!.toLowerCase();
  return fieldNames.find((f) => f.toLowerCase() === last || `store${last}` === f.toLowerCase());
}

function serverErrors(error: ApiError): { fields: FieldErrors<RegisterField>; banner?: string } {
  // The NTS being unreachable is not the owner's mistake: it reads as a banner, not under the field.
  if (error.code === 'business_check_unavailable') return { fields: {}, banner: error.message };
  const fields: FieldErrors<RegisterField> = {};
  for (const [key, messages] of Object.entries(error.fieldErrors)) {
    const field = toFormField(key);
    if (field && messages[0]) fields[field] = messages[0];
  }
  if (error.code.startsWith('business_')) fields.businessNumber ??= error.message;
  if (error.code === 'phone_taken') fields.phone ??= error.message;
  return { fields, banner: Object.keys(fields).length > 0 ? undefined : error.message };
}

export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const [input, setInput] = useState<RegisterInput>(empty);
  const [errors, setErrors] = useState<FieldErrors<RegisterField>>({});
  const [banner, setBanner] = useState<string>();
  const registerMutation = useRegister({ onRegistered: onSuccess });

  const set = (field: RegisterField) => (e: { target: { value: string } }) => {
    setInput((prev) => ({ ...prev, [field]: e.target.value }));
    setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setBanner(undefined);
    const found = validateRegisterInput(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    registerMutation.mutate(input, {
      onError: (error) => {
        if (error instanceof ApiError) {
          const { fields, banner } = serverErrors(error);
          setErrors(fields);
          setBanner(banner);
        } else setBanner(errorMessage(error));
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>기본 정보</legend>
        <TextField label="이름" autoComplete="name" value={input.name} onChange={set('name')} error={errors.name} />
        <TextField label="휴대폰 번호" type="tel" inputMode="tel" autoComplete="tel" placeholder="010-1234-5678" value={input.phone} onChange={set('phone')} error={errors.phone} />
        <TextField label="이메일" type="email" autoComplete="email" placeholder="owner@example.com" value={input.email} onChange={set('email')} error={errors.email} />
        <TextField label="비밀번호" type="password" autoComplete="new-password" value={input.password} onChange={set('password')} error={errors.password} hint="영문, 숫자, 특수문자를 포함해 8자 이상" />
      </fieldset>
      <fieldset>
        <legend>매장 정보</legend>
        <TextField label="매장명" value={input.storeName} onChange={set('storeName')} error={errors.storeName} />
        <SelectField label="업종" value={input.industry} onChange={set('industry')} error={errors.industry}>
          <option value="">선택해주세요</option>
          {(Object.keys(industryLabels) as Industry[]).map((code) => (
            <option key={code} value={code}>
              {industryLabels[code]}
            </option>
          ))}
        </SelectField>
        <TextField label="주소" autoComplete="street-address" placeholder="서울특별시 강남구 …" value={input.address} onChange={set('address')} error={errors.address} />
        <TextField label="영업시간" optional placeholder="예: 매일 10:00 - 22:00" value={input.openingHours} onChange={set('openingHours')} error={errors.openingHours} />
        <TextField label="사업자번호" inputMode="numeric" placeholder="123-45-67890" value={input.businessNumber} onChange={set('businessNumber')} error={errors.businessNumber} hint="국세청에서 휴·폐업 여부를 확인합니다" />
      </fieldset>
      {banner && <Alert>{banner}</Alert>}
      <Button type="submit" block loading={registerMutation.isPending}>
        {registerMutation.isPending ? '사업자번호 확인 중…' : '회원가입'}
      </Button>
    </form>
  );
}
