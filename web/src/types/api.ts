// The gateway's REST contract (docs/api.md), typed once for every feature.

export type Industry = 'restaurant' | 'cafe' | 'retail' | 'beauty' | 'other';
export type Purpose = 'new_customers' | 'revisit' | 'sales' | 'awareness';
export type EventStatus = 'draft' | 'scheduled' | 'active' | 'ended';
export type ChannelCode =
  | 'uridongne_tv'
  | 'ringo_biz'
  | 'genie_tv'
  | 'instagram'
  | 'naver_blog'
  | 'kakao_channel';

export type ProblemDetails = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
};

export type Store = {
  storeId: string;
  name: string;
  industry: Industry;
  address: string;
  openingHours?: string | null;
  businessNumber: string;
};

export type Owner = {
  userId: string;
  name: string;
  phone: string;
  email: string;
  store: Store;
};

export type Session = {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken?: string | null;
  refreshTokenExpiresAt?: string | null;
  owner: Owner;
};

export type EventSummary = {
  id: string;
  status: EventStatus;
  title: string;
  purpose: Purpose;
  startsAt?: string | null;
  endsAt?: string | null;
  createdAt: string;
  imageId?: string | null;
  /** From Analytics once approved; absent for drafts and when the figures are unavailable. */
  participants?: number | null;
  exposures?: number | null;
};

export type Trend = {
  title: string;
  narrative: string;
  figures: { label: string; value: string }[];
};

export type Trends = { industry: Trend; region: Trend; season: Trend };

export type BudgetTier = 'low' | 'medium' | 'high';
export type PlanKind = 'online' | 'offline';

export type Plan = {
  planId: string;
  budgetTier: BudgetTier;
  kind: PlanKind;
  title: string;
  prize: string;
  participationMethod: string;
  promotionLines: string[];
  expectedParticipants: number;
  costKrw: number;
  expectedRoiPercent: number;
  ktMembershipPoints: number;
  durationDays: number;
  prizeQuantity: number;
};

export type Recommendation = {
  trends: Trends;
  plans: Plan[];
  metadata: {
    engine: RecommendationEngine;
    cacheHit: boolean;
    syntheticData: boolean;
    recommendationId: string;
    generatedAt: string;
    stages: { stage: string; milliseconds: number }[];
    inputTokens: number;
    outputTokens: number;
  };
};

export type ChannelOptions = Record<string, string>;
export type ChannelChoice = { channel: ChannelCode; options: ChannelOptions };
export type ChannelEstimate = ChannelChoice & { costKrw: number; expectedExposure: number };
export type ChannelPlan = {
  channels: ChannelEstimate[];
  totalCostKrw: number;
  totalExposure: number;
};

export type EventDetail = {
  id: string;
  status: EventStatus;
  purpose: Purpose;
  store: { storeId: string; name: string; industry: Industry; address: string; phone: string };
  recommendation?: Recommendation | null;
  selectedPlan?: Plan | null;
  imageId?: string | null;
  channelPlan?: ChannelPlan | null;
  startsAt?: string | null;
  endsAt?: string | null;
  approvedAt?: string | null;
  createdAt: string;
  sales?: SalesReport | null;
};

/** UFR-ANAL-010: the sales an ended event added, as the owner reported them, and the ROI they give. */
export type SalesReport = {
  salesIncreaseKrw: number;
  costKrw: number;
  roiPercent: number;
  expectedRoiPercent: number;
  reportedAt: string;
};

export type ImageStyle = 'simple' | 'fancy' | 'trendy';
export type EventImage = {
  imageId: string;
  eventId: string;
  style: ImageStyle;
  width: number;
  height: number;
  selected: boolean;
};

/** Who made the recommendation: Claude, the data-driven engine, or Claude with data filling its gaps. */
export type RecommendationEngine = 'claude' | 'data' | 'mixed';

export type DistributionState = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** One day of a 지니TV ad's airing, as the channel booked it: date "2026-12-01", from "07:00", to "23:00". */
export type ExposureSlot = { date: string; from: string; to: string };

/** UFR-DIST-020: a channel's state, what the channel answered (배포 정보), and what the owner may do. */
export type ChannelDistribution = {
  channel: ChannelCode;
  state: DistributionState;
  attempts: number;
  /** 진행중: attempt `attempts` of this. */
  maxAttempts: number;
  externalId?: string | null;
  postUrl?: string | null;
  errorMessage?: string | null;
  updatedAt?: string | null;
  expectedExposure: number;
  retryable: boolean;
  cancellable: boolean;
  /** The channel's own expected exposure once it accepted (우리동네TV, 지니TV). */
  reportedExposure?: number | null;
  /** 링고비즈: when the new ring-back tone took effect. */
  ringbackUpdatedAt?: string | null;
  /** 지니TV: the ad's schedule. */
  exposureSchedule: ExposureSlot[];
};

export type AnalyticsSummary = {
  eventId: string;
  participants: number;
  exposures: number;
  expectedParticipants: number;
  totalCostKrw: number;
  channels: { channel: ChannelCode; exposures: number; participants: number; costKrw: number }[];
  updatedAt?: string | null;
};

export type PublicEvent = {
  eventId: string;
  storeName: string;
  title: string;
  prize: string;
  participationMethod: string;
  startsAt: string;
  endsAt: string;
  announceAt: string;
  open: boolean;
  imageId?: string | null;
  consentText: string;
  consentVersion: string;
};

export type EntryReceipt = { entryNumber: string | number; announceAt: string };
