// Sends a round's batches in order and keeps trying through a weak network until the session's grace ends. The server
// answers a replayed batch with its first answer, so resending after a lost answer never counts twice.
import type { Batch } from './round';
import type { BatchResult } from './schema';


/** What one attempt gave: an answer, a refusal not worth retrying (4xx), or a failure worth retrying. */
export type Attempt =
  | { kind: 'answered'; result: BatchResult }
  | { kind: 'refused'; status: number }
  | { kind: 'failed' };

export interface Summary {
  answered: BatchResult[];
  refused: Batch[];
  unsent: Batch[];
}

export interface OutboxOptions {
  send: (batch: Batch) => Promise<Attempt>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Monotonic time after which the server will no longer take the session's batches. */
  deadline: number;
  onChange?: (pending: number, offline: boolean) => void;
  /** Each batch's answer, as it arrives. */
  onAnswer?: (result: BatchResult) => void;
}

/** Waits before the n-th retry: 0.5 s, 1 s, 2 s, then 4 s, a little randomised so that phones do not retry in step. */
export function backoff(retry: number, random: () => number = Math.random): number {
  const base = Math.min(4000, 500 * 2 ** Math.max(0, retry - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class Outbox {
  private readonly queue: Batch[] = [];
  private readonly summary: Summary = { answered: [], refused: [], unsent: [] };
  private running: Promise<void> | null = null;

  constructor(private readonly options: OutboxOptions) {}

  push(batch: Batch): void {
    this.queue.push(batch);
    this.options.onChange?.(this.queue.length, false);
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
  }

  /** Resolves once every batch is answered, refused, or given up at the deadline. */
  async settle(): Promise<Summary> {
    while (this.running) await this.running;
    return this.summary;
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue[0];
      let retry = 0;
      for (;;) {
        const attempt = await this.options.send(batch);
        if (attempt.kind === 'answered') {
          this.summary.answered.push(attempt.result);
          this.options.onAnswer?.(attempt.result);
          break;
        }
        if (attempt.kind === 'refused') {
          this.summary.refused.push(batch);
          break;
        }
        retry++;
        const wait = backoff(retry);
        if (this.options.now() + wait >= this.options.deadline) {
          // Too late for this batch and every one behind it.
          this.summary.unsent.push(...this.queue.splice(0));
          this.options.onChange?.(0, true);
          return;
        }
        this.options.onChange?.(this.queue.length, true);
        await this.options.sleep(wait);
      }
      this.queue.shift();
      this.options.onChange?.(this.queue.length, false);
    }
  }
}
