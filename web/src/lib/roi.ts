// UFR-ANAL-010's ROI, as the Event service computes it: the app previews it, the screens' fake
// gateway answers with it.

/** The largest sales increase the server takes (100억원): beyond it is a typo, not a shop. */
export const MAX_SALES_INCREASE_KRW = 10_000_000_000;

/** "3,000,000", "3000000원" or " 3 000 000 " as won; undefined for anything else or out of range. */
export function parseWon(input: string): number | undefined {
  const digits = input.replace(/[\s,원]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const value = Number(digits);
  return value <= MAX_SALES_INCREASE_KRW ? value : undefined;
}

/**
 * ROI = (매출 증가액 − 이벤트 비용) / 이벤트 비용 × 100, in whole percent rounded half away from
 * zero, as the Event service computes it (−37.5 → −38, where Math.round would give −37).
 */
export function roiPercent(salesIncreaseKrw: number, costKrw: number): number {
  const exact = ((salesIncreaseKrw - costKrw) * 100) / costKrw;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}
