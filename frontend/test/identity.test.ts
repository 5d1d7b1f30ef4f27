import { describe, expect, it } from 'vitest';
import { ApiError, type Fetch } from '../src/api';
import { IDENTITY_KEY, Identities, MINT_RETRIES, OLD_PLAYER_KEY, type KeyValueStore } from '../src/identity';
import type { Challenge, Solution } from '../src/schema';

function memory(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function problem(status: number, reason: string): Response {
  return new Response(JSON.stringify({ status, reason, detail: reason }),
    { status, headers: { 'Content-Type': 'application/problem+json' } });
}

/** A fake identity service: each challenge has its own salt; mint answers with the queued statuses, then 201. */
function server(mintAnswers: number[] = []) {
  const calls: { path: string; method: string; body: unknown }[] = [];
  let challenges = 0;
  let minted = 0;
  const fetch: Fetch = async (path, init) => {
    calls.push({ path, method: String(init.method), body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    if (path === '/api/identities/challenges') {
      challenges++;
      const challenge: Challenge = { algorithm: 'SHA-256', salt: `salt-${challenges}`, challenge: 'ab'.repeat(32),
        maxNumber: 100, signature: `sig-${challenges}`, expiresAt: '2026-12-04T12:00:00Z' };
      return new Response(JSON.stringify(challenge), { status: 200 });
    }
    if (path === '/api/identities') {
      const status = mintAnswers.shift();
      if (status) return problem(status, 'PUZZLE');
      minted++;
      return new Response(JSON.stringify({ identity: `i1.id${minted}`, mintedAt: '2026-03-01T10:00:00Z' }), { status: 201 });
    }
    return new Response('', { status: 404 });
  };
  return { fetch, calls, mints: () => minted, challenges: () => challenges };
}

const solver = (solved: Challenge[] = []) => async (challenge: Challenge): Promise<Solution | null> => {
  solved.push(challenge);
  return { salt: challenge.salt, number: 7, signature: challenge.signature };
};

describe('Identities', () => {
  it('mints one by solving the server puzzle, keeps it and drops the old client-drawn id', async () => {
    const storage = memory({ [OLD_PLAYER_KEY]: 'uuid-of-old' });
    const api = server();
    const identities = new Identities({ storage, fetch: api.fetch, solve: solver() });
    expect(storage.data.has(OLD_PLAYER_KEY)).toBe(false);
    expect(identities.stored()).toBeNull();
    expect(await identities.get()).toBe('i1.id1');
    expect(storage.data.get(IDENTITY_KEY)).toBe('i1.id1');
    expect(api.calls).toEqual([
      { path: '/api/identities/challenges', method: 'POST', body: undefined },
      { path: '/api/identities', method: 'POST', body: { proof: { salt: 'salt-1', number: 7, signature: 'sig-1' } } },
    ]);
  });

  it('uses the kept identity without minting', async () => {
    const api = server();
    const identities = new Identities({ storage: memory({ [IDENTITY_KEY]: 'i1.kept' }), fetch: api.fetch, solve: solver() });
    expect(await identities.get()).toBe('i1.kept');
    expect(api.calls).toHaveLength(0);
  });

  it('mints once for callers at the same time (two taps on play)', async () => {
    const api = server();
    const identities = new Identities({ storage: memory(), fetch: api.fetch, solve: solver() });
    const [a, b] = await Promise.all([identities.get(), identities.get()]);
    expect([a, b]).toEqual(['i1.id1', 'i1.id1']);
    expect(api.mints()).toBe(1);
  });

  it('asks a new puzzle when the mint answers that it went stale, at most MINT_RETRIES times', async () => {
    const solved: Challenge[] = [];
    const api = server([409, 409]);
    const identities = new Identities({ storage: memory(), fetch: api.fetch, solve: solver(solved) });
    expect(await identities.get()).toBe('i1.id1');
    expect(solved.map((c) => c.salt)).toEqual(['salt-1', 'salt-2', 'salt-3']);

    const stuck = server(Array(MINT_RETRIES + 1).fill(409));
    const failing = new Identities({ storage: memory(), fetch: stuck.fetch, solve: solver() });
    await expect(failing.get()).rejects.toMatchObject({ status: 409, reason: 'PUZZLE' });
    expect(stuck.challenges()).toBe(MINT_RETRIES + 1);
    // A later try starts over.
    expect(await failing.get()).toBe('i1.id1');
  });

  it('does not retry a mint for what a new puzzle would not mend', async () => {
    const api = server();
    const refusing: Fetch = async (path, init) => (path === '/api/identities' ? problem(429, 'WAIT') : api.fetch(path, init));
    const identities = new Identities({ storage: memory(), fetch: refusing, solve: solver() });
    await expect(identities.get()).rejects.toMatchObject({ status: 429 });
    expect(api.challenges()).toBe(1);
  });

  it('asks a new puzzle when one has no solution', async () => {
    const api = server();
    let first = true;
    const identities = new Identities({ storage: memory(), fetch: api.fetch, solve: async (c) => {
      if (first) { first = false; return null; }
      return { salt: c.salt, number: 1, signature: c.signature };
    } });
    expect(await identities.get()).toBe('i1.id1');
    expect(api.challenges()).toBe(2);
  });

  it('forgets a refused identity, mints a new one and retries once', async () => {
    const storage = memory({ [IDENTITY_KEY]: 'i1.forged' });
    const api = server();
    const identities = new Identities({ storage, fetch: api.fetch, solve: solver() });
    const seen: string[] = [];
    const answer = await identities.use(async (identity) => {
      seen.push(identity);
      if (identity === 'i1.forged') throw new ApiError(401, 0, 'bad identity', 'IDENTITY');
      return 'granted';
    });
    expect(answer).toBe('granted');
    expect(seen).toEqual(['i1.forged', 'i1.id1']);
    expect(storage.data.get(IDENTITY_KEY)).toBe('i1.id1');
  });

  it('retries only once, and not for other refusals', async () => {
    const api = server();
    const identities = new Identities({ storage: memory({ [IDENTITY_KEY]: 'i1.a' }), fetch: api.fetch, solve: solver() });
    let runs = 0;
    await expect(identities.use(async () => {
      runs++;
      throw new ApiError(401, 0, 'bad identity', 'IDENTITY');
    })).rejects.toMatchObject({ reason: 'IDENTITY' });
    expect(runs).toBe(2);
    expect(api.mints()).toBe(1);

    runs = 0;
    await expect(identities.use(async () => {
      runs++;
      throw new ApiError(401, 0, 'session over', 'TOKEN');
    })).rejects.toMatchObject({ reason: 'TOKEN' });
    expect(runs).toBe(1);
    expect(await identities.get()).toBe('i1.id1');
  });

  it('keeps the identity in memory when storage throws', async () => {
    const broken: KeyValueStore = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('quota'); },
      removeItem: () => { throw new Error('denied'); },
    };
    const api = server();
    const identities = new Identities({ storage: broken, fetch: api.fetch, solve: solver() });
    expect(await identities.get()).toBe('i1.id1');
    expect(await identities.get()).toBe('i1.id1');
    expect(api.mints()).toBe(1);
    const none = new Identities({ storage: null, fetch: api.fetch, solve: solver() });
    expect(await none.get()).toBe('i1.id2');
  });
});
