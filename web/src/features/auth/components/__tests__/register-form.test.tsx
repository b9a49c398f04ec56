import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '@/lib/auth';
import { session } from '@/testing/data';
import { fakeGateway, problem } from '@/testing/http';
import { renderAt } from '@/testing/render';
import { RegisterForm } from '../register-form';

async function fillValidForm() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('이름'), '김사장');
  await user.type(screen.getByLabelText('휴대폰 번호'), '010-1234-5678');
  await user.type(screen.getByLabelText('이메일'), 'owner@example.com');
  await user.type(screen.getByLabelText('비밀번호'), 'abcd123!');
  await user.type(screen.getByLabelText('매장명'), '행복카페');
  await user.selectOptions(screen.getByLabelText('업종'), '카페');
  await user.type(screen.getByLabelText('주소'), '서울특별시 강남구 테헤란로 1');
  await user.type(screen.getByLabelText('사업자번호'), '123-45-67891');
  return user;
}

describe('UFR_USER_010 register form', () => {
  it('shows the rules under the fields without calling the server', async () => {
    const { requests } = fakeGateway({});
    renderAt(<RegisterForm onSuccess={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: '회원가입' }));
    expect(screen.getByText('이름은 한글 또는 영문 2자 이상 입력해주세요')).toBeInTheDocument();
    expect(screen.getByText('업종을 선택해주세요')).toBeInTheDocument();
    expect(screen.getByText('사업자번호를 입력해주세요')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('sends normalised values and signs in on success', async () => {
    const { requests } = fakeGateway({ 'POST /api/auth/register': { status: 201, body: session() } });
    const onSuccess = vi.fn();
    renderAt(<RegisterForm onSuccess={onSuccess} />);
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: '회원가입' }));
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(requests[0]!.body).toMatchObject({ phone: '01012345678', businessNumber: '1234567891', industry: 'cafe', openingHours: null });
    expect(useAuthStore.getState().status).toBe('signedIn');
  });

  it("shows the NTS failure's detail under the business number", async () => {
    fakeGateway({ 'POST /api/auth/register': problem(400, 'business_closed', '폐업한 사업자입니다. 사업자번호를 확인해주세요') });
    renderAt(<RegisterForm onSuccess={() => {}} />);
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: '회원가입' }));
    const field = await screen.findByText('폐업한 사업자입니다. 사업자번호를 확인해주세요', { selector: '.field-error' });
    expect(field).toBeInTheDocument();
  });

  it("shows the server's per-field errors under their fields", async () => {
    fakeGateway({
      'POST /api/auth/register': problem(400, 'validation_failed', '입력값을 확인해주세요', { Email: ['이미 사용 중인 이메일입니다'] }),
    });
    renderAt(<RegisterForm onSuccess={() => {}} />);
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: '회원가입' }));
    expect(await screen.findByText('이미 사용 중인 이메일입니다')).toBeInTheDocument();
    expect(screen.getByLabelText('이메일')).toHaveAttribute('aria-invalid', 'true');
  });
});
