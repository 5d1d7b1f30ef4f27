import { describe, expect, it } from 'vitest';
import { Round, SEND_MARGIN_MS } from '../src/round';

describe('Round', () => {
  const grant = { grantedAt: '2026-11-23T10:00:00.000Z', startsAt: '2026-11-23T10:00:03.000Z',
    endsAt: '2026-11-23T10:00:13.000Z', acceptsUntil: '2026-11-23T10:00:18.000Z', maxClicks: 5 };

  it('counts down on the server clock, whatever the phone clock says', () => {
    const round = Round.fromGrant(1_000, grant);
    expect(round.startAt).toBe(4_000);
    expect(round.lengthMs).toBe(10_000);
    expect(round.phase(3_999)).toBe('countdown');
    expect(round.secondsLeft(1_000)).toBe(3);
    expect(round.secondsLeft(3_100)).toBe(1);
    expect(round.phase(4_000)).toBe('playing');
    expect(round.secondsLeft(4_001)).toBe(10);
    expect(round.phase(14_001)).toBe('over');
  });

  it("sends until the server's grace ends, less the time a last try needs to arrive", () => {
    const round = Round.fromGrant(1_000, grant);
    expect(round.graceMs).toBe(5_000);
    expect(round.sendUntil).toBe(14_000 + 5_000 - SEND_MARGIN_MS);
    // A grace shorter than the margin still leaves until the round's end, never before.
    const tight = Round.fromGrant(1_000, { ...grant, acceptsUntil: '2026-11-23T10:00:13.500Z' });
    expect(tight.sendUntil).toBe(14_000);
  });

  it('records taps only while playing, as increasing offsets, up to the cap', () => {
    const round = Round.fromGrant(1_000, grant);
    expect(round.tap(3_500)).toBe(false);          // countdown
    expect(round.tap(4_100.4)).toBe(true);         // offset 100
    expect(round.tap(4_100.2)).toBe(true);         // same millisecond: nudged to 101
    expect(round.tap(4_250)).toBe(true);
    expect(round.tap(14_000)).toBe(true);          // the last millisecond counts
    expect(round.tap(14_001)).toBe(false);         // over
    expect(round.nextBatch()).toEqual({ seq: 1, offsets: [100, 101, 250, 10_000] });
  });

  it('stops at the cap the server would enforce', () => {
    const round = Round.fromGrant(0, grant);
    for (let i = 0; i < 8; i++) round.tap(3_000 + 100 * i);
    expect(round.taps).toBe(5);
  });

  it('gives taps refused as too fast their place back, and no others', () => {
    const round = Round.fromGrant(0, grant);
    for (let i = 0; i < 5; i++) round.tap(3_000 + 100 * i);
    expect(round.tap(3_600)).toBe(false);
    round.answered({ rejections: { TOO_FAST: 2 } });
    expect(round.counting).toBe(3);
    expect(round.tap(3_700)).toBe(true);
    expect(round.tap(3_800)).toBe(true);
    expect(round.tap(3_900)).toBe(false);
    round.answered({ rejections: { LIMIT: 1 } });
    expect(round.tap(4_000)).toBe(false);
    round.answered({ rejections: { NOT_COUNTED: 7 } });
    expect(round.tap(4_100)).toBe(false);
    expect(round.taps).toBe(7);
  });

  it('puts each tap in exactly one batch, batches numbered from 1', () => {
    const round = new Round(0, 10_000, 100);
    round.tap(10);
    round.tap(20);
    expect(round.nextBatch()).toEqual({ seq: 1, offsets: [10, 20] });
    expect(round.nextBatch()).toBeNull();
    round.tap(2_500);
    expect(round.nextBatch()).toEqual({ seq: 2, offsets: [2_500] });
  });
});
