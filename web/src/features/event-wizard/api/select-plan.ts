import { api } from '@/lib/api-client';
import type { EventDetail } from '@/types/api';
import { useDraftMutation } from './use-draft-mutation';

// UFR-EVENT-030
export type PlanSelection = { planId: string; title: string; prize: string };

export function selectPlan(eventId: string, selection: PlanSelection): Promise<EventDetail> {
  return api.put<EventDetail>(`/api/events/${eventId}/plan`, selection);
}

export function useSelectPlan(eventId: string) {
  return useDraftMutation((selection: PlanSelection) => selectPlan(eventId, selection));
}
