import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ApiError, errorMessage } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { channelLabels, channelOrder } from '@/lib/labels';
import type { FieldErrors } from '@/lib/validation';
import type { ChannelCode, EntryReceipt, PublicEvent } from '@/types/api';
import { useCreateEntry, validateEntryInput, type EntryField, type EntryInput } from '../api/create-entry';

export const ALREADY_ENTERED = '이미 참여하신 이벤트입니다';

/** The channel a link was shared on (?ch=instagram) pre-selects 참여 경로. */
function detectedChannel(): ChannelCode | '' {
  const ch = new URLSearchParams(window.location.search).get('ch');
  return channelOrder.find((c) => c === ch) ?? '';
}

export function EntryForm({ event }: { event: PublicEvent }) {
  const [input, setInput] = useState<EntryInput>(() => ({
    name: '',
    phone: '',
    channel: detectedChannel(),
    privacyConsent: false,
    marketingConsent: false,
  }));
  const [errors, setErrors] = useState<FieldErrors<EntryField>>({});
  const [banner, setBanner] = useState<string>();
  const [receipt, setReceipt] = useState<EntryReceipt>();
  const entry = useCreateEntry(event.eventId, event.consentVersion);

  const update = <K extends EntryField>(field: K, value: EntryInput[K]) => {
    setInput((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setBanner(undefined);
    const found = validateEntryInput(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    entry.mutate(input, {
      onSuccess: setReceipt,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'already_entered') setBanner(ALREADY_ENTERED);
        else if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
          const fields: FieldErrors<EntryField> = {};
          for (const [key, messages] of Object.entries(error.fieldErrors)) {
            const field = (['name', 'phone', 'channel', 'privacyConsent'] as EntryField[]).find((f) => f.toLowerCase() === key.toLowerCase());
            if (field) fields[field] = messages[0];
          }
          setErrors(fields);
          if (Object.keys(fields).length === 0) setBanner(error.message);
        } else setBanner(errorMessage(error));
      },
    });
  }

  if (receipt)
    return (
      <div className="entry-done card stack" role="status">
        <div className="entry-done-icon" aria-hidden="true">
          ✓
        </div>
        <h2>참여가 완료되었습니다</h2>
        <p>
          응모 번호 <strong className="entry-number">{receipt.entryNumber}</strong>
        </p>
        <p className="muted">당첨 발표일: {formatDate(receipt.announceAt)}</p>
        <p className="muted small">당첨되시면 입력하신 번호로 안내드립니다.</p>
      </div>
    );

  return (
    <form className="form card" onSubmit={submit} noValidate aria-label="이벤트 참여">
      <TextField label="이름" autoComplete="name" value={input.name} onChange={(e) => update('name', e.target.value)} error={errors.name} />
      <TextField label="휴대폰 번호" type="tel" inputMode="tel" autoComplete="tel" placeholder="010-1234-5678" value={input.phone} onChange={(e) => update('phone', e.target.value)} error={errors.phone} />
      <SelectField label="참여 경로" optional value={input.channel} onChange={(e) => update('channel', e.target.value as ChannelCode | '')}>
        <option value="">선택 안 함</option>
        {channelOrder.map((c) => (
          <option key={c} value={c}>
            {c === 'ringo_biz' ? '매장 방문 (링고비즈)' : channelLabels[c]}
          </option>
        ))}
      </SelectField>
      <div className={`consent${errors.privacyConsent ? ' field-invalid' : ''}`}>
        <label className="checkbox">
          <input type="checkbox" checked={input.privacyConsent} onChange={(e) => update('privacyConsent', e.target.checked)} />
          <span>
            <strong>[필수]</strong> 개인정보 수집·이용에 동의합니다
          </span>
        </label>
        <p className="consent-text">{event.consentText}</p>
        {errors.privacyConsent && (
          <p className="field-error" role="alert">
            {errors.privacyConsent}
          </p>
        )}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={input.marketingConsent} onChange={(e) => update('marketingConsent', e.target.checked)} />
        <span>[선택] 마케팅 정보 수신에 동의합니다</span>
      </label>
      {banner && <Alert tone={banner === ALREADY_ENTERED ? 'info' : 'error'}>{banner}</Alert>}
      <Button type="submit" block loading={entry.isPending} disabled={!event.open}>
        {event.open ? '참여하기' : '참여가 마감되었습니다'}
      </Button>
    </form>
  );
}
