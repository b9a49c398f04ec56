/**
 * The owner's and the customer's journey of issue #4 against the whole running system:
 * register → empty dashboard → wizard (purpose, AI plans, image, two channels, approval) →
 * distribution reaching 완료 → a customer's entry on the public page, then a duplicate →
 * participants = 1 on the detail page → logout.
 *
 *   E2E_BASE_URL         the web app (default http://localhost:5173), its /api proxied to the gateway
 *   E2E_BUSINESS_NUMBER  a number the NTS stand-in accepts (default: fresh random digits with a valid
 *                        check digit, which the Sandbox answers as 계속사업자; a number registers once)
 *   E2E_PHONE            the owner's phone (default: a fresh random 010 number per run)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, phoneContext, shot } from './browser';
import { random8, withCheckDigit } from './test-data';

const baseURL = process.env.E2E_BASE_URL ?? 'http://localhost:5173';
const businessNumber = process.env.E2E_BUSINESS_NUMBER ?? withCheckDigit(`1${random8()}`);
const ownerPhone = process.env.E2E_PHONE ?? `010${random8()}`;
const customerPhone = `010${random8()}`;
const title = 'E2E 가을 맞이 감사 이벤트';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function waitForParticipants(page: Page, count: number) {
  // The live stream should update it; a reload every 10 s covers a missed hint.
  for (let i = 0; i < 6; i++) {
    try {
      await page.getByTestId('participants').getByText(`${count}명`).waitFor({ timeout: 10_000 });
      return;
    } catch {
      await page.reload();
    }
  }
  throw new Error(`participants never reached ${count}`);
}

describe('UFR journey (issue #4)', () => {
  it('an owner creates and distributes an event, a customer enters it', async () => {
    const owner = await (await phoneContext(browser, baseURL)).newPage();
    try {
      await journey(owner);
    } catch (error) {
      await shot(owner, '99-failed');
      throw error;
    }
  });
});

async function journey(owner: Page) {

  // UFR-USER-010
  await owner.goto('/register');
  await owner.getByLabel('이름').fill('김사장');
  await owner.getByLabel('휴대폰 번호').fill(ownerPhone);
  await owner.getByLabel('이메일').fill(`owner${ownerPhone}@example.com`);
  await owner.getByLabel('비밀번호').fill('Passw0rd!');
  await owner.getByLabel('매장명').fill('행복한 카페');
  await owner.getByLabel('업종').selectOption('cafe');
  await owner.getByLabel('주소').fill('서울특별시 강남구 테헤란로 123');
  await owner.getByLabel('영업시간').fill('매일 10:00 - 22:00');
  await owner.getByLabel('사업자번호').fill(businessNumber);
  await shot(owner, '01-register');
  await owner.getByRole('button', { name: '회원가입' }).click();

  // UFR-EVENT-010: the welcome and the empty dashboard
  await owner.getByText('회원가입이 완료되었습니다').waitFor({ timeout: 20_000 });
  await owner.getByText('첫 이벤트를 만들어보세요').waitFor();
  await shot(owner, '02-dashboard-empty');

  // UFR-EVENT-020
  await owner.getByRole('link', { name: '새 이벤트 만들기', exact: true }).click();
  await owner.getByRole('heading', { name: '어떤 이벤트를 원하세요?' }).waitFor();
  await shot(owner, '03-purpose');
  await owner.getByRole('button', { name: /신규 고객 유치/ }).click();

  // UFR-EVENT-030
  await owner.waitForURL(/\/wizard\/recommendation$/);
  const eventId = /\/events\/([^/]+)\//.exec(owner.url())![1]!;
  await owner.getByText('추천 이벤트 3가지').waitFor({ timeout: 30_000 });
  await shot(owner, '04-recommendations');
  await owner.getByRole('radio').nth(1).check();
  await owner.locator('#title-medium').fill(title);
  await expect(owner.locator('.plan-card.selected .counter').textContent()).resolves.toBe(`${title.length}/50`);
  await shot(owner, '05-plan-selected');
  await owner.getByRole('button', { name: '다음' }).click();

  // UFR-CONT-010
  await owner.waitForURL(/\/wizard\/content$/);
  await owner.locator('.image-option').nth(2).waitFor({ timeout: 40_000 });
  await owner.locator('.image-option').nth(1).click();
  await owner.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.image-option img')].every((i) => i.complete));
  await shot(owner, '06-content');
  await owner.getByRole('button', { name: '다음' }).click();

  // UFR-EVENT-040: nothing chosen is refused, then two channels
  await owner.waitForURL(/\/wizard\/channels$/);
  await owner.getByRole('button', { name: '다음' }).click();
  await owner.getByText('배포 채널을 1개 이상 선택해주세요').waitFor();
  await owner.getByRole('checkbox', { name: /Instagram/ }).check();
  await owner.getByRole('checkbox', { name: /링고비즈/ }).check();
  await owner.locator('.channel-card.selected .channel-estimate strong').nth(3).waitFor({ timeout: 15_000 });
  await shot(owner, '07-channels');
  await owner.getByRole('button', { name: '다음' }).click();

  // UFR-EVENT-050
  await owner.waitForURL(/\/wizard\/approve$/);
  await owner.getByText(title).first().waitFor();
  await shot(owner, '08-approve');
  await owner.getByRole('button', { name: '승인 및 배포' }).click();
  await owner.getByRole('alertdialog').getByText('이벤트를 승인하고 배포하시겠습니까?').waitFor();
  await shot(owner, '09-approve-confirm', { fullPage: false });
  await owner.getByRole('alertdialog').getByRole('button', { name: '승인' }).click();

  // UFR-DIST-020: every channel reaches 완료
  await owner.waitForURL(new RegExp(`/events/${eventId}$`));
  await owner.getByText('이벤트가 생성되었습니다. 배포를 시작합니다.').waitFor();
  await shot(owner, '10-detail-distributing');
  await owner.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('.dist-row')];
      return rows.length === 2 && rows.every((r) => r.getAttribute('data-state') === 'succeeded');
    },
    undefined,
    { timeout: 90_000 },
  );
  await shot(owner, '11-detail-distributed');

  // UFR-PART-010: a customer, in a browser of their own
  const customer = await (await phoneContext(browser, baseURL)).newPage();
  await customer.goto(`/e/${eventId}`);
  await customer.getByText(title).first().waitFor();
  await shot(customer, '12-public');
  const enter = async () => {
    await customer.getByLabel('이름').fill('홍길동');
    await customer.getByLabel('휴대폰 번호').fill(customerPhone);
    await customer.getByLabel('참여 경로').selectOption('instagram');
    await customer.getByRole('checkbox', { name: /개인정보 수집·이용에 동의합니다/ }).check();
    await customer.getByRole('button', { name: '참여하기' }).click();
  };
  await enter();
  await customer.getByText('참여가 완료되었습니다').waitFor();
  await shot(customer, '13-entered');
  await customer.reload();
  await enter();
  await customer.getByText('이미 참여하신 이벤트입니다').waitFor();
  await shot(customer, '14-duplicate');

  // UFR-ANAL-010: the owner sees the one participant
  await waitForParticipants(owner, 1);
  await shot(owner, '15-detail-participants');

  // UFR-USER-040
  await owner.getByRole('button', { name: '로그아웃' }).click();
  await owner.getByRole('alertdialog').getByRole('button', { name: '확인' }).click();
  await owner.waitForURL(/\/login$/);
  await owner.getByText('안전하게 로그아웃되었습니다').waitFor();
  await shot(owner, '16-logged-out');
}
