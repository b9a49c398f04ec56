import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeGateway } from '@/testing/http';
import { renderAt } from '@/testing/render';
import type { EventStatus, EventSummary } from '@/types/api';
import { EventsList } from '../events-list';

function summary(i: number, status: EventStatus): EventSummary {
  return {
    id: `e${i}`,
    status,
    title: `이벤트 ${i}`,
    purpose: 'revisit',
    startsAt: '2026-10-01T00:00:00Z',
    endsAt: '2026-10-31T00:00:00Z',
    createdAt: `2026-10-${String(i).padStart(2, '0')}T00:00:00Z`,
    participants: i,
    exposures: i * 100,
  };
}

const events = [...Array.from({ length: 7 }, (_, i) => summary(i + 1, 'ended')), summary(10, 'active')];

describe('UFR_EVENT_010 전체보기', () => {
  it('lists every event of the chosen status, newest first, with a tab per status', async () => {
    fakeGateway({ 'GET /api/events': { body: events } });
    renderAt(<EventsList />, { path: '/events?status=ended', pattern: '/events' });

    const list = await screen.findByRole('list', { name: '종료 이벤트' });
    expect(within(list).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(
      ['e7', 'e6', 'e5', 'e4', 'e3', 'e2', 'e1'].map((id) => `/events/${id}`),
    );
    const tabs = screen.getByRole('navigation', { name: '이벤트 상태' });
    expect(within(tabs).getByRole('link', { name: '종료 7' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).getByRole('link', { name: '진행중 1' })).toHaveAttribute('href', '/events?status=active');
  });

  it('falls back to 진행중 for a status it does not know', async () => {
    fakeGateway({ 'GET /api/events': { body: events } });
    renderAt(<EventsList />, { path: '/events?status=bogus', pattern: '/events' });

    expect(await screen.findByRole('list', { name: '진행중 이벤트' })).toBeInTheDocument();
  });

  it('says so when there are no events of that status', async () => {
    fakeGateway({ 'GET /api/events': { body: events } });
    renderAt(<EventsList />, { path: '/events?status=scheduled', pattern: '/events' });

    expect(await screen.findByText('예정 이벤트가 없습니다')).toBeInTheDocument();
  });
});
