import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { formatCount, formatKrw, formatPercent } from '@/lib/format';
import { budgetTierLabels, engineLabels, planKindLabels } from '@/lib/labels';
import type { BudgetTier, EventDetail, Plan, PlanKind, Trend, Trends } from '@/types/api';
import { useCreateRecommendations } from '../api/create-recommendations';
import { useSelectPlan } from '../api/select-plan';

export const TITLE_MAX = 50;
export const ANALYZING = 'AI가 트렌드를 분석하고 있어요…';
export const WRITING_PLANS = '트렌드를 바탕으로 이벤트 기획안을 만들고 있어요…';

const tiers: BudgetTier[] = ['low', 'medium', 'high'];
const tierHints: Record<BudgetTier, string> = {
  low: '저비용 · 높은 참여율',
  medium: '중비용 · 균형잡힌 ROI',
  high: '고비용 · 높은 매출 효과',
};

function TrendCard({ heading, trend }: { heading: string; trend: Trend }) {
  return (
    <section className="trend-card" aria-label={heading}>
      <p className="trend-heading">{heading}</p>
      <h3>{trend.title}</h3>
      <p className="small">{trend.narrative}</p>
      {trend.figures.length > 0 && (
        <dl className="trend-figures">
          {trend.figures.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function TrendGrid({ trends }: { trends: Trends }) {
  return (
    <div className="trend-grid">
      <TrendCard heading="업종 트렌드" trend={trends.industry} />
      <TrendCard heading="지역 특성" trend={trends.region} />
      <TrendCard heading="시즌 특성" trend={trends.season} />
    </div>
  );
}

/** The two stages of the analysis, the first ticked once its trends have arrived. */
function AnalysisSteps({ trendsReady }: { trendsReady: boolean }) {
  const steps = [
    { label: '업종·지역·시즌 트렌드 분석', state: trendsReady ? 'done' : 'active' },
    { label: '예산별 이벤트 기획안 작성', state: trendsReady ? 'active' : 'waiting' },
  ];
  return (
    <ol className="analysis-steps">
      {steps.map((step, i) => (
        <li key={step.label} data-state={step.state}>
          <span className="analysis-step-mark" aria-hidden="true">
            {step.state === 'done' ? '✓' : i + 1}
          </span>
          {step.label}
          <span className="sr-only">{step.state === 'done' ? ' (완료)' : step.state === 'active' ? ' (진행 중)' : ' (대기)'}</span>
        </li>
      ))}
    </ol>
  );
}

type Edits = Record<string, { title: string; prize: string }>;

export function RecommendationStep({ event, onDone }: { event: EventDetail; onDone: () => void }) {
  const recommend = useCreateRecommendations(event.id);
  const selectPlan = useSelectPlan(event.id);
  const recommendation = event.recommendation;
  const asked = useRef(false);

  const [tier, setTier] = useState<BudgetTier | undefined>(event.selectedPlan?.budgetTier);
  const [kinds, setKinds] = useState<Record<BudgetTier, PlanKind>>(() => ({
    low: 'online',
    medium: 'online',
    high: 'online',
    ...(event.selectedPlan ? { [event.selectedPlan.budgetTier]: event.selectedPlan.kind } : {}),
  }));
  const [edits, setEdits] = useState<Edits>(() =>
    event.selectedPlan ? { [event.selectedPlan.planId]: { title: event.selectedPlan.title, prize: event.selectedPlan.prize } } : {},
  );

  // Arriving without a recommendation starts the analysis at once (once, even under StrictMode).
  useEffect(() => {
    if (!recommendation && !asked.current) {
      asked.current = true;
      recommend.mutate(false);
    }
  }, [recommendation, recommend]);

  const planFor = (t: BudgetTier): Plan | undefined =>
    recommendation?.plans.find((p) => p.budgetTier === t && p.kind === kinds[t]) ??
    recommendation?.plans.find((p) => p.budgetTier === t);
  const valuesOf = (plan: Plan) => edits[plan.planId] ?? { title: plan.title, prize: plan.prize };
  const edit = (plan: Plan, change: Partial<{ title: string; prize: string }>) =>
    setEdits((prev) => ({ ...prev, [plan.planId]: { ...valuesOf(plan), ...change } }));

  const chosen = tier ? planFor(tier) : undefined;
  const chosenValues = chosen ? valuesOf(chosen) : undefined;
  const canContinue = !!chosen && !!chosenValues?.title.trim() && !!chosenValues.prize.trim() && chosenValues.title.length <= TITLE_MAX;

  function submit() {
    if (!chosen || !chosenValues) return;
    selectPlan.mutate(
      { planId: chosen.planId, title: chosenValues.title.trim(), prize: chosenValues.prize.trim() },
      { onSuccess: onDone },
    );
  }

  function again() {
    setTier(undefined);
    setEdits({});
    recommend.mutate(true);
  }

  // The analysis arrives in two steps: the trends (a few seconds), then the plans.
  if (recommend.isPending && !recommend.trends)
    return (
      <div className="analyzing" role="status" aria-live="polite">
        <Spinner size="large" />
        <p className="analyzing-title">{ANALYZING}</p>
        <p className="muted small">업종·지역·시즌 트렌드를 살펴보고 기획안 3가지를 만들고 있어요. 최대 10초 정도 걸려요.</p>
        <AnalysisSteps trendsReady={false} />
        <div className="progress progress-slow" aria-hidden="true">
          <span />
        </div>
      </div>
    );

  if (recommend.isPending && recommend.trends)
    return (
      <div className="stack-lg">
        <h1 className="page-title">AI 트렌드 분석</h1>
        <TrendGrid trends={recommend.trends} />
        <section className="plans-pending" role="status" aria-live="polite">
          <Spinner />
          <div className="stack-sm">
            <p className="section-title">{WRITING_PLANS}</p>
            <AnalysisSteps trendsReady />
          </div>
        </section>
        <div className="stack" aria-hidden="true">
          {tiers.map((t) => (
            <div key={t} className="plan-card plan-skeleton">
              <strong>{budgetTierLabels[t]}</strong>
              <span className="skeleton-line" />
              <span className="skeleton-line short" />
            </div>
          ))}
        </div>
      </div>
    );

  if (!recommendation)
    return (
      <div className="stack">
        <Alert>{recommend.isError ? errorMessage(recommend.error) : 'AI 추천을 준비하지 못했어요'}</Alert>
        <Button onClick={() => recommend.mutate(false)}>다시 시도</Button>
      </div>
    );

  return (
    <div className="stack-lg">
      <div>
        <h1 className="page-title">AI 트렌드 분석</h1>
        <p className="muted small" data-engine={recommendation.metadata.engine}>
          {engineLabels[recommendation.metadata.engine] ?? engineLabels.data}
          {recommendation.metadata.syntheticData && ' · 예시 데이터를 바탕으로 분석했어요.'}
        </p>
      </div>
      <TrendGrid trends={recommendation.trends} />

      <fieldset className="stack plan-list">
        <legend className="section-title">추천 이벤트 3가지</legend>
        {tiers.map((t) => {
          const plan = planFor(t);
          if (!plan) return null;
          const values = valuesOf(plan);
          const selected = tier === t;
          return (
            <div key={t} className={`plan-card${selected ? ' selected' : ''}`} data-tier={t}>
              <label className="plan-radio">
                <input type="radio" name="plan" value={t} checked={selected} onChange={() => setTier(t)} />
                <span>
                  <strong>{budgetTierLabels[t]}</strong> <span className="muted small">{tierHints[t]}</span>
                </span>
              </label>
              <div className="segmented" role="group" aria-label={`${budgetTierLabels[t]} 진행 방식`}>
                {(['online', 'offline'] as PlanKind[]).map((k) => (
                  <button
                    key={k}
                    type="button"
                    className={kinds[t] === k ? 'active' : ''}
                    aria-pressed={kinds[t] === k}
                    onClick={() => {
                      setKinds((prev) => ({ ...prev, [t]: k }));
                      setTier(t);
                    }}
                  >
                    {planKindLabels[k]}
                  </button>
                ))}
              </div>
              <div className="field">
                <label htmlFor={`title-${t}`}>이벤트 제목</label>
                <input
                  id={`title-${t}`}
                  value={values.title}
                  maxLength={TITLE_MAX}
                  onChange={(e) => edit(plan, { title: e.target.value })}
                  onFocus={() => setTier(t)}
                />
                <p className="field-hint counter">
                  {values.title.length}/{TITLE_MAX}
                </p>
              </div>
              <div className="field">
                <label htmlFor={`prize-${t}`}>경품</label>
                <input id={`prize-${t}`} value={values.prize} onChange={(e) => edit(plan, { prize: e.target.value })} onFocus={() => setTier(t)} />
              </div>
              <p className="small">
                <span className="muted">참여 방법</span> {plan.participationMethod}
              </p>
              <dl className="plan-figures">
                <div>
                  <dt>예상 참여자</dt>
                  <dd>{formatCount(plan.expectedParticipants)}명</dd>
                </div>
                <div>
                  <dt>예상 비용</dt>
                  <dd>{formatKrw(plan.costKrw)}</dd>
                </div>
                <div>
                  <dt>예상 ROI</dt>
                  <dd>{formatPercent(plan.expectedRoiPercent)}</dd>
                </div>
              </dl>
            </div>
          );
        })}
      </fieldset>

      {recommend.isError && <Alert>{errorMessage(recommend.error)}</Alert>}
      {selectPlan.isError && <Alert>{errorMessage(selectPlan.error)}</Alert>}
      <div className="actions sticky-actions">
        <Button variant="secondary" onClick={again} disabled={selectPlan.isPending}>
          다시 추천받기
        </Button>
        <Button onClick={submit} disabled={!canContinue} loading={selectPlan.isPending}>
          다음
        </Button>
      </div>
    </div>
  );
}
