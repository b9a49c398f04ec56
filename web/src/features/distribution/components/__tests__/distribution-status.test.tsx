import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, problem } from '@/testing/http';
import { renderAt } from '@/testing/render';
import type { ChannelDistribution } from '@/types/api';
import { scheduleSummary } from '../channel-details';
import { DistributionStatusPanel } from '../distribution-status';

const eventId = '0190a000-0000-7000-8000-000000000001';
const path = `/api/events/${eventId}/distribution`;

function channel(overrides: Partial<ChannelDistribution> & Pick<ChannelDistribution, 'channel'>): ChannelDistribution {
  return {
    state: 'succeeded',
    attempts: 1,
    maxAttempts: 3,
    externalId: null,
    postUrl: null,
    errorMessage: null,
    updatedAt: '2026-11-21T00:30:00Z',
    expectedExposure: 1000,
    retryable: false,
    cancellable: false,
    reportedExposure: null,
    ringbackUpdatedAt: null,
    exposureSchedule: [],
    ...overrides,
  };
}

const everyChannel: ChannelDistribution[] = [
  channel({ channel: 'uridongne_tv', externalId: 'UDTV-20261121-123456', expectedExposure: 30000, reportedExposure: 67200 }),
  channel({ channel: 'ringo_biz', externalId: 'RB0123456789', ringbackUpdatedAt: '2026-11-21T00:30:00Z' }),
  channel({
    channel: 'genie_tv',
    externalId: 'GTV-AD-12345678',
    reportedExposure: 20000,
    exposureSchedule: [
      { date: '2026-12-01', from: '07:00', to: '23:00' },
      { date: '2026-12-02', from: '07:00', to: '23:00' },
    ],
  }),
  channel({ channel: 'instagram', state: 'running', attempts: 2, cancellable: false }),
  channel({
    channel: 'naver_blog',
    state: 'failed',
    attempts: 3,
    retryable: true,
    errorMessage: 'Naver Blog 배포에 3번 시도했지만 실패했습니다.',
  }),
  channel({ channel: 'kakao_channel', state: 'pending', attempts: 0, cancellable: true }),
];

function row(name: string) {
  return screen.getByText(name).closest('li')!;
}

