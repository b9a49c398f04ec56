/**
 * A stand-in gateway inside the browser (page.route), answering docs/api.md with fixed data,
 * so every screen can be looked at without the back end. The journey spec uses the real one.
 */
import type { Page, Route } from 'playwright-core';
import { roiPercent } from '../src/lib/roi';

const now = Date.parse('2026-11-21T01:00:00Z');
const iso = (days: number) => new Date(now + days * 86_400_000).toISOString();

const store = { storeId: 's1', name: '행복한 카페', industry: 'cafe', address: '서울특별시 강남구 테헤란로 123', phone: '0212345678' };
const owner = { userId: 'u1', name: '김사장', phone: '01012345678', email: 'owner@example.com', store: { ...store, openingHours: '매일 10:00 - 22:00', businessNumber: '1234567891' } };
const session = { accessToken: 'a', accessTokenExpiresAt: iso(1), refreshToken: 'r', refreshTokenExpiresAt: iso(30), owner };

const tiers = ['low', 'medium', 'high'] as const;
const plans = tiers.flatMap((budgetTier, t) =>
  (['online', 'offline'] as const).map((kind) => ({
    planId: `${budgetTier}-${kind}`,
    budgetTier,
    kind,
    title: ['첫 방문 인증샷 이벤트', '가을 시즌 스탬프 챌린지', '단골 고객 감사 대축제'][t]! + (kind === 'offline' ? ' (매장)' : ''),
    prize: ['아메리카노 1잔', '케이크 세트', '에어팟 프로'][t]!,
    participationMethod: kind === 'online' ? '인스타그램에 매장 사진을 올리고 해시태그 달기' : '매장 방문 후 QR 코드로 응모',
    promotionLines: ['가을엔 행복한 카페', '인증하면 커피 한 잔', '친구와 함께', '매일 추첨', '지금 참여하세요'],
    expectedParticipants: [180, 320, 650][t]!,
    costKrw: [150_000, 450_000, 1_200_000][t]!,
    expectedRoiPercent: [320, 240, 180][t]!,
    ktMembershipPoints: 0,
    durationDays: 14,
    prizeQuantity: [20, 10, 1][t]!,
  })),
);
const trend = (title: string, narrative: string, figures: [string, string][]) => ({ title, narrative, figures: figures.map(([label, value]) => ({ label, value })) });
const recommendation = {
  trends: {
    industry: trend('카페 업종은 SNS 인증 이벤트가 강세', '최근 3개월 카페 이벤트 중 인증샷 참여형의 성공률이 가장 높았어요. 음료 쿠폰 경품 선호도가 높습니다.', [['성공률', '68%'], ['선호 경품', '음료 쿠폰']]),
    region: trend('강남구: 직장인 점심·퇴근 시간대', '평일 12시와 18시 전후 참여가 몰립니다. 지역 이벤트 평균 참여율은 4.2%예요.', [['평균 참여율', '4.2%'], ['피크', '평일 18시']]),
    season: trend('가을 시즌, 할로윈 앞둔 시기', '10~11월은 시즌 한정 메뉴와 연계한 이벤트의 반응이 좋아요.', [['추천', '시즌 메뉴 연계']]),
  },
  plans,
  metadata: { engine: 'claude', cacheHit: false, syntheticData: true, recommendationId: 'r1', generatedAt: iso(0), stages: [], inputTokens: 0, outputTokens: 0 },
};
const images = (['simple', 'fancy', 'trendy'] as const).map((style, i) => ({ imageId: `img-${style}`, eventId: 'e-new', style, width: 1080, height: 1080, selected: i === 0 }));
const svg = (label: string, color: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1080" viewBox="0 0 1080 1080"><rect width="1080" height="1080" fill="${color}"/><text x="540" y="520" font-size="96" text-anchor="middle" fill="#fff" font-family="sans-serif">${label}</text><text x="540" y="660" font-size="56" text-anchor="middle" fill="#fff" font-family="sans-serif">가을 시즌 스탬프 챌린지</text></svg>`;

const channelPlan = {
  channels: [
    { channel: 'instagram', options: {}, costKrw: 0, expectedExposure: 3200 },
    { channel: 'ringo_biz', options: {}, costKrw: 30_000, expectedExposure: 800 },
  ],
  totalCostKrw: 30_000,
  totalExposure: 4000,
};

export type FakeState = {
  events: unknown[];
  draft: Record<string, unknown>;
  /** How long the analysis takes before the stream sends its trends; the plans follow after recommendationDelayMs. */
  trendsDelayMs: number;
  recommendationDelayMs: number;
  entries: Set<string>;
  participants: number;
  /** The sales reported for the ended event e4 (UFR-ANAL-010), once PUT …/sales was answered. */
  sales?: { salesIncreaseKrw: number; costKrw: number; roiPercent: number; expectedRoiPercent: number; reportedAt: string };
};

export function initialState(): FakeState {
  return {
    events: [],
    draft: { id: 'e-new', status: 'draft', purpose: 'new_customers', store, createdAt: iso(0) },
    trendsDelayMs: 0,
    recommendationDelayMs: 0,
    entries: new Set(),
    participants: 0,
  };
}

export const sampleEvents = [
  { id: 'e1', status: 'active', title: '가을 시즌 스탬프 챌린지', purpose: 'revisit', startsAt: iso(-3), endsAt: iso(11), createdAt: iso(-4), imageId: 'img-fancy', participants: 128, exposures: 18430 },
  { id: 'e2', status: 'active', title: '첫 방문 인증샷 이벤트', purpose: 'new_customers', startsAt: iso(-10), endsAt: iso(4), createdAt: iso(-11), participants: 342, exposures: 41200 },
  { id: 'e3', status: 'scheduled', title: '크리스마스 케이크 추첨', purpose: 'sales', startsAt: iso(20), endsAt: iso(34), createdAt: iso(-1), participants: 0, exposures: 0 },
  { id: 'e4', status: 'ended', title: '여름 빙수 페스티벌', purpose: 'awareness', startsAt: iso(-90), endsAt: iso(-76), createdAt: iso(-92), imageId: 'img-trendy', participants: 517, exposures: 60300 },
  ...['봄맞이 리뷰 이벤트', '어린이날 가족 할인', '설날 선물세트 추첨', '개업 1주년 감사제', '겨울 핫초코 증정'].map((title, i) => ({
    id: `e${5 + i}`,
    status: 'ended',
    title,
    purpose: 'sales',
    startsAt: iso(-120 - 30 * i),
    endsAt: iso(-106 - 30 * i),
    createdAt: iso(-122 - 30 * i),
    participants: 80 + 37 * i,
    exposures: 9000 + 2100 * i,
  })),
];

const approved = () => ({
  id: 'e1',
  status: 'active',
  purpose: 'revisit',
  store,
  recommendation,
  selectedPlan: plans[2],
  imageId: 'img-fancy',
  channelPlan,
  startsAt: iso(-3),
  endsAt: iso(11),
  approvedAt: iso(-3),
  createdAt: iso(-4),
});

/** e4, 여름 빙수 페스티벌: ended, with the sales the owner reported (if any). */
const ended = (state: FakeState) => ({
  id: 'e4',
  status: 'ended',
  purpose: 'awareness',
  store,
  recommendation,
  selectedPlan: { ...plans[3]!, title: '여름 빙수 페스티벌', prize: '빙수 1+1 쿠폰' },
  imageId: 'img-trendy',
  channelPlan,
  startsAt: iso(-90),
  endsAt: iso(-76),
  approvedAt: iso(-90),
  createdAt: iso(-92),
  sales: state.sales ?? null,
});

/** A channel of GET /api/events/{id}/distribution, with the fields every channel has (docs/api.md). */
const distributed = (channel: Record<string, unknown>) => ({
  maxAttempts: 3,
  retryable: false,
  cancellable: false,
  exposureSchedule: [],
  ...channel,
});

function json(route: Route, status: number, body?: unknown) {
  return route.fulfill({ status, contentType: status >= 400 ? 'application/problem+json' : 'application/json', body: body === undefined ? '' : JSON.stringify(body) });
}
const problem = (status: number, code: string, detail: string, errors?: Record<string, string[]>) => ({ status, code, detail, title: detail, errors });

/**
 * POST …/recommendations/stream: page.route can only answer a body whole, so the stream is made in
 * the page, in front of fetch. It sends the trends after trendsDelayMs, then asks the stand-in's
 * POST …/recommendations (which keeps the draft, after recommendationDelayMs) and sends that as `event`.
 */
async function installRecommendationStream(page: Page, state: FakeState): Promise<void> {
  await page.addInitScript(
    ({ trends, trendsDelayMs }) => {
      const fetchFromNetwork = window.fetch.bind(window);
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = input instanceof Request ? input.url : String(input);
        if (!/\/api\/events\/[^/]+\/recommendations\/stream$/.test(url)) return fetchFromNetwork(input, init);
        const encoder = new TextEncoder();
        const body = new ReadableStream<Uint8Array>({
          async start(controller) {
            const send = (event: string, data: unknown) => controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
            await new Promise((resolve) => setTimeout(resolve, trendsDelayMs));
            send('trends', trends);
            const saved = await fetchFromNetwork(url.replace(/\/stream$/, ''), init);
            send('event', await saved.json());
            controller.close();
          },
        });
        return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
      };
    },
    { trends: recommendation.trends, trendsDelayMs: state.trendsDelayMs },
  );
}

