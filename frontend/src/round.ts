// One 10-second round on the player's side: when it starts and ends on this device's monotonic clock, the taps as
// offsets in ms since the start, and the batches they are sent in.

import type { BatchResult, Grant } from './schema';

/** How long before the server's grace ends the last try leaves, so that it arrives in time. */
export const SEND_MARGIN_MS = 1000;

export type Phase = 'countdown' | 'playing' | 'over';

export interface Batch {
  seq: number;
  offsets: number[];
}

export class Round {
  private readonly offsets: number[] = [];
  private sent = 0;
  private seq = 0;
  private refused = 0;

  /**
   * @param startAt monotonic time (performance.now()) at which the server's startsAt falls on this device
   * @param lengthMs the session's length
   * @param maxClicks the session's cap: taps beyond it are not recorded (the server would refuse them), counting
   *                  only taps the server has not refused
   */
  constructor(readonly startAt: number, readonly lengthMs: number, readonly maxClicks: number,
              readonly graceMs = 0) {}

  /**
   * The round as the grant describes it, every span measured on the server's clock and laid on this device's: the
   * countdown is startsAt − grantedAt, the grace acceptsUntil − endsAt, whatever the phone's own clock says.
   */
  static fromGrant(receivedAt: number, grant: Pick<Grant, 'grantedAt' | 'startsAt' | 'endsAt' | 'acceptsUntil' | 'maxClicks'>): Round {
    const countdown = Date.parse(grant.startsAt) - Date.parse(grant.grantedAt);
    const length = Date.parse(grant.endsAt) - Date.parse(grant.startsAt);
    const grace = Math.max(0, Date.parse(grant.acceptsUntil) - Date.parse(grant.endsAt));
    return new Round(receivedAt + countdown, length, grant.maxClicks, grace);
  }

  /**
   * The last moment a batch is worth sending: the server takes the session's batches until its grace ends, and the
   * last try must leave early enough to arrive (a second for a weak network), never before the round's end.
   */
  get sendUntil(): number {
    return this.startAt + this.lengthMs + Math.max(0, this.graceMs - SEND_MARGIN_MS);
  }

  phase(now: number): Phase {
    if (now < this.startAt) return 'countdown';
    return now <= this.startAt + this.lengthMs ? 'playing' : 'over';
  }

  /** Whole seconds before the start (3, 2, 1) or before the end while playing. */
  secondsLeft(now: number): number {
    const target = now < this.startAt ? this.startAt : this.startAt + this.lengthMs;
    return Math.max(0, Math.ceil((target - now) / 1000));
  }

  /** Records a tap; false when outside the round or over the cap. Offsets stay strictly increasing. */
  tap(now: number): boolean {
    if (this.phase(now) !== 'playing' || this.counting >= this.maxClicks) return false;
    let offset = Math.round(now - this.startAt);
    const last = this.offsets.length ? this.offsets[this.offsets.length - 1] : -1;
    if (offset <= last) offset = last + 1;
    if (offset > this.lengthMs) return false;
    this.offsets.push(offset);
    return true;
  }

  get taps(): number {
    return this.offsets.length;
  }

  /** The taps that may still count: all of them but those the server refused. */
  get counting(): number {
    return this.offsets.length - this.refused;
  }

  /**
   * Takes in a batch's answer: taps refused as too fast give their place back, so a fast player whose taps came too
   * close together can still reach the cap. Nothing else does: not the cap (LIMIT), and not a session judged scripted
   * (NOT_COUNTED), whose later taps would all be refused. The server's cap stays the bound.
   */
  answered(result: Pick<BatchResult, 'rejections'>): void {
    this.refused += result.rejections?.TOO_FAST ?? 0;
  }

  /** The taps not yet put in a batch, as the next batch; null when there are none. */
  nextBatch(): Batch | null {
    if (this.sent === this.offsets.length) return null;
    const batch = { seq: ++this.seq, offsets: this.offsets.slice(this.sent) };
    this.sent = this.offsets.length;
    return batch;
  }
}
