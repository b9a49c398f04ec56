import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { draft, plan } from '@/testing/data';
import { fakeGateway } from '@/testing/http';
import { renderAt } from '@/testing/render';
import type { Plan } from '@/types/api';
import { EventWizard } from '../event-wizard';

function Wizard() {
  const { eventId, step } = useParams();
  return <EventWizard eventId={eventId!} step={step} />;
}

const tiers = ['low', 'medium', 'high'] as const;
const plans: Plan[] = tiers.flatMap((budgetTier) =>
  (['online', 'offline'] as const).map((kind) => plan({ planId: `${budgetTier}-${kind}`, budgetTier, kind, title: `${budgetTier} ${kind} 이벤트` })),
);
const trend = { title: '트렌드', narrative: '설명', figures: [{ label: '성공률', value: '68%' }] };
const recommendation = {
  trends: { industry: { ...trend, title: '카페 트렌드' }, region: { ...trend, title: '강남 특성' }, season: { ...trend, title: '가을 시즌' } },
  plans,
  metadata: { engine: 'data' as const, cacheHit: false, syntheticData: false, recommendationId: 'r', generatedAt: '2026-11-21T00:00:00Z', stages: [], inputTokens: 0, outputTokens: 0 },
};

const at = (path: string) =>
  renderAt(<Wizard />, { path, pattern: '/events/:eventId/wizard/:step?', routes: { '/events/:eventId': <p>상세 화면</p> } });

describe('UFR_EVENT_030 wizard', () => {
  it('resumes a reloaded draft at the step it reached', async () => {
    fakeGateway({ 'GET /api/events/e1': { body: draft({ selectedPlan: plan(), recommendation }) } });
    const { router } = at('/events/e1/wizard/approve');
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/events/e1/wizard/content'));
  });

  it.each([
    ['claude', 'Claude AI가 분석했어요'],
    ['mixed', 'Claude AI와 데이터 기반 엔진이 함께 분석했어요'],
  ] as const)('names the %s engine in small print', async (engine, text) => {
    const answered = { ...recommendation, metadata: { ...recommendation.metadata, engine } };
    fakeGateway({ 'GET /api/events/e1': { body: draft({ recommendation: answered }) } });
    at('/events/e1/wizard/recommendation');
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it('sends an approved event to its detail page', async () => {
    fakeGateway({ 'GET /api/events/e1': { body: draft({ status: 'scheduled' }) } });
    at('/events/e1/wizard/recommendation');
    expect(await screen.findByText('상세 화면')).toBeInTheDocument();
  });

  it('analyses with a loading message, then saves the chosen plan with the edited title', async () => {
    let answer: () => void = () => {};
    const analysed = new Promise<void>((r) => (answer = r));
    const { requests } = fakeGateway({
      'GET /api/events/e1': { body: draft() },
      'PUT /api/events/e1/plan': ({ body }) => ({ body: draft({ recommendation, selectedPlan: { ...plans[3]!, ...(body as object) } }) }),
    });
    const fake = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/recommendations')) {
        await analysed;
        return new Response(JSON.stringify(draft({ recommendation })), { status: 200 });
      }
      return fake(input, init);
    });
    const { router } = at('/events/e1/wizard/recommendation');

    expect(await screen.findByText('AI가 트렌드를 분석하고 있어요…')).toBeInTheDocument();
    answer();
    expect(await screen.findByText('카페 트렌드')).toBeInTheDocument();
    expect(screen.getByText('데이터 기반 엔진이 분석했어요')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '다음' })).toBeDisabled();

    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: /중비용/ }));
    await user.click(screen.getByRole('group', { name: '중비용 진행 방식' }).querySelector('button:last-child')!);
    const title = screen.getByLabelText('이벤트 제목', { selector: '#title-medium' });
    await user.clear(title);
    await user.type(title, '가을 스탬프');
    expect(screen.getByText('6/50')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '다음' }));

    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/events/e1/wizard/content'));
    expect(requests.find((r) => r.method === 'PUT')!.body).toEqual({ planId: 'medium-offline', title: '가을 스탬프', prize: '아메리카노 쿠폰' });
  });
});
