import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeGateway } from '@/testing/http';
import { renderAt } from '@/testing/render';
import type { EventStatus, EventSummary } from '@/types/api';
import { EventsDashboard } from '../events-dashboard';
import { groupEventsForDashboard } from '../group-events';

function summary(i: number, status: EventStatus): EventSummary {
  return {
    id: `e${i}`,
    status,
    title: `이벤트 ${i}`,
    purpose: 'sales',
    startsAt: '2026-11-01T00:00:00Z',
    endsAt: '2026-11-30T00:00:00Z',
    createdAt: `2026-11-${String(i).padStart(2, '0')}T00:00:00Z`,
  };
}

describe('UFR_EVENT_010 dashboard', () => {
  it('groups by status, newest first, five per section', () => {
    const events = [...Array.from({ length: 7 }, (_, i) => summary(i + 1, 'active')), summary(20, 'ended')];
    const sections = groupEventsForDashboard(events);
    expect(sections.map((s) => s.status)).toEqual(['active', 'scheduled', 'ended']);
    expect(sections[0]!.events.map((e) => e.id)).toEqual(['e7', 'e6', 'e5', 'e4', 'e3']);
    expect(sections[0]!.total).toBe(7);
    expect(sections[1]!.events).toEqual([]);
  });

  it('puts drafts in a section of their own only when there are some', () => {
    expect(groupEventsForDashboard([summary(1, 'draft')]).map((s) => s.status)).toEqual(['draft', 'active', 'scheduled', 'ended']);
  });

  it('shows the empty state with a way to start', async () => {
    fakeGateway({ 'GET /api/events': { body: [] } });
    renderAt(<EventsDashboard />);
    expect(await screen.findByText('첫 이벤트를 만들어보세요')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '새 이벤트 만들기' })).toHaveAttribute('href', '/events/new');
  });

  it('shows the sections with cards linking to the details', async () => {
    fakeGateway({ 'GET /api/events': { body: [summary(1, 'active'), summary(2, 'scheduled')] } });
    renderAt(<EventsDashboard />);
    const active = await screen.findByRole('region', { name: /진행중/ });
    expect(within(active).getByRole('link', { name: /이벤트 1/ })).toHaveAttribute('href', '/events/e1');
    expect(within(active).getByText('2026.11.01 ~ 2026.11.30')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: /종료/ })).getByText('종료 이벤트가 없습니다')).toBeInTheDocument();
  });

  it('shows each approved card\'s participants and exposures, and nothing made up for drafts', async () => {
    fakeGateway({
      'GET /api/events': {
        body: [{ ...summary(1, 'active'), participants: 1234, exposures: 56000 }, summary(2, 'draft')],
      },
    });
    renderAt(<EventsDashboard />);
    const active = await screen.findByRole('region', { name: /진행중/ });
    expect(within(active).getByText('참여 1,234명')).toBeInTheDocument();
    expect(within(active).getByText('노출 56,000회')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: /작성 중/ })).queryByText(/참여/)).not.toBeInTheDocument();
  });

  it('links to the full list of a section that has more than five events', async () => {
    fakeGateway({
      'GET /api/events': { body: [...Array.from({ length: 6 }, (_, i) => summary(i + 1, 'ended')), summary(9, 'active')] },
    });
    renderAt(<EventsDashboard />);
    const ended = await screen.findByRole('region', { name: /종료/ });
    expect(within(ended).getByRole('link', { name: '종료 이벤트 전체보기' })).toHaveAttribute('href', '/events?status=ended');
    expect(within(ended).getAllByRole('listitem')).toHaveLength(5);
    expect(within(screen.getByRole('region', { name: /진행중/ })).queryByRole('link', { name: /전체보기/ })).not.toBeInTheDocument();
  });

  it('says to try again later when the gateway is unreachable', async () => {
    fakeGateway({});
    renderAt(<EventsDashboard />);
    expect(await screen.findByText('잠시 후 다시 시도해주세요')).toBeInTheDocument();
  });
});
