// What a round gave, from the batches' answers: pure arithmetic, so that what the player is told can be tested.
import type { Summary } from './outbox';
import type { BatchResult } from './schema';

export interface RoundResult {
  /** Clicks the server counted in the session, and their megabytes: its own running total, as last answered. */
  counted: number;
  megabytes: number;
  /** Clicks the server refused: those its answers refused and every click of a batch refused whole. */
  rejected: number;
  /** The public word that refused most of them (TOO_FAST, LATE, LIMIT, NOT_COUNTED…); OTHER when no answer said. */
  reason: string;
  /** Clicks that never reached the server before the session's grace ended. */
  lost: number;
}

/**
 * The session's totals are the highest the answers carry, not their sum nor the last one: answers may arrive out of
 * order, and a replayed batch brings back its first answer, never a lower total.
 */
export function summarize(summary: Summary): RoundResult {
  const counted = Math.max(0, ...summary.answered.map((a) => a.sessionClicks));
  const megabytes = Math.max(0, ...summary.answered.map((a) => a.sessionMegabytes));
  const rejected = summary.answered.reduce((sum, a) => sum + a.rejected, 0)
    + summary.refused.reduce((sum, b) => sum + b.offsets.length, 0);
  const lost = summary.unsent.reduce((sum, b) => sum + b.offsets.length, 0);
  const reasons = new Map<string, number>();
  for (const answer of summary.answered) {
    for (const [word, clicks] of Object.entries(answer.rejections)) reasons.set(word, (reasons.get(word) ?? 0) + clicks);
  }
  // Ties go to the word first seen, so the sentence does not flicker between equal reasons.
  let reason = 'OTHER';
  let most = 0;
  for (const [word, clicks] of reasons) {
    if (clicks > most) [reason, most] = [word, clicks];
  }
  return { counted, megabytes, rejected, reason, lost };
}

/** The campaign's progress after the round: what the last answer carried (answers arrive in the order sent). */
export function latestProgress(summary: Summary): BatchResult['campaign'] | null {
  return summary.answered.length ? summary.answered[summary.answered.length - 1].campaign : null;
}

/** The regions shown under the total: the most megabytes first, at most `count`. */
export function topRegions<R extends { megabytes: number }>(regions: readonly R[], count = 5): R[] {
  return [...regions].sort((a, b) => b.megabytes - a.megabytes).slice(0, count);
}
