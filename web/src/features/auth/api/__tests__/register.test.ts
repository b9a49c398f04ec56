import { describe, expect, it } from 'vitest';
import { validateRegisterInput, type RegisterInput } from '../register';

const valid: RegisterInput = {
  name: '김사장',
  phone: '010-1234-5678',
  email: 'owner@example.com',
  password: 'abcd123!',
  storeName: '행복카페',
  industry: 'cafe',
  address: '서울특별시 강남구 테헤란로 1',
  openingHours: '',
  businessNumber: '123-45-67891',
};

describe('UFR_USER_010 register validation', () => {
  it('passes a complete form (opening hours are optional)', () => {
    expect(validateRegisterInput(valid)).toEqual({});
  });

  it('names every missing or malformed field', () => {
    const errors = validateRegisterInput({
      ...valid,
      name: '김',
      phone: '02-123-4567',
      email: 'owner',
      password: 'short',
      storeName: ' ',
      industry: '',
      address: '',
      businessNumber: '1234567890',
    });
    expect(Object.keys(errors).sort()).toEqual(
      ['address', 'businessNumber', 'email', 'industry', 'name', 'password', 'phone', 'storeName'].sort(),
    );
    expect(errors.businessNumber).toBe('사업자번호 10자리를 정확히 입력해주세요');
  });
});