describe('UFR_DIST_020 distribution status', () => {
  it('shows each channel in its state with its 배포 정보', async () => {
    fakeGateway({ [`GET ${path}`]: { body: { eventId, channels: everyChannel } } });
    renderAt(<DistributionStatusPanel eventId={eventId} />);

    const uridongne = within(await waitFor(() => row('우리동네TV')));
    expect(uridongne.getByText('완료')).toBeInTheDocument();
    expect(uridongne.getByText('UDTV-20261121-123456')).toBeInTheDocument();
    expect(uridongne.getByText('67,200회')).toBeInTheDocument();

    // 09:30 in Seoul for 00:30 UTC, whatever the browser's zone.
    expect(within(row('링고비즈')).getByText('2026.11.21 09:30')).toBeInTheDocument();

    const genie = within(row('지니TV'));
    expect(genie.getByText('광고 ID')).toBeInTheDocument();
    expect(genie.getByText('GTV-AD-12345678')).toBeInTheDocument();
    expect(genie.getByText('20,000회')).toBeInTheDocument();
    expect(genie.getByText(/2026\.12\.01 ~ 2026\.12\.02 · 07:00–23:00/)).toBeInTheDocument();

    const instagram = within(row('Instagram'));
    expect(instagram.getByText('진행중')).toBeInTheDocument();
    expect(instagram.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
    expect(instagram.getByText('게시 중 · 2/3번째 시도')).toBeInTheDocument();
    expect(instagram.queryByRole('button')).not.toBeInTheDocument();

    const naver = within(row('Naver Blog'));
    expect(naver.getByText('실패')).toBeInTheDocument();
    expect(naver.getByText('Naver Blog 배포에 3번 시도했지만 실패했습니다.')).toBeInTheDocument();
    expect(naver.getByRole('button', { name: 'Naver Blog 재시도' })).toHaveTextContent('재시도');
    expect(naver.queryByRole('button', { name: /취소/ })).not.toBeInTheDocument();

    const kakao = within(row('Kakao Channel'));
    expect(kakao.getByText('대기중')).toBeInTheDocument();
    expect(kakao.getByRole('button', { name: 'Kakao Channel 배포 취소' })).toHaveTextContent('취소');
    expect(kakao.queryByRole('button', { name: /재시도/ })).not.toBeInTheDocument();

    expect(row('우리동네TV')).toHaveAttribute('data-state', 'succeeded');
    expect(row('Naver Blog')).toHaveAttribute('data-state', 'failed');
  });

  it('links a SNS post in a new tab and shows 취소됨', async () => {
    fakeGateway({
      [`GET ${path}`]: {
        body: {
          eventId,
          channels: [
            channel({ channel: 'instagram', externalId: '1789', postUrl: 'https://www.instagram.com/p/Abc123/' }),
            channel({ channel: 'kakao_channel', state: 'cancelled', attempts: 0 }),
          ],
        },
      },
    });
    renderAt(<DistributionStatusPanel eventId={eventId} />);

    const link = await screen.findByRole('link', { name: '게시물 보기 ↗' });
    expect(link).toHaveAttribute('href', 'https://www.instagram.com/p/Abc123/');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
    const kakao = row('Kakao Channel');
    expect(kakao).toHaveAttribute('data-state', 'cancelled');
    expect(within(kakao).getByText('취소됨')).toBeInTheDocument();
    expect(within(kakao).queryByRole('button')).not.toBeInTheDocument();
  });

  it('재시도 posts the retry and shows the channel back at 대기중', async () => {
    const failed = channel({ channel: 'naver_blog', state: 'failed', attempts: 3, retryable: true, errorMessage: '실패했습니다.' });
    const pending = channel({ channel: 'naver_blog', state: 'pending', attempts: 0 });
    const { requests } = fakeGateway({
      [`GET ${path}`]: [{ body: { eventId, channels: [failed] } }, { body: { eventId, channels: [pending] } }],
      [`POST ${path}/naver_blog/retry`]: { status: 202, body: pending },
    });
    renderAt(<DistributionStatusPanel eventId={eventId} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Naver Blog 재시도' }));

    await waitFor(() => expect(row('Naver Blog')).toHaveAttribute('data-state', 'pending'));
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`${path}/naver_blog/retry`]);
    expect(screen.getByRole('status')).toHaveTextContent('다시 배포를 시작했습니다');
    expect(screen.queryByRole('button', { name: 'Naver Blog 재시도' })).not.toBeInTheDocument();
  });

  it('취소 asks first, and says in Korean why the server refused', async () => {
    const pending = channel({ channel: 'genie_tv', state: 'pending', attempts: 0, cancellable: true });
    const { requests } = fakeGateway({
      [`GET ${path}`]: { body: { eventId, channels: [pending] } },
      [`POST ${path}/genie_tv/cancel`]: problem(409, 'channel_not_cancellable', '지니TV에 지금 게시하는 중이라 취소할 수 없습니다.'),
    });
    renderAt(<DistributionStatusPanel eventId={eventId} />);

    await userEvent.click(await screen.findByRole('button', { name: '지니TV 배포 취소' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('지니TV 배포를 취소할까요?');
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '취소' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: '지니TV 배포 취소' }));
    await userEvent.click(screen.getByRole('button', { name: '배포 취소' }));

    expect(await screen.findByText('지니TV에 지금 게시하는 중이라 취소할 수 없습니다.')).toHaveClass('toast-error');
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`${path}/genie_tv/cancel`]);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(row('지니TV')).toHaveAttribute('data-state', 'pending');
  });

  it('shows the button busy while the request runs', async () => {
    let release!: () => void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    const failed = channel({ channel: 'ringo_biz', state: 'failed', attempts: 3, retryable: true, errorMessage: '실패' });
    const pending = { ...failed, state: 'pending', attempts: 0, retryable: false, errorMessage: null };
    fakeGateway({ [`GET ${path}`]: [{ body: { eventId, channels: [failed] } }, { body: { eventId, channels: [pending] } }] });
    const fetchMock = globalThis.fetch as unknown as { mockImplementationOnce: (f: () => Promise<Response>) => void };
    renderAt(<DistributionStatusPanel eventId={eventId} />);
    const button = await screen.findByRole('button', { name: '링고비즈 재시도' });
    fetchMock.mockImplementationOnce(async () => {
      await answered;
      return new Response(JSON.stringify(pending), { status: 202 });
    });

    await userEvent.click(button);

    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
    release();
    await waitFor(() => expect(row('링고비즈')).toHaveAttribute('data-state', 'pending'));
  });

  it('summarises a schedule by its first and last day and its time slots', () => {
    expect(scheduleSummary([])).toBe('');
    expect(scheduleSummary([{ date: '2026-12-01', from: '18:00', to: '22:00' }])).toBe('2026.12.01 · 18:00–22:00');
    expect(
      scheduleSummary([
        { date: '2026-12-01', from: '11:00', to: '14:00' },
        { date: '2026-12-02', from: '18:00', to: '22:00' },
        { date: '2026-12-03', from: '11:00', to: '14:00' },
      ]),
    ).toBe('2026.12.01 ~ 2026.12.03 · 11:00–14:00, 18:00–22:00');
  });
});
