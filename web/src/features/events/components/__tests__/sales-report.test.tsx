import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, problem } from '@/testing/http';
import { draft, plan } from '@/testing/data';
import { renderAt } from '@/testing/render';
import type { EventDetail, SalesReport } from '@/types/api';
import { useEvent } from '../../api/get-event';
import { parseWon, roiPercent } from '@/lib/roi';
import { SalesReportPanel } from '../sales-report';

const eventId = 'e1';
const path = `/api/events/${eventId}`;

const ended = (sales: SalesReport | null = null): EventDetail =>
  draft({
    id: eventId,
    status: 'ended',
    selectedPlan: plan({ costKrw: 1_600_000, expectedRoiPercent: 180 }),
    startsAt: '2026-11-01T00:00:00Z',
    endsAt: '2026-11-15T00:00:00Z',
    sales,
  });

const reported = (salesIncreaseKrw: number, roi: number): SalesReport => ({
  salesIncreaseKrw,
  costKrw: 1_600_000,
  roiPercent: roi,
  expectedRoiPercent: 180,
  reportedAt: '2026-11-20T01:00:00Z',
});

/** The panel as the detail page shows it: fed from the event query, which the answer updates. */
function DetailPage() {
  const event = useEvent(eventId);
  if (!event.data) return null;
  return (
    <main aria-label={`${event.data.status} event`}>
      <SalesReportPanel event={event.data} />
    </main>
  );
}

describe('UFR_ANAL_010 ROI from the sales the owner reports', () => {
  it('rounds ROI half away from zero, as the server does', () => {
    expect(roiPercent(3_000_000, 1_600_000)).toBe(88);
    expect(roiPercent(1_000_000, 1_600_000)).toBe(-38);
    expect(roiPercent(0, 250_000)).toBe(-100);
    expect(roiPercent(250_000, 250_000)).toBe(0);
  });

  it('reads won with commas, spaces or 원, and refuses anything else', () => {
    expect(parseWon('3,000,000')).toBe(3_000_000);
    expect(parseWon(' 3 000 000원 ')).toBe(3_000_000);
    expect(parseWon('0')).toBe(0);
    expect(parseWon('-1')).toBeUndefined();
    expect(parseWon('삼백만')).toBeUndefined();
    expect(parseWon('1.5')).toBeUndefined();
    expect(parseWon('10000000001')).toBeUndefined();
  });

  it('previews the ROI while typing, saves the figure and shows it against the AI prediction', async () => {
    const gateway = fakeGateway({
      [`GET ${path}`]: { body: ended() },
      [`PUT ${path}/sales`]: { body: ended(reported(3_000_000, 88)) },
    });
    renderAt(<DetailPage />);

    const field = await screen.findByLabelText('매출 증가액 (원)');
    await userEvent.type(field, '3000000');
    expect(screen.getByText('ROI +88% = (3,000,000원 − 1,600,000원) ÷ 1,600,000원 × 100')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'ROI 계산하고 저장' }));

    const actual = await screen.findByTestId('actual-roi');
    expect(within(actual).getByText('+88%')).toBeInTheDocument();
    expect(screen.getByText('+180%')).toBeInTheDocument();
    expect(screen.getByText(/AI 예상보다 92%p 낮아요\. 이벤트 비용을 모두 회수했어요\./)).toBeInTheDocument();
    expect(gateway.requests.find((r) => r.method === 'PUT')?.body).toEqual({ salesIncreaseKrw: 3_000_000 });
  });

  it('corrects a report from the figure already saved', async () => {
    const gateway = fakeGateway({
      [`GET ${path}`]: { body: ended(reported(3_000_000, 88)) },
      [`PUT ${path}/sales`]: { body: ended(reported(1_000_000, -38)) },
    });
    renderAt(<DetailPage />);

    await userEvent.click(await screen.findByRole('button', { name: '매출 수정' }));
    const field = screen.getByLabelText('매출 증가액 (원)');
    expect(field).toHaveValue('3,000,000');
    await userEvent.clear(field);
    await userEvent.type(field, '1,000,000');
    await userEvent.click(screen.getByRole('button', { name: 'ROI 계산하고 저장' }));

    expect(within(await screen.findByTestId('actual-roi')).getByText('−38%')).toBeInTheDocument();
    expect(screen.getByText(/손익분기까지 600,000원이 모자라요/)).toBeInTheDocument();
    expect(gateway.requests.find((r) => r.method === 'PUT')?.body).toEqual({ salesIncreaseKrw: 1_000_000 });
  });

  it('asks for a figure before sending anything', async () => {
    const gateway = fakeGateway({ [`GET ${path}`]: { body: ended() } });
    renderAt(<DetailPage />);

    await userEvent.click(await screen.findByRole('button', { name: 'ROI 계산하고 저장' }));
    expect(screen.getByRole('alert')).toHaveTextContent('매출 증가액을 입력해주세요.');
    await userEvent.type(screen.getByLabelText('매출 증가액 (원)'), '백만원');
    await userEvent.click(screen.getByRole('button', { name: 'ROI 계산하고 저장' }));
    expect(screen.getByRole('alert')).toHaveTextContent('0원 이상 100억원 이하');
    expect(gateway.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('shows the server’s words when the result is still being counted', async () => {
    fakeGateway({
      [`GET ${path}`]: { body: ended() },
      [`PUT ${path}/sales`]: problem(400, 'event_not_ended', '이벤트 결과를 집계하고 있어요. 잠시 후 다시 입력해주세요.'),
    });
    renderAt(<DetailPage />);

    await userEvent.type(await screen.findByLabelText('매출 증가액 (원)'), '500000');
    await userEvent.click(screen.getByRole('button', { name: 'ROI 계산하고 저장' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('이벤트 결과를 집계하고 있어요'));
    expect(screen.queryByTestId('actual-roi')).not.toBeInTheDocument();
  });

  it('is not offered while the event runs', async () => {
    fakeGateway({ [`GET ${path}`]: { body: { ...ended(), status: 'active' } } });
    renderAt(<DetailPage />);
    await screen.findByRole('main', { name: 'active event' });
    expect(screen.queryByText('이벤트 ROI')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('매출 증가액 (원)')).not.toBeInTheDocument();
  });
});
