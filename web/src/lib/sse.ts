/** Server-sent events (text/event-stream), read from fetch bodies: EventSource cannot send the Authorization header. */

export type SseMessage = { event: string; data: string };

/** Splits SSE text into complete messages and the unfinished rest. */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: SseMessage[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 || event !== 'message') messages.push({ event, data: data.join('\n') });
  }
  return { messages, rest };
}

/** Hands each complete message of a response body to onMessage as it arrives; resolves when the body ends. */
export async function readSse(body: NonNullable<Response['body']>, onMessage: (message: SseMessage) => void): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const parsed = parseSse(buffer + value);
    buffer = parsed.rest;
    parsed.messages.forEach(onMessage);
  }
  // A last message the server ended without its blank line still counts.
  if (buffer.trim()) parseSse(`${buffer}\n\n`).messages.forEach(onMessage);
}
