import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Icon, type IconName } from '@/components/ui/icons';
import { errorMessage } from '@/lib/api-client';
import { purposeLabels } from '@/lib/labels';
import type { EventDetail, Purpose } from '@/types/api';
import { useCreateEvent } from '../api/create-event';

// UFR-EVENT-020: each purpose with what it is for and an example of what it brings.
const purposes: { purpose: Purpose; icon: IconName; description: string; effect: string }[] = [
  { purpose: 'new_customers', icon: 'userPlus', description: '새로운 고객을 확보해요', effect: '예: 첫 방문 고객 30% 증가' },
  { purpose: 'revisit', icon: 'repeat', description: '기존 고객의 재방문을 촉진해요', effect: '예: 한 달 내 재방문율 20% 향상' },
  { purpose: 'sales', icon: 'trendingUp', description: '단기 매출을 끌어올려요', effect: '예: 이벤트 기간 매출 15% 증가' },
  { purpose: 'awareness', icon: 'megaphone', description: '브랜드와 매장을 널리 알려요', effect: '예: 동네 노출 1만 회 이상' },
];

export function PurposeStep({ onCreated }: { onCreated: (event: EventDetail) => void }) {
  const [chosen, setChosen] = useState<Purpose>();
  const create = useCreateEvent();

  function choose(purpose: Purpose) {
    if (create.isPending) return;
    setChosen(purpose);
    create.mutate(purpose, { onSuccess: onCreated });
  }

  return (
    <div className="stack">
      <div>
        <h1 className="page-title">어떤 이벤트를 원하세요?</h1>
        <p className="muted">목적을 고르면 AI가 바로 트렌드를 분석해 기획안을 추천해드려요.</p>
      </div>
      <ul className="purpose-grid">
        {purposes.map((p) => (
          <li key={p.purpose}>
            <button
              type="button"
              className={`purpose-card${chosen === p.purpose ? ' selected' : ''}`}
              onClick={() => choose(p.purpose)}
              disabled={create.isPending}
              aria-busy={create.isPending && chosen === p.purpose}
            >
              <span className="purpose-icon">
                <Icon name={p.icon} />
              </span>
              <strong>{purposeLabels[p.purpose]}</strong>
              <span className="small">{p.description}</span>
              <span className="purpose-effect small">{p.effect}</span>
            </button>
          </li>
        ))}
      </ul>
      {create.isPending && <p className="muted" role="status">이벤트를 준비하고 있어요…</p>}
      {create.isError && (
        <Alert>
          {errorMessage(create.error)}{' '}
          <Button variant="ghost" className="btn-small" onClick={() => chosen && choose(chosen)}>
            다시 시도
          </Button>
        </Alert>
      )}
    </div>
  );
}
