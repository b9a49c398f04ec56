import { Badge, type BadgeTone } from '@/components/ui/badge';
import { statusLabels } from '@/lib/labels';
import type { EventStatus } from '@/types/api';

const tones: Record<EventStatus, BadgeTone> = { draft: 'orange', scheduled: 'blue', active: 'brand', ended: 'gray' };

export function StatusBadge({ status }: { status: EventStatus }) {
  return <Badge tone={tones[status]}>{statusLabels[status]}</Badge>;
}
