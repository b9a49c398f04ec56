import { useParams } from 'react-router';
import { EventWizard } from '@/features/event-wizard/components/event-wizard';

export function EventWizardRoute() {
  const { eventId, step } = useParams();
  return <EventWizard key={eventId} eventId={eventId!} step={step} />;
}
