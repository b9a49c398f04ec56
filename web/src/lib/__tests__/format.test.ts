import { describe, expect, it } from 'vitest';
import { formatBusinessNumber, formatDate, formatDateTime, formatKrw, formatPeriod, formatPhone, normalizePhone } from '../format';

describe('formatKrw', () => {
  it('groups thousands and appends 원', () => {
    expect(formatKrw(250000)).toBe('250,000원');
    expect(formatKrw(0)).toBe('0원');
    expect(formatKrw(10_000_000)).toBe('10,000,000원');
  });
});

describe('phones', () => {
  it('normalises any common form to digits', () => {
    expect(normalizePhone('010-1234-5678')).toBe('01012345678');
    expect(normalizePhone('010 1234 5678')).toBe('01012345678');
  });

  it('shows mobile and landline numbers with dashes', () => {
    expect(formatPhone('01012345678')).toBe('010-1234-5678');
    expect(formatPhone('0111234567')).toBe('011-123-4567');
    expect(formatPhone('0212345678')).toBe('02-1234-5678');
    expect(formatPhone('0311234567')).toBe('031-123-4567');
  });

  it('leaves what it does not recognise as it was', () => {
    expect(formatPhone('12345')).toBe('12345');
  });
});

describe('dates in Asia/Seoul', () => {
  it('shows the Seoul day, which may be the next UTC day', () => {
    expect(formatDate('2026-11-20T16:30:00Z')).toBe('2026.11.21');
    expect(formatDateTime('2026-11-20T16:30:00Z')).toBe('2026.11.21 01:30');
  });

  it('writes a period, or says it is not set', () => {
    expect(formatPeriod('2026-11-21T00:00:00Z', '2026-12-04T14:59:00Z')).toBe('2026.11.21 ~ 2026.12.04');
    expect(formatPeriod(null, null)).toBe('기간 미정');
  });
});

describe('formatBusinessNumber', () => {
  it('shows 3-2-5 digits', () => {
    expect(formatBusinessNumber('1234567891')).toBe('123-45-67891');
  });
});
