/**
 * Every screen at 390×844 in Debian's chromium against this app's own dev server, the gateway
 * answered by e2e/fake-gateway.ts (or absent, for the error states). Screenshots land in
 * e2e/screenshots/screen-NN-*.png for a person to look at; the assertions check the words shown.
 */
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { launch, phoneContext, shot } from './browser';
import { initialState, installFakeGateway, sampleEvents, type FakeState } from './fake-gateway';

let server: ViteDevServer;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  // Nothing listens on this gateway port: requests that are not faked fail like a stopped gateway.
  process.env.services__gateway__http__0 = 'http://127.0.0.1:9';
  server = await createServer({ configFile: join(__dirname, '..', 'vite.config.ts'), server: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  await server.listen();
  baseURL = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function fakePage(state: FakeState = initialState()): Promise<Page> {
  const page = await (await phoneContext(browser, baseURL)).newPage();
  await installFakeGateway(page, state);
  return page;
}

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('휴대폰 번호').fill('010-1234-5678');
  await page.getByLabel('비밀번호').fill('Passw0rd!');
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: '내 이벤트' }).waitFor();
}

describe('screens with a fake gateway', () => {
  it('sign-in and sign-up, with their errors', async () => {
    const page = await fakePage();
    await page.goto('/login');
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    await shot(page, 'screen-01-login');
    await page.getByLabel('휴대폰 번호').fill('010-1234-5678');
    await page.getByLabel('비밀번호').fill('wrong');
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByText('전화번호 또는 비밀번호를 확인해주세요').waitFor();
    await shot(page, 'screen-02-login-failed');

    await page.goto('/register');
    await page.getByRole('button', { name: '회원가입' }).click();
    await page.getByText('매장명을 입력해주세요').waitFor();
    await shot(page, 'screen-03-register-errors');
    await page.getByLabel('이름').fill('김사장');
    await page.getByLabel('휴대폰 번호').fill('010-1234-5678');
    await page.getByLabel('이메일').fill('owner@example.com');
    await page.getByLabel('비밀번호').fill('Passw0rd!');
    await page.getByLabel('매장명').fill('행복한 카페');
    await page.getByLabel('업종').selectOption('cafe');
    await page.getByLabel('주소').fill('서울특별시 강남구 테헤란로 123');
    await page.getByLabel('사업자번호').fill('220-81-62517');
    await page.getByRole('button', { name: '회원가입' }).click();
    await page.getByText('폐업한 사업자입니다. 사업자번호를 확인해주세요').waitFor();
    await shot(page, 'screen-04-register-business-closed');
  });

  it('the wizard from an empty dashboard to the approval dialog', async () => {
    const state = initialState();
    state.trendsDelayMs = 1500;
    state.recommendationDelayMs = 2500;
    const page = await fakePage(state);
    await signIn(page);
    await page.getByText('첫 이벤트를 만들어보세요').waitFor();
    await shot(page, 'screen-05-dashboard-empty');

    await page.getByRole('link', { name: '새 이벤트 만들기', exact: true }).click();
    await shot(page, 'screen-06-purpose');
    await page.getByRole('button', { name: /매출 증대/ }).click();
    await page.getByText('AI가 트렌드를 분석하고 있어요…').waitFor();
    await shot(page, 'screen-07-recommendation-loading');
    await page.getByText('트렌드를 바탕으로 이벤트 기획안을 만들고 있어요…').waitFor();
    await shot(page, 'screen-07b-recommendation-trends-first');
    await page.getByText('추천 이벤트 3가지').waitFor({ timeout: 10_000 });
    await page.getByRole('radio').nth(1).check();
    await page.getByRole('group', { name: '중비용 진행 방식' }).getByRole('button', { name: '오프라인' }).click();
    await page.locator('#title-medium').fill('가을 한정 스탬프 챌린지');
    await shot(page, 'screen-08-recommendations');
    await page.getByRole('button', { name: '다음' }).click();

    await page.locator('.image-option').nth(2).waitFor();
    await page.locator('.image-option').nth(2).click();
    await shot(page, 'screen-09-content');
    await page.getByRole('button', { name: '다음' }).click();

    await page.waitForURL(/channels$/);
    await page.getByRole('button', { name: '다음' }).click();
    await page.getByText('배포 채널을 1개 이상 선택해주세요').waitFor();
    await page.getByRole('checkbox', { name: /우리동네TV/ }).check();
    await page.getByRole('checkbox', { name: /지니TV/ }).check();
    await page.getByRole('checkbox', { name: /Instagram/ }).check();
    await page.locator('.channel-card.selected .channel-estimate strong').nth(5).waitFor();
    await shot(page, 'screen-10-channels');
    await page.getByRole('button', { name: '다음' }).click();

    await page.waitForURL(/approve$/);
    await page.getByText('가을 한정 스탬프 챌린지').first().waitFor();
    await shot(page, 'screen-11-approve');
    await page.getByRole('button', { name: '승인 및 배포' }).click();
    await page.getByRole('alertdialog').waitFor();
    await shot(page, 'screen-12-approve-confirm', { fullPage: false });
    await page.getByRole('button', { name: '승인', exact: true }).click();
    await page.getByText('이벤트가 생성되었습니다. 배포를 시작합니다.').waitFor();
  });

  it('the dashboard with events, an event detail, and the customer page', async () => {
    const state = initialState();
    state.events = sampleEvents;
    const page = await fakePage(state);
    await signIn(page);
    await page.getByRole('region', { name: /진행중/ }).waitFor();
    await page.getByText('참여 342명').waitFor();
    await shot(page, 'screen-13-dashboard');
    await page.getByRole('link', { name: '종료 이벤트 전체보기' }).click();
    await page.getByRole('list', { name: '종료 이벤트' }).waitFor();
    await shot(page, 'screen-13b-events-list');
    await page.getByRole('link', { name: /진행중 2/ }).click();
    await page.getByRole('link', { name: /가을 시즌 스탬프 챌린지/ }).click();
    await page.getByText('배포 현황').waitFor();
    await page.getByText('128명').waitFor();
    await page.locator('img.qr').waitFor();
    await shot(page, 'screen-14-detail');

    const desktop = await (await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' })).newPage();
    await installFakeGateway(desktop, state);
    await signIn(desktop);
    await desktop.getByRole('region', { name: /진행중/ }).waitFor();
    await shot(desktop, 'screen-14b-dashboard-desktop');

    const customer = await fakePage(state);
    await customer.goto('/e/e1?ch=instagram');
    await customer.getByLabel('이름').waitFor();
    await shot(customer, 'screen-15-public');
    await customer.getByRole('button', { name: '참여하기' }).click();
    await customer.getByText('개인정보 수집·이용에 동의해주세요').waitFor();
    await shot(customer, 'screen-16-public-errors');
    await customer.getByLabel('이름').fill('홍길동');
    await customer.getByLabel('휴대폰 번호').fill('010-9876-5432');
    await customer.getByRole('checkbox', { name: /개인정보 수집·이용에 동의합니다/ }).check();
    await customer.getByRole('button', { name: '참여하기' }).click();
    await customer.getByText('참여가 완료되었습니다').waitFor();
    await shot(customer, 'screen-17-entered');
    await customer.reload();
    await customer.getByLabel('이름').fill('홍길동');
    await customer.getByLabel('휴대폰 번호').fill('01098765432');
    await customer.getByRole('checkbox', { name: /개인정보 수집·이용에 동의합니다/ }).check();
    await customer.getByRole('button', { name: '참여하기' }).click();
    await customer.getByText('이미 참여하신 이벤트입니다').waitFor();
    await shot(customer, 'screen-18-duplicate');

    await page.getByRole('button', { name: '로그아웃' }).click();
    await shot(page, 'screen-19-logout-confirm', { fullPage: false });
    await page.getByRole('button', { name: '확인' }).click();
    await page.getByText('안전하게 로그아웃되었습니다').waitFor();
    await shot(page, 'screen-20-logged-out');
  });
});

describe('an ended event', () => {
  it('takes the owner\'s sales and shows the ROI against the AI\'s prediction (UFR-ANAL-010)', async () => {
    const state = initialState();
    state.events = sampleEvents;
    const page = await fakePage(state);
    await signIn(page);
    await page.getByRole('link', { name: /여름 빙수 페스티벌/ }).click();
    const panel = page.getByRole('region', { name: '이벤트 ROI' });
    await panel.getByLabel('매출 증가액 (원)').waitFor();
    await page.getByText('517명').waitFor();
    await panel.getByRole('button', { name: 'ROI 계산하고 저장' }).click();
    await panel.getByText('매출 증가액을 입력해주세요.').waitFor();
    await panel.getByLabel('매출 증가액 (원)').fill('1200000');
    // 1,200,000원 of sales on a 450,000원 plan: (1,200,000 − 450,000) ÷ 450,000 × 100 = 167 %.
    await panel.getByText('ROI +167% = (1,200,000원 − 450,000원) ÷ 450,000원 × 100').waitFor();
    await shot(page, 'screen-23-roi-form');
    await panel.getByRole('button', { name: 'ROI 계산하고 저장' }).click();
    await panel.getByTestId('actual-roi').getByText('+167%').waitFor();
    await panel.getByText('AI 예상보다 73%p 낮아요. 이벤트 비용을 모두 회수했어요.').waitFor();
    await shot(page, 'screen-24-roi-result');
  });
});

describe('screens with the gateway down', () => {
  it('says to try again later', async () => {
    const page = await (await phoneContext(browser, baseURL)).newPage();
    await page.goto('/login');
    await page.getByLabel('휴대폰 번호').fill('010-1234-5678');
    await page.getByLabel('비밀번호').fill('Passw0rd!');
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByText('잠시 후 다시 시도해주세요').waitFor({ timeout: 15_000 });
    await shot(page, 'screen-21-gateway-down-login');
    await page.goto('/e/unknown');
    await page.getByText('잠시 후 다시 시도해주세요').waitFor({ timeout: 15_000 });
    await shot(page, 'screen-22-gateway-down-public');
  });
});
