import type { EventDetail, Owner, Plan, Session } from '@/types/api';

export const owner: Owner = {
  userId: 'u1',
  name: '김사장',
  phone: '01012345678',
  email: 'owner@example.com',
  store: { storeId: 's1', name: '행복카페', industry: 'cafe', address: '서울특별시 강남구 테헤란로 1', openingHours: null, businessNumber: '1234567891' },
};

export function session(overrides: Partial<Session> = {}): Session {
  return {
    accessToken: 'access-1',
    accessTokenExpiresAt: '2026-11-21T00:15:00Z',
    refreshToken: 'refresh-1',
    refreshTokenExpiresAt: '2026-12-21T00:00:00Z',
    owner,
    ...overrides,
  };
}

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    planId: 'p-low-online',
    budgetTier: 'low',
    kind: 'online',
    title: '가을 맞이 SNS 인증 이벤트',
    prize: '아메리카노 쿠폰',
    participationMethod: 'SNS 인증샷 업로드',
    promotionLines: ['a', 'b', 'c', 'd', 'e'],
    expectedParticipants: 120,
    costKrw: 250000,
    expectedRoiPercent: 180,
    ktMembershipPoints: 0,
    durationDays: 14,
    prizeQuantity: 10,
    ...overrides,
  };
}

export function draft(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    id: 'e1',
    status: 'draft',
    purpose: 'new_customers',
    store: { storeId: 's1', name: '행복카페', industry: 'cafe', address: '서울특별시 강남구 테헤란로 1', phone: '0212345678' },
    createdAt: '2026-11-20T00:00:00Z',
    ...overrides,
  };
}
