import type { EventDetail } from '@/types/api';

// The wizard's order (UFR-EVENT-020..050). Purpose happens before the draft exists (/events/new).
export const wizardSteps = ['recommendation', 'content', 'channels', 'approve'] as const;
export type WizardStep = (typeof wizardSteps)[number];

export const stepLabels: Record<WizardStep | 'purpose', string> = {
  purpose: '목적',
  recommendation: 'AI 추천',
  content: '콘텐츠',
  channels: '채널',
  approve: '승인',
};

export function isWizardStep(value: string | undefined): value is WizardStep {
  return wizardSteps.includes(value as WizardStep);
}

/** The furthest step the draft has reached: the first one whose input is still missing. */
export function resumeStep(event: EventDetail): WizardStep {
  if (!event.selectedPlan) return 'recommendation';
  if (!event.imageId) return 'content';
  if (!event.channelPlan || event.channelPlan.channels.length === 0) return 'channels';
  return 'approve';
}

/**
 * Where the owner must go instead of `step`, or null when the step may be shown.
 * An approved event has no wizard any more; a step ahead of the draft's progress sends back
 * to the step that still needs doing (a typed or stale URL cannot skip the plan or the image).
 */
export function guardStep(step: string | undefined, event: EventDetail): string | null {
  if (event.status !== 'draft') return `/events/${event.id}`;
  const reached = resumeStep(event);
  if (!isWizardStep(step) || wizardSteps.indexOf(step) > wizardSteps.indexOf(reached)) {
    return `/events/${event.id}/wizard/${reached}`;
  }
  return null;
}
