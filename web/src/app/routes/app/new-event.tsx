import { useNavigate } from 'react-router';
import { PurposeStep } from '@/features/event-wizard/components/purpose-step';
import { WizardProgress } from '@/features/event-wizard/components/wizard-progress';

export function NewEventRoute() {
  const navigate = useNavigate();
  return (
    <div className="stack-lg">
      <WizardProgress current="purpose" />
      <PurposeStep onCreated={(event) => navigate(`/events/${event.id}/wizard/recommendation`, { replace: true })} />
    </div>
  );
}
