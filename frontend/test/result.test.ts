import { describe, expect, it } from 'vitest';
import type { Summary } from '../src/outbox';
import type { BatchResult } from '../src/schema';
import { latestProgress, summarize, topRegions } from '../src/result';

function answer(seq: number, fields: Partial<BatchResult>): BatchResult {
  return { seq, accepted: 0, rejected: 0, reason: null, rejections: {}, sessionClicks: 0, sessionMegabytes: 0,
    campaign: progress(0), ...fields };
}

function progress(gigabytes: number): BatchResult['campaign'] {
  return { megabytes: gigabytes * 1000, gigabytes, gigabyteConvention: 'DECIMAL', percentOfGoal: gigabytes / 10 };
}

const none: Summary = { answered: [], refused: [], unsent: [] };

describe('summarize', () => {
  it('says nothing was counted when nothing was answered', () => {
    expect(summarize(none)).toEqual({ counted: 0, megabytes: 0, rejected: 0, reason: 'OTHER', lost: 0 });
  });

  it("takes the session's highest running total, whatever order the answers came in", () => {
    const result = summarize({ ...none, answered: [
      answer(2, { accepted: 3, sessionClicks: 8, sessionMegabytes: 80 }),
      answer(1, { accepted: 5, sessionClicks: 5, sessionMegabytes: 50 }),
    ] });
    expect(result.counted).toBe(8);
    expect(result.megabytes).toBe(80);
  });

  it('counts refused clicks from the answers and from batches refused whole, lost ones apart', () => {
    const result = summarize({
      answered: [answer(1, { accepted: 4, rejected: 2, rejections: { TOO_FAST: 2 }, sessionClicks: 4 })],
      refused: [{ seq: 2, offsets: [10, 20, 30] }],
      unsent: [{ seq: 3, offsets: [40] }, { seq: 4, offsets: [50, 60] }],
    });
    expect(result.rejected).toBe(5);
    expect(result.lost).toBe(3);
  });

  it('names the reason that refused the most clicks over every answer', () => {
    const result = summarize({ ...none, answered: [
      answer(1, { rejected: 3, rejections: { TOO_FAST: 3 } }),
      answer(2, { rejected: 5, rejections: { LIMIT: 2, LATE: 3 } }),
      answer(3, { rejected: 2, rejections: { LIMIT: 2 } }),
    ] });
    expect(result.reason).toBe('LIMIT');
  });

  it('keeps the first reason seen on a tie', () => {
    const result = summarize({ ...none, answered: [answer(1, { rejected: 4, rejections: { LATE: 2, TOO_FAST: 2 } })] });
    expect(result.reason).toBe('LATE');
  });
});

describe('latestProgress', () => {
  it("is the last answer's campaign progress, none before any answer", () => {
    expect(latestProgress({ ...none, answered: [answer(1, { campaign: progress(1) }), answer(2, { campaign: progress(2) })] }))
      .toEqual(progress(2));
    expect(latestProgress(none)).toBeNull();
  });
});

describe('topRegions', () => {
  it('keeps the five regions with the most megabytes, most first', () => {
    const regions = [1, 7, 3, 9, 5, 2, 8].map((mb) => ({ code: `r${mb}`, megabytes: mb }));
    expect(topRegions(regions).map((r) => r.megabytes)).toEqual([9, 8, 7, 5, 3]);
    expect(regions[0].megabytes).toBe(1); // the totals' own list is left as it was
  });
});
