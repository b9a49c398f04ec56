// Korean names for the contract's codes (docs/api.md).
import type {
  BudgetTier,
  ChannelCode,
  DistributionState,
  EventStatus,
  ImageStyle,
  Industry,
  PlanKind,
  Purpose,
  RecommendationEngine,
} from '@/types/api';

export const industryLabels: Record<Industry, string> = {
  restaurant: '음식점',
  cafe: '카페',
  retail: '소매점',
  beauty: '미용',
  other: '기타',
};

export const purposeLabels: Record<Purpose, string> = {
  new_customers: '신규 고객 유치',
  revisit: '재방문 유도',
  sales: '매출 증대',
  awareness: '인지도 향상',
};

export const statusLabels: Record<EventStatus, string> = {
  draft: '작성 중',
  scheduled: '예정',
  active: '진행중',
  ended: '종료',
};

export const channelLabels: Record<ChannelCode, string> = {
  uridongne_tv: '우리동네TV',
  ringo_biz: '링고비즈',
  genie_tv: '지니TV',
  instagram: 'Instagram',
  naver_blog: 'Naver Blog',
  kakao_channel: 'Kakao Channel',
};

export const channelOrder: ChannelCode[] = [
  'uridongne_tv',
  'ringo_biz',
  'genie_tv',
  'instagram',
  'naver_blog',
  'kakao_channel',
];

export const distributionStateLabels: Record<DistributionState, string> = {
  pending: '대기중',
  running: '진행중',
  succeeded: '완료',
  failed: '실패',
  cancelled: '취소됨',
};

export const budgetTierLabels: Record<BudgetTier, string> = {
  low: '저비용',
  medium: '중비용',
  high: '고비용',
};

export const planKindLabels: Record<PlanKind, string> = { online: '온라인', offline: '오프라인' };

export const imageStyleLabels: Record<ImageStyle, string> = {
  simple: '심플',
  fancy: '화려한',
  trendy: '트렌디',
};

export const timeSlotLabels: Record<string, string> = {
  weekday_evening: '평일 저녁',
  weekend_lunch: '주말 점심',
  all_day: '종일',
};

/** Small print under the AI step (issue #5): which engine answered. */
export const engineLabels: Record<RecommendationEngine, string> = {
  claude: 'Claude AI가 분석했어요',
  data: '데이터 기반 엔진이 분석했어요',
  mixed: 'Claude AI와 데이터 기반 엔진이 함께 분석했어요',
};