export async function installFakeGateway(page: Page, state: FakeState): Promise<void> {
  await installRecommendationStream(page, state);
  await page.route((url) => url.pathname.startsWith('/api/'), async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const key = `${request.method()} ${url.pathname}`;
    const body = request.postDataJSON?.() as Record<string, unknown> | null;
    const draft = state.draft;

    if (key === 'POST /api/auth/login') return body?.password === 'Passw0rd!' ? json(route, 200, session) : json(route, 401, problem(401, 'invalid_credentials', '전화번호 또는 비밀번호를 확인해주세요'));
    if (key === 'POST /api/auth/register') {
      if (body?.businessNumber === '2208162517') return json(route, 400, problem(400, 'business_closed', '폐업한 사업자입니다. 사업자번호를 확인해주세요'));
      return json(route, 201, session);
    }
    if (key === 'POST /api/auth/refresh') return json(route, 200, session);
    if (key === 'POST /api/auth/logout') return route.fulfill({ status: 204 });
    if (key === 'GET /api/events') return json(route, 200, state.events);
    if (key === 'POST /api/events') return json(route, 201, Object.assign(draft, { purpose: body?.purpose }));
    if (key === 'GET /api/events/e-new') return json(route, 200, draft);
    if (key === 'GET /api/events/e1') return json(route, 200, approved());
    if (key === 'GET /api/events/e4') return json(route, 200, ended(state));
    if (key === 'PUT /api/events/e4/sales') {
      const sales = body?.salesIncreaseKrw;
      if (typeof sales !== 'number' || sales < 0)
        return json(route, 400, problem(400, 'validation_failed', '입력값을 다시 확인해 주세요.', { salesIncreaseKrw: ['매출 증가액을 0원 이상 100억원 이하의 금액으로 입력해주세요.'] }));
      const plan = ended(state).selectedPlan;
      state.sales = { salesIncreaseKrw: sales, costKrw: plan.costKrw, roiPercent: roiPercent(sales, plan.costKrw), expectedRoiPercent: plan.expectedRoiPercent, reportedAt: iso(0) };
      return json(route, 200, ended(state));
    }
    if (key === 'GET /api/events/e4/distribution')
      return json(route, 200, {
        eventId: 'e4',
        channels: [
          distributed({ channel: 'instagram', state: 'succeeded', attempts: 1, externalId: 'ig-51234', postUrl: 'https://instagram.example/p/bingsu', updatedAt: iso(-90), expectedExposure: 3200 }),
          distributed({ channel: 'uridongne_tv', state: 'succeeded', attempts: 1, externalId: 'UDTV-20260823-0117', updatedAt: iso(-90), expectedExposure: 5200, reportedExposure: 57100 }),
        ],
      });
    if (key === 'GET /api/events/e4/analytics')
      return json(route, 200, {
        eventId: 'e4',
        participants: 517,
        exposures: 60_300,
        expectedParticipants: 320,
        totalCostKrw: 200_000,
        channels: [
          { channel: 'uridongne_tv', exposures: 57_100, participants: 301, costKrw: 200_000 },
          { channel: 'instagram', exposures: 3_200, participants: 216, costKrw: 0 },
        ],
      });
    if (key === 'GET /api/events/e4/live') return route.fulfill({ status: 200, contentType: 'text/event-stream', body: ': connected\n\n' });
    if (key === 'POST /api/events/e-new/recommendations') {
      await new Promise((r) => setTimeout(r, state.recommendationDelayMs));
      return json(route, 200, Object.assign(draft, { recommendation }));
    }
    if (key === 'PUT /api/events/e-new/plan') {
      const plan = plans.find((p) => p.planId === body?.planId);
      return json(route, 200, Object.assign(draft, { selectedPlan: { ...plan, title: body?.title, prize: body?.prize } }));
    }
    if (key === 'POST /api/events/e-new/images') return json(route, 200, { images });
    if (key === 'PUT /api/events/e-new/image') return json(route, 200, Object.assign(draft, { imageId: body?.imageId }));
    if (key === 'POST /api/channels/estimate' || key === 'PUT /api/events/e-new/channels') {
      const chosen = (body?.channels as { channel: string; options: Record<string, string> }[]) ?? [];
      const estimates = chosen.map((c, i) => ({ ...c, costKrw: c.channel === 'genie_tv' ? Number(c.options.budget ?? 0) : c.channel.includes('tv') ? 200_000 : i * 10_000, expectedExposure: 1500 + i * 700 }));
      const plan = { channels: estimates, totalCostKrw: estimates.reduce((s, e) => s + e.costKrw, 0), totalExposure: estimates.reduce((s, e) => s + e.expectedExposure, 0) };
      return json(route, 200, key.startsWith('PUT') ? Object.assign(draft, { channelPlan: plan }) : plan);
    }
    if (key === 'POST /api/events/e-new/approve') return json(route, 200, Object.assign(draft, { status: 'scheduled', approvedAt: iso(0) }));
    if (key === 'GET /api/events/e1/distribution')
      return json(route, 200, {
        eventId: 'e1',
        channels: [
          distributed({ channel: 'uridongne_tv', state: 'succeeded', attempts: 1, externalId: 'UDTV-20261121-0042', updatedAt: iso(-3), expectedExposure: 5200, reportedExposure: 5450 }),
          distributed({ channel: 'ringo_biz', state: 'succeeded', attempts: 1, updatedAt: iso(-3), ringbackUpdatedAt: iso(-3), expectedExposure: 800 }),
          distributed({ channel: 'genie_tv', state: 'running', attempts: 1, expectedExposure: 12000 }),
          distributed({ channel: 'instagram', state: 'succeeded', attempts: 2, externalId: 'ig-88123', postUrl: 'https://instagram.example/p/abc', updatedAt: iso(-3), expectedExposure: 3200 }),
          distributed({ channel: 'naver_blog', state: 'failed', attempts: 3, errorMessage: '네이버 블로그 인증이 만료되었습니다', expectedExposure: 2100, retryable: true }),
          distributed({ channel: 'kakao_channel', state: 'pending', attempts: 0, expectedExposure: 2600, cancellable: true }),
        ],
      });
    if (key === 'GET /api/events/e1/analytics')
      return json(route, 200, {
        eventId: 'e1',
        participants: 128 + state.participants,
        exposures: 18_430,
        expectedParticipants: 650,
        totalCostKrw: 1_430_000,
        channels: [
          { channel: 'uridongne_tv', exposures: 9800, participants: 54, costKrw: 200_000 },
          { channel: 'instagram', exposures: 6100, participants: 61, costKrw: 0 },
          { channel: 'ringo_biz', exposures: 2530, participants: 13, costKrw: 30_000 },
        ],
      });
    if (key === 'GET /api/events/e1/live') return route.fulfill({ status: 200, contentType: 'text/event-stream', body: ': connected\n\n' });
    if (key === 'GET /api/public/events/e1')
      return json(route, 200, {
        eventId: 'e1',
        storeName: store.name,
        title: '가을 시즌 스탬프 챌린지',
        prize: '케이크 세트 (10명)',
        participationMethod: '매장 방문 후 QR 코드로 응모',
        startsAt: iso(-3),
        endsAt: iso(11),
        announceAt: iso(12),
        open: true,
        imageId: 'img-fancy',
        consentText: '수집 항목: 이름, 휴대폰 번호\n이용 목적: 당첨자 안내\n보유 기간: 당첨 발표 후 30일',
        consentVersion: 'v1',
      });
    if (key === 'POST /api/public/events/e1/entries') {
      const phone = String(body?.phone);
      if (state.entries.has(phone)) return json(route, 409, problem(409, 'already_entered', '이미 참여하신 이벤트입니다'));
      state.entries.add(phone);
      state.participants++;
      return json(route, 201, { entryNumber: `A-${String(128 + state.participants).padStart(4, '0')}`, announceAt: iso(12) });
    }
    const image = /^GET \/api\/images\/img-(\w+)\.svg$/.exec(key);
    if (image) {
      const colors: Record<string, string> = { simple: '#334155', fancy: '#e6002d', trendy: '#7c3aed' };
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg(image[1]!.toUpperCase(), colors[image[1]!] ?? '#999') });
    }
    return json(route, 404, problem(404, 'not_found', '찾을 수 없습니다'));
  });
}
