// Solves one puzzle off the page's thread: the search is synchronous, so the page stays responsive meanwhile.
import { solve } from './pow';
import type { Challenge } from './schema';

self.onmessage = (event: MessageEvent<Challenge>) => {
  (self as unknown as Worker).postMessage(solve(event.data));
};
