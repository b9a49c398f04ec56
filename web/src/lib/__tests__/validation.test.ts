import { describe, expect, it } from 'vitest';
import { isBusinessNumber, isEmail, isMobilePhone, isPersonName, isStrongPassword } from '../validation';

describe('UFR_USER_010 field rules', () => {
  it('accepts mobile numbers with or without dashes, and refuses others', () => {
    expect(isMobilePhone('010-1234-5678')).toBe(true);
    expect(isMobilePhone('01012345678')).toBe(true);
    expect(isMobilePhone('011-123-4567')).toBe(true);
    expect(isMobilePhone('02-1234-5678')).toBe(false);
    expect(isMobilePhone('010-1234')).toBe(false);
  });

  it('wants a name of two Korean or English letters', () => {
    expect(isPersonName('홍길동')).toBe(true);
    expect(isPersonName('Kim Lee')).toBe(true);
    expect(isPersonName('홍')).toBe(false);
    expect(isPersonName('홍길동1')).toBe(false);
  });

  it('checks the e-mail shape', () => {
    expect(isEmail('owner@example.com')).toBe(true);
    expect(isEmail('owner@example')).toBe(false);
  });

  it('wants 8+ characters with a letter, a digit and a special character', () => {
    expect(isStrongPassword('abcd123!')).toBe(true);
    expect(isStrongPassword('abcd1234')).toBe(false);
    expect(isStrongPassword('abcdefg!')).toBe(false);
    expect(isStrongPassword('a1!')).toBe(false);
  });

  it('checks the business number check digit', () => {
    expect(isBusinessNumber('123-45-67891')).toBe(true);
    expect(isBusinessNumber('1234567891')).toBe(true);
    expect(isBusinessNumber('1234567890')).toBe(false);
    expect(isBusinessNumber('12345')).toBe(false);
  });
});
