// Field rules shared by the owner's and the customer's forms; the server checks the same again.

export function isMobilePhone(input: string): boolean {
  return /^01[016789]\d{7,8}$/.test(input.replace(/[\s-]/g, ''));
}

export function isPersonName(input: string): boolean {
  const name = input.trim();
  return name.length >= 2 && /^[가-힣a-zA-Z\s]+$/.test(name);
}

export function isEmail(input: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.trim());
}

/** 8+ characters with a letter, a digit and a special character. */
export function isStrongPassword(input: string): boolean {
  return input.length >= 8 && /[A-Za-z]/.test(input) && /\d/.test(input) && /[^A-Za-z0-9]/.test(input);
}

/** The NTS check digit of a 10-digit 사업자등록번호 (weights 1,3,7,1,3,7,1,3,5). */
export function isBusinessNumber(input: string): boolean {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number) as number[];
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = 0;
  weights.forEach((w, i) => (sum += d[i]! * w));
  sum += Math.floor((d[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;
