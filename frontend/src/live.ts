// The campaign total, live: server-sent events, falling back to polling where a proxy or the network breaks them.
import { totals } from './api';
import type { Totals } from './schema';

export function follow(slug: string, onTotals: (t: Totals) => void, pollMs = 5000): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let source: EventSource | undefined;

  const poll = async () => {
    if (stopped) return;
    try {
      onTotals(await totals(slug));
    } catch {
      // keep the last figure; try again later
    }
    timer = setTimeout(poll, pollMs);
  };

  if (typeof EventSource !== 'undefined') {
    source = new EventSource(`/api/campaigns/${encodeURIComponent(slug)}/totals/stream`);
    source.onmessage = (event) => onTotals(JSON.parse(event.data) as Totals);
    source.onerror = () => {
      source?.close();
      source = undefined;
      if (!timer) void poll();
    };
  } else {
    void poll();
  }
  return () => {
    stopped = true;
    source?.close();
    if (timer) clearTimeout(timer);
  };
}
