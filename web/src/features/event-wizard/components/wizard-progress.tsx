import { stepLabels, wizardSteps, type WizardStep } from './wizard-steps';

/** 목적 → AI 추천 → 콘텐츠 → 채널 → 승인, the current one marked. */
export function WizardProgress({ current }: { current: WizardStep | 'purpose' }) {
  const all = ['purpose', ...wizardSteps] as const;
  const index = all.indexOf(current);
  return (
    <ol className="wizard-progress" aria-label="이벤트 만들기 단계">
      {all.map((step, i) => (
        <li key={step} className={i < index ? 'done' : i === index ? 'current' : ''} aria-current={i === index ? 'step' : undefined}>
          <span className="wizard-progress-dot">{i < index ? '✓' : i + 1}</span>
          <span className="wizard-progress-label">{stepLabels[step]}</span>
        </li>
      ))}
    </ol>
  );
}
