import { describe, expect, it } from 'vitest';
import { backoff, Outbox, type Attempt } from '../src/outbox';
import type { BatchResult } from '../src/schema';
import type { Batch } from '../src/round';

/** A fake clock the outbox sleeps on: sleeping advances it, so retries play out instantly. */
function clock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => { now += ms; } };
}

function answer(batch: Batch, clicksBefore: number): Attempt {
  const result: BatchResult = { seq: batch.seq, accepted: batch.offsets.length, rejected: 0, reason: null, rejections: {},
    campaign: { megabytes: 0, gigabytes: 0, gigabyteConvention: 'DECIMAL', percentOfGoal: 0 },
    sessionClicks: clicksBefore + batch.offsets.length, sessionMegabytes: 10 * (clicksBefore + batch.offsets.length) };
  return { kind: 'answered', result };
}

describe('Outbox', () => {
  it('sends batches one after the other, in order', async () => {
    const time = clock();
    const sent: number[] = [];
    let clicks = 0;
    const outbox = new Outbox({ ...time, deadline: 10_000, send: async (b) => {
      sent.push(b.seq);
      const a = answer(b, clicks);
      clicks += b.offsets.length;
      return a;
    } });
    outbox.push({ seq: 1, offsets: [1, 2] });
    outbox.push({ seq: 2, offsets: [3] });
    outbox.push({ seq: 3, offsets: [4, 5, 6] });
    const summary = await outbox.settle();
    expect(sent).toEqual([1, 2, 3]);
    expect(summary.answered.map((a) => a.sessionClicks)).toEqual([2, 3, 6]);
    expect(summary.unsent).toEqual([]);
  });

  it('retries a batch through a dropped network and counts it once it is back', async () => {
    const time = clock();
    let failures = 3;
    const attempts: number[] = [];
    const outbox = new Outbox({ ...time, deadline: 20_000, send: async (b) => {
      attempts.push(time.now());
      return failures-- > 0 ? { kind: 'failed' } : answer(b, 0);
    } });
    outbox.push({ seq: 1, offsets: [5, 9] });
    const summary = await outbox.settle();
    expect(attempts).toHaveLength(4);
    expect(attempts[3]).toBeGreaterThan(attempts[0]);
    expect(summary.answered).toHaveLength(1);
    expect(summary.answered[0].accepted).toBe(2);
  });

  it('gives up at the deadline and says which clicks were not sent', async () => {
    const time = clock();
    const outbox = new Outbox({ ...time, deadline: 3_000, send: async () => ({ kind: 'failed' }) });
    outbox.push({ seq: 1, offsets: [1] });
    outbox.push({ seq: 2, offsets: [2, 3] });
    const summary = await outbox.settle();
    expect(summary.answered).toEqual([]);
    expect(summary.unsent.map((b) => b.seq)).toEqual([1, 2]);
    expect(time.now()).toBeLessThan(3_000);
  });

  it('does not retry a refusal, and goes on with the next batch', async () => {
    const time = clock();
    const outbox = new Outbox({ ...time, deadline: 10_000, send: async (b) =>
      b.seq === 1 ? { kind: 'refused', status: 400 } : answer(b, 0) });
    outbox.push({ seq: 1, offsets: [1] });
    outbox.push({ seq: 2, offsets: [2] });
    const summary = await outbox.settle();
    expect(summary.refused.map((b) => b.seq)).toEqual([1]);
    expect(summary.answered.map((a) => a.seq)).toEqual([2]);
  });

  it('backs off 0.5 s, 1 s, 2 s, then 4 s at most, within ±20 %', () => {
    expect(backoff(1, () => 0.5)).toBe(500);
    expect(backoff(2, () => 0.5)).toBe(1000);
    expect(backoff(3, () => 0.5)).toBe(2000);
    expect(backoff(9, () => 0.5)).toBe(4000);
    expect(backoff(1, () => 0)).toBe(400);
    expect(backoff(1, () => 1)).toBe(600);
  });
});
