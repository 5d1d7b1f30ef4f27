// Solves one puzzle off the page's thread: the search is synchronous, so the page stays responsive meanwhile.
import { solve, type Challenge } from './pow';

self.onmessage = (event: MessageEvent<Challenge>) => {
  (self as unknown as Worker).postMessage(solve(event.data));
};
