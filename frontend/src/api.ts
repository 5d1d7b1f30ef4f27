// The public API, with timeouts: a phone on a weak network must not wait forever on one request.
import type { Attempt } from './outbox';
import type { Batch } from './round';
import type {
  BatchReport, BatchResult, BoardEntry, Challenge, ChallengeRequest, Grant, Impact, Membership, Minted, Problem, SessionRequest, Solution,
  TeamView,
  Totals,
} from './schema';

/** A refusal: its HTTP status, its Retry-After in seconds, and the public word for it (WAIT, PUZZLE, IDENTITY, TOKEN). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly retryAfter: number, message: string, readonly reason: string | null = null) {
    super(message);
  }
}

/** The identity was forged, altered, foreign or missing: forget it, mint another. */
export function isIdentityRefusal(e: unknown): boolean {
  return e instanceof ApiError && e.status === 401 && e.reason === 'IDENTITY';
}

/** The puzzle's solution was missing, wrong, expired, reused or stale: ask a new puzzle. */
export function isPuzzleRefusal(e: unknown): boolean {
  return e instanceof ApiError && e.reason === 'PUZZLE';
}

/** fetch, or a stand-in for it in tests. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const browserFetch: Fetch = (input, init) => fetch(input, init);

/** The body NONE posts nothing (a POST without a body); undefined makes a GET. */
const NONE = Symbol('no body');

async function call(path: string, body?: unknown, timeoutMs = 8000, send: Fetch = browserFetch): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const json = body !== undefined && body !== NONE;
  try {
    return await send(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: json ? { 'Content-Type': 'application/json' } : {},
      body: json ? JSON.stringify(body) : undefined,
      signal: abort.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const problem: Partial<Problem> = (await response.json().catch(() => null)) ?? {};
    const retryAfter = Number(response.headers.get('Retry-After') ?? 0);
    throw new ApiError(response.status, Number.isFinite(retryAfter) ? retryAfter : 0,
      problem.detail ?? response.statusText, typeof problem.reason === 'string' ? problem.reason : null);
  }
  return response.json() as Promise<T>;
}

/** A session's puzzle; identity is null when the campaign's guard is off (and then left out of the request). */
export async function challenge(slug: string, identity: string | null): Promise<Challenge> {
  const request: Partial<ChallengeRequest> = identity === null ? {} : { identity };
  return json(await call(`/api/campaigns/${encodeURIComponent(slug)}/challenges`, request));
}

export async function startSession(slug: string, identity: string | null, region: string | null,
                                   proof: Solution | null): Promise<Grant> {
  // Without the guard there is no identity, and the request says nothing of one.
  const request: Partial<SessionRequest> = identity === null ? { region, proof } : { identity, region, proof };
  return json(await call(`/api/campaigns/${encodeURIComponent(slug)}/sessions`, request));
}

/** The puzzle that pays for a new identity: its difficulty rises with the identities this network minted lately. */
export async function identityChallenge(send: Fetch = browserFetch): Promise<Challenge> {
  return json(await call('/api/identities/challenges', NONE, 8000, send));
}

export async function mintIdentity(proof: Solution, send: Fetch = browserFetch): Promise<Minted> {
  return json(await call('/api/identities', { proof }, 8000, send));
}

export async function totals(slug: string): Promise<Totals> {
  return json(await call(`/api/campaigns/${encodeURIComponent(slug)}/totals`));
}

/** One attempt at a batch: 4xx other than 408/429 will not get better by retrying; everything else might. */
export async function sendBatch(grant: Grant, batch: Batch): Promise<Attempt> {
  try {
    const report: BatchReport = { token: grant.token, seq: batch.seq, offsets: batch.offsets };
    const response = await call(`/api/sessions/${encodeURIComponent(grant.sessionId)}/batches`, report);
    if (response.ok) return { kind: 'answered', result: (await response.json()) as BatchResult };
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      return { kind: 'refused', status: response.status };
    }
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

// ---- teams ----

const teams = (slug: string) => `/api/campaigns/${encodeURIComponent(slug)}/teams`;
/** The player's identity as a request body: none when the campaign's guard is off. */
const who = (identity: string | null) => (identity === null ? {} : { identity });

export async function createTeam(slug: string, identity: string | null, name: string, region: string): Promise<TeamView> {
  return json(await call(teams(slug), { ...who(identity), name, region }));
}

export async function joinTeam(slug: string, code: string, identity: string | null): Promise<TeamView> {
  return json(await call(`${teams(slug)}/${encodeURIComponent(code)}/members`, who(identity)));
}

export async function leaveTeam(slug: string, identity: string | null): Promise<void> {
  const response = await call(`${teams(slug)}/leave`, who(identity));
  if (!response.ok) await json(response);
}

export async function myTeam(slug: string, identity: string | null): Promise<Membership> {
  return json(await call(`${teams(slug)}/mine`, who(identity)));
}

export async function team(slug: string, code: string): Promise<TeamView> {
  return json(await call(`${teams(slug)}/${encodeURIComponent(code)}`));
}

export async function board(slug: string, region: string | null): Promise<BoardEntry[]> {
  return json(await call(`${teams(slug)}?size=5${region ? `&region=${encodeURIComponent(region)}` : ''}`));
}

// ---- my impact ----

export async function impact(identity: string): Promise<Impact> {
  return json(await call('/api/players/me', { identity }));
}

export async function eraseHistory(identity: string): Promise<void> {
  const response = await call('/api/players/me/erase', { identity });
  if (!response.ok) await json(response);
}
