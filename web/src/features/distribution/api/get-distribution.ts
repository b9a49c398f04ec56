import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ChannelDistribution, DistributionState } from '@/types/api';

// UFR-DIST-020: each channel's state, what the channel answered (배포 정보), and what the owner may do.

export type ChannelState = DistributionState | 'cancelled';

/** One day of a 지니TV ad's airing, as the channel booked it: date "2026-12-01", from "07:00", to "23:00". */
export type ExposureSlot = { date: string; from: string; to: string };

/**
 * GET /api/events/{id}/distribution's channel with the UFR-DIST-020 fields (docs/api.md). They may be
 * absent from an older gateway, so the component treats every one as optional.
 */
export type ChannelDistributionDetail = Omit<ChannelDistribution, 'state'> & {
  state: ChannelState;
  /** 진행중: attempt `attempts` of this. */
  maxAttempts?: number;
  retryable?: boolean;
  cancellable?: boolean;
  /** The channel's own expected exposure once it accepted (우리동네TV, 지니TV). */
  reportedExposure?: number | null;
  /** 링고비즈: when the new ring-back tone took effect. */
  ringbackUpdatedAt?: string | null;
  /** 지니TV: the ad's schedule. */
  exposureSchedule?: ExposureSlot[];
};

export type DistributionStatus = { eventId: string; channels: ChannelDistributionDetail[] };

export function getDistribution(eventId: string, signal?: AbortSignal): Promise<DistributionStatus> {
  return api.get<DistributionStatus>(`/api/events/${eventId}/distribution`, signal);
}

export const distributionQueryKey = (eventId: string) => ['events', eventId, 'distribution'] as const;

export const distributionQueryOptions = (eventId: string) =>
  queryOptions({
    queryKey: distributionQueryKey(eventId),
    queryFn: ({ signal }) => getDistribution(eventId, signal),
  });

export function useDistribution(eventId: string) {
  return useQuery(distributionQueryOptions(eventId));
}
