// How money, phones and dates read in the UI: "250,000원", "010-1234-5678", Asia/Seoul dates.

const won = new Intl.NumberFormat('ko-KR');

export function formatKrw(amount: number): string {
  return `${won.format(Math.round(amount))}원`;
}

export function formatCount(value: number): string {
  return won.format(Math.round(value));
}

/** Digits only: "010-1234-5678", "010 1234 5678" and "01012345678" all become "01012345678". */
export function normalizePhone(input: string): string {
  return input.replace(/\D/g, '');
}

export function formatPhone(input: string): string {
  const digits = normalizePhone(input);
  if (/^01\d{9}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  if (/^01\d{8}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  if (/^02\d{7,8}$/.test(digits)) return `02-${digits.slice(2, -4)}-${digits.slice(-4)}`;
  if (/^0\d{9,10}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, -4)}-${digits.slice(-4)}`;
  return input;
}

export function formatBusinessNumber(input: string): string {
  const digits = input.replace(/\D/g, '');
  return digits.length === 10 ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : input;
}

const seoulParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsInSeoul(iso: string) {
  const parts = Object.fromEntries(seoulParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/** "2026.11.21" in Seoul, whatever the browser's zone. */
export function formatDate(iso: string): string {
  const p = partsInSeoul(iso);
  return `${p.year}.${p.month}.${p.day}`;
}

/** "2026.11.21 09:30" in Seoul. */
export function formatDateTime(iso: string): string {
  const p = partsInSeoul(iso);
  return `${p.year}.${p.month}.${p.day} ${p.hour}:${p.minute}`;
}

export function formatPeriod(startsAt?: string | null, endsAt?: string | null): string {
  if (!startsAt && !endsAt) return '기간 미정';
  return `${startsAt ? formatDate(startsAt) : ''} ~ ${endsAt ? formatDate(endsAt) : ''}`.trim();
}

export function formatPercent(value: number): string {
  return `${won.format(Math.round(value))}%`;
}
