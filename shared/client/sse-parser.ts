/** Minimal server-sent-events framing: `event:` and `data:` lines, blank line ends an event. */

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Parses complete events from `text`; returns them and the unfinished remainder to prepend next time. */
export function parseSseChunk(text: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const normalized = text.replace(/\r\n/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // comment / heartbeat
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length === 0) continue;
    try {
      events.push({ event, data: JSON.parse(data.join('\n')) });
    } catch {
      // A malformed frame is skipped rather than tearing down the stream.
    }
  }
  return { events, rest };
}

/** Formats one event for the wire. */
export function formatSse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
