import { Navigate, useNavigate } from 'react-router';
import { ErrorState } from '@/components/ui/alert';
import { Loading } from '@/components/ui/spinner';
import { showToast } from '@/components/ui/toasts';
import { errorMessage } from '@/lib/api-client';
import { useDraft } from '../api/get-draft';
import { APPROVED, ApproveStep } from './approve-step';
import { ChannelsStep } from './channels-step';
import { ContentStep } from './content-step';
import { RecommendationStep } from './recommendation-step';
import { WizardProgress } from './wizard-progress';
import { guardStep, type WizardStep } from './wizard-steps';

/** One draft's wizard at /events/:id/wizard/:step; the server's draft decides which steps are open. */
export function EventWizard({ eventId, step }: { eventId: string; step: string | undefined }) {
  const navigate = useNavigate();
  const draft = useDraft(eventId);
  if (draft.isPending) return <Loading label="작성 중인 이벤트를 불러오는 중…" />;
  if (draft.isError) return <ErrorState message={errorMessage(draft.error)} onRetry={() => void draft.refetch()} />;

  const event = draft.data;
  const redirect = guardStep(step, event);
  if (redirect) return <Navigate to={redirect} replace />;

  const go = (to: WizardStep) => navigate(`/events/${eventId}/wizard/${to}`);
  const current = step as WizardStep;
  return (
    <div className="stack-lg">
      <WizardProgress current={current} />
      {current === 'recommendation' && <RecommendationStep key={eventId} event={event} onDone={() => go('content')} />}
      {current === 'content' && <ContentStep event={event} onDone={() => go('channels')} onBack={() => go('recommendation')} />}
      {current === 'channels' && <ChannelsStep event={event} onDone={() => go('approve')} onBack={() => go('content')} />}
      {current === 'approve' && (
        <ApproveStep
          event={event}
          onBack={() => go('channels')}
          onApproved={(approved) => {
            showToast(APPROVED);
            navigate(`/events/${approved.id}`, { replace: true });
          }}
        />
      )}
    </div>
  );
}
