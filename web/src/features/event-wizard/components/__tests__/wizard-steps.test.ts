import { describe, expect, it } from 'vitest';
import { draft, plan } from '@/testing/data';
import { guardStep, resumeStep } from '../wizard-steps';
import { initialChannelForm, NO_CHANNELS, seoulLocalToIso, isoToSeoulLocal, toChoices, validateChannelForm } from '../channel-choices';

const channelPlan = {
  channels: [{ channel: 'instagram' as const, options: {}, costKrw: 0, expectedExposure: 3000 }],
  totalCostKrw: 0,
  totalExposure: 3000,
};

describe('wizard step guards (UFR_EVENT_020..050)', () => {
  it('resumes a draft at the first step still missing its input', () => {
    expect(resumeStep(draft())).toBe('recommendation');
    expect(resumeStep(draft({ selectedPlan: plan() }))).toBe('content');
    expect(resumeStep(draft({ selectedPlan: plan(), imageId: 'i1' }))).toBe('channels');
    expect(resumeStep(draft({ selectedPlan: plan(), imageId: 'i1', channelPlan }))).toBe('approve');
  });

  it('lets the owner go back to any step already reached', () => {
    const event = draft({ selectedPlan: plan(), imageId: 'i1' });
    expect(guardStep('recommendation', event)).toBeNull();
    expect(guardStep('content', event)).toBeNull();
    expect(guardStep('channels', event)).toBeNull();
  });

  it('sends a step ahead of the draft back to the step that needs doing', () => {
    expect(guardStep('approve', draft({ selectedPlan: plan() }))).toBe('/events/e1/wizard/content');
    expect(guardStep('channels', draft())).toBe('/events/e1/wizard/recommendation');
  });

  it('resolves /wizard without a step, or an unknown one, to the resume step', () => {
    expect(guardStep(undefined, draft({ selectedPlan: plan() }))).toBe('/events/e1/wizard/content');
    expect(guardStep('nonsense', draft())).toBe('/events/e1/wizard/recommendation');
  });

  it('sends an approved event to its detail page', () => {
    expect(guardStep('approve', draft({ status: 'scheduled' }))).toBe('/events/e1');
  });
});

describe('UFR_EVENT_040 channel choices', () => {
  it('needs at least one channel', () => {
    expect(validateChannelForm(initialChannelForm(draft()))).toBe(NO_CHANNELS);
  });

  it("checks 지니TV's budget range", () => {
    const form = initialChannelForm(draft());
    form.genie_tv = { enabled: true, options: { ...form.genie_tv.options, budget: '50000' } };
    expect(validateChannelForm(form)).toEqual({ genie_tv: '예산은 100,000원 이상 10,000,000원 이하로 입력해주세요' });
  });

  it('sends enabled channels only, without empty options, and restores saved ones', () => {
    const form = initialChannelForm(draft({ channelPlan }));
    form.ringo_biz.enabled = true;
    expect(toChoices(form)).toEqual([
      { channel: 'ringo_biz', options: {} },
      { channel: 'instagram', options: {} },
    ]);
    expect(initialChannelForm(draft()).genie_tv.options.region).toBe('서울특별시 강남구');
  });

  it('treats the schedule input as Seoul time', () => {
    expect(seoulLocalToIso('2026-11-21T09:00')).toBe('2026-11-21T00:00:00.000Z');
    expect(isoToSeoulLocal('2026-11-21T00:00:00.000Z')).toBe('2026-11-21T09:00');
  });
});
