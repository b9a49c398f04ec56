import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { draft, plan } from '@/testing/data';
import { fakeGateway } from '@/testing/http';
import { renderAt } from '@/testing/render';
import type { Plan } from '@/types/api';
import { EventWizard } from '../event-wizard';
import { ANALYZING, WRITING_PLANS } from '../recommendation-step';

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

/** The gateway's recommendation stream, answered step by step by the test. */
function recommendationStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let sent: { accept?: string; body: unknown } | undefined;
  const fake = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!String(input).endsWith('/recommendations/stream')) return fake(input, init);
    sent = { accept: (init?.headers as Record<string, string>).Accept, body: JSON.parse(String(init?.body)) };
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  });
  return {
    request: () => sent,
    send: (event: string, data: unknown) => controller.enqueue(new TextEncoder().encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    end: () => controller.close(),
  };
}

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

  it('says what went wrong when the analysis fails after its trends, and can try again', async () => {
    fakeGateway({ 'GET /api/events/e1': { body: draft() } });
    const stream = recommendationStream();
    at('/events/e1/wizard/recommendation');

    await screen.findByText(ANALYZING);
    stream.send('trends', recommendation.trends);
    await screen.findByText(WRITING_PLANS);
    stream.send('error', { status: 503, code: 'ai_unavailable', detail: 'AI 추천을 불러오지 못했습니다. 잠시 후 다시 시도해주세요.' });
    stream.end();

    expect(await screen.findByText('AI 추천을 불러오지 못했습니다. 잠시 후 다시 시도해주세요.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '다시 시도' })).toBeEnabled();
  });

  it('sends an approved event to its detail page', async () => {
    fakeGateway({ 'GET /api/events/e1': { body: draft({ status: 'scheduled' }) } });
    at('/events/e1/wizard/recommendation');
    expect(await screen.findByText('상세 화면')).toBeInTheDocument();
  });

  it('shows the trends as soon as they arrive, then the plans, then saves the chosen plan with the edited title', async () => {
    const { requests } = fakeGateway({
      'GET /api/events/e1': { body: draft() },
      'PUT /api/events/e1/plan': ({ body }) => ({ body: draft({ recommendation, selectedPlan: { ...plans[3]!, ...(body as object) } }) }),
    });
    const stream = recommendationStream();
    const { router } = at('/events/e1/wizard/recommendation');

    expect(await screen.findByText(ANALYZING)).toBeInTheDocument();
    expect(stream.request()).toEqual({ accept: 'text/event-stream', body: { refresh: false } });
    stream.send('trends', recommendation.trends);
    expect(await screen.findByText('카페 트렌드')).toBeInTheDocument();
    expect(screen.getByText(WRITING_PLANS)).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    stream.send('event', draft({ recommendation }));
    stream.end();
    expect(await screen.findByRole('radio', { name: /중비용/ })).toBeInTheDocument();
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
