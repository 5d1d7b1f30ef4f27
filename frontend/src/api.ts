// The public API, with timeouts: a phone on a weak network must not wait forever on one request.
import type { Attempt, BatchResult } from './outbox';
import type { Challenge, Solution } from './pow';
import type { Batch } from './round';

export interface Grant {
  sessionId: string;
  token: string;
  grantedAt: string;
  startsAt: string;
  endsAt: string;
  maxClicks: number;
  megabytesPerClick: number;
  next: Challenge | null;
}

export interface Totals {
  megabytes: number;
  gigabytes: number;
  percentOfGoal: number;
  goalGigabytes: number;
  regions: { code: string; megabytes: number; gigabytes: number }[];
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly retryAfter: number, message: string) {
    super(message);
  }
}

async function call(path: string, body?: unknown, timeoutMs = 8000): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    return await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: abort.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, Number(response.headers.get('Retry-After') ?? 0), problem.detail ?? response.statusText);
  }
  return response.json() as Promise<T>;
}

export async function challenge(slug: string, fingerprint: string): Promise<Challenge> {
  return json(await call(`/api/campaigns/${encodeURIComponent(slug)}/challenges`, { fingerprint }));
}

export async function startSession(slug: string, fingerprint: string, region: string | null,
                                   proof: Solution | null): Promise<Grant> {
  return json(await call(`/api/campaigns/${encodeURIComponent(slug)}/sessions`, { fingerprint, region, proof }));
}

export async function totals(slug: string): Promise<Totals> {
  return json(await call(`/api/campaigns/${encodeURIComponent(slug)}/totals`));
}

/** One attempt at a batch: 4xx other than 408/429 will not get better by retrying; everything else might. */
export async function sendBatch(grant: Grant, batch: Batch): Promise<Attempt> {
  try {
    const response = await call(`/api/sessions/${encodeURIComponent(grant.sessionId)}/batches`,
      { token: grant.token, seq: batch.seq, offsets: batch.offsets });
    if (response.ok) return { kind: 'answered', result: (await response.json()) as BatchResult };
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      return { kind: 'refused', status: response.status };
    }
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}
