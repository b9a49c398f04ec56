import type { ReactNode } from 'react';

export type BadgeTone = 'gray' | 'blue' | 'green' | 'red' | 'orange' | 'brand';

export function Badge({ tone = 'gray', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
