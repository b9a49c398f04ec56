import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../live';
import { parseSse } from '../sse';

describe('UFR_DIST_020 live stream parsing', () => {
  it('reads named events and keeps an unfinished message for the next chunk', () => {
    const { messages, rest } = parseSse('event: distribution\ndata: {}\n\n: keep-alive\n\nevent: analytics\ndata: {');
    expect(messages).toEqual([{ event: 'distribution', data: '{}' }]);
    expect(rest).toBe('event: analytics\ndata: {');
    expect(parseSse(`${rest}}\n\n`).messages).toEqual([{ event: 'analytics', data: '{}' }]);
  });

  it('accepts CRLF line endings', () => {
    expect(parseSse('event: event\r\ndata: {}\r\n\r\n').messages).toEqual([{ event: 'event', data: '{}' }]);
  });

  it('backs off exponentially up to 30 seconds', () => {
    expect([0, 1, 2, 3, 10].map(backoffDelay)).toEqual([1000, 2000, 4000, 8000, 30000]);
  });
});
