import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeGateway, problem } from '@/testing/http';
import { renderAt } from '@/testing/render';
import type { PublicEvent } from '@/types/api';
import { EntryForm } from '../entry-form';

const event: PublicEvent = {
  eventId: 'e1',
  storeName: '행복카페',
  title: '가을 맞이 이벤트',
  prize: '아메리카노 쿠폰',
  participationMethod: '이름과 전화번호로 응모',
  startsAt: '2026-11-21T00:00:00Z',
  endsAt: '2026-12-05T00:00:00Z',
  announceAt: '2026-12-06T01:00:00Z',
  open: true,
  consentText: '이름과 전화번호를 당첨 안내에 사용합니다.',
  consentVersion: 'v1',
};

async function fill({ consent = true } = {}) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('이름'), '홍길동');
  await user.type(screen.getByLabelText('휴대폰 번호'), '010-9876-5432');
  if (consent) await user.click(screen.getByRole('checkbox', { name: /개인정보 수집·이용에 동의합니다/ }));
  await user.click(screen.getByRole('button', { name: '참여하기' }));
}

describe('UFR_PART_010 entry form', () => {
  it('requires name, phone and the privacy consent before sending', async () => {
    const { requests } = fakeGateway({});
    renderAt(<EntryForm event={event} />);
    await userEvent.click(screen.getByRole('button', { name: '참여하기' }));
    expect(screen.getByText('이름을 2자 이상 입력해주세요')).toBeInTheDocument();
    expect(screen.getByText('휴대폰 번호를 정확히 입력해주세요 (예: 010-1234-5678)')).toBeInTheDocument();
    expect(screen.getByText('개인정보 수집·이용에 동의해주세요')).toBeInTheDocument();
    expect(screen.getByText(event.consentText)).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('shows the entry number and the announce date (Seoul) on success', async () => {
    const { requests } = fakeGateway({
      'POST /api/public/events/e1/entries': { status: 201, body: { entryNumber: 'A-0001', announceAt: '2026-12-05T16:00:00Z' } },
    });
    renderAt(<EntryForm event={event} />);
    await fill();
    expect(await screen.findByText('A-0001')).toBeInTheDocument();
    expect(screen.getByText('당첨 발표일: 2026.12.06')).toBeInTheDocument();
    expect(requests[0]!.body).toEqual({
      name: '홍길동',
      phone: '01098765432',
      channel: null,
      privacyConsent: true,
      marketingConsent: false,
      consentVersion: 'v1',
    });
  });

  it('says "이미 참여하신 이벤트입니다" for a second entry', async () => {
    fakeGateway({ 'POST /api/public/events/e1/entries': problem(409, 'already_entered', '이미 참여하신 이벤트입니다') });
    renderAt(<EntryForm event={event} />);
    await fill();
    expect(await screen.findByText('이미 참여하신 이벤트입니다')).toBeInTheDocument();
  });

  it("shows the server's detail for other refusals", async () => {
    fakeGateway({ 'POST /api/public/events/e1/entries': problem(409, 'event_closed', '종료된 이벤트입니다') });
    renderAt(<EntryForm event={event} />);
    await fill();
    expect(await screen.findByRole('alert')).toHaveTextContent('종료된 이벤트입니다');
  });

  it('disables the button while sending', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    fakeGateway({});
    const slow = async () => {
      await gate;
      return new Response(JSON.stringify({ entryNumber: 7, announceAt: '2026-12-06T01:00:00Z' }), { status: 201 });
    };
    vi.stubGlobal('fetch', slow);
    renderAt(<EntryForm event={event} />);
    await fill();
    expect(screen.getByRole('button', { name: /참여하기/ })).toBeDisabled();
    release();
    expect(await screen.findByText('7')).toBeInTheDocument();
  });
});
