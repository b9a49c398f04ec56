import type { EventStatus, EventSummary } from '@/types/api';

export const DASHBOARD_SECTION_SIZE = 5;

export type DashboardSection = { status: EventStatus; events: EventSummary[]; total: number };

const sectionOrder: EventStatus[] = ['active', 'scheduled', 'ended'];

/**
 * UFR-EVENT-010: 진행중 / 예정 / 종료, newest first, at most five cards each.
 * Drafts get a section of their own ahead of them, shown only when there are some, so an
 * unfinished wizard can be resumed from the dashboard.
 */
export function groupEventsForDashboard(events: EventSummary[]): DashboardSection[] {
  const newestFirst = [...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const sections: DashboardSection[] = [];
  for (const status of ['draft', ...sectionOrder] as EventStatus[]) {
    const all = newestFirst.filter((e) => e.status === status);
    if (status === 'draft' && all.length === 0) continue;
    sections.push({ status, events: all.slice(0, DASHBOARD_SECTION_SIZE), total: all.length });
  }
  return sections;
}
