import { solve, type Challenge } from './pow';

self.onmessage = async (event: MessageEvent<Challenge>) => {
  (self as unknown as Worker).postMessage(await solve(event.data));
};
