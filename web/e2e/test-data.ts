/** Fresh identities for the specs that run against the real system, where a phone or business number registers once. */

/** Eight random digits, zero-padded. */
export const random8 = (): string => String(Math.floor(Math.random() * 1e8)).padStart(8, '0');

/** The NTS check digit (weights 1,3,7,1,3,7,1,3,5) appended to nine digits. */
export function withCheckDigit(nine: string): string {
  const d = [...nine].map(Number);
  const sum = [1, 3, 7, 1, 3, 7, 1, 3, 5].reduce((s, w, i) => s + d[i]! * w, 0) + Math.floor((d[8]! * 5) / 10);
  return `${nine}${(10 - (sum % 10)) % 10}`;
}
