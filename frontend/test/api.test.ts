import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, challenge, isIdentityRefusal, isPuzzleRefusal, startSession } from '../src/api';

function capture(response: () => Response) {
  const sent: { path: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    sent.push({ path, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    return response();
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('api', () => {
  it('sends the identity with the challenge and session requests', async () => {
    const sent = capture(() => new Response('{}', { status: 200 }));
    await challenge('ramadan', 'i1.abc');
    await startSession('ramadan', 'i1.abc', 'MA-01', { salt: 's', number: 3, signature: 'g' });
    expect(sent).toEqual([
      { path: '/api/campaigns/ramadan/challenges', body: { identity: 'i1.abc' } },
      { path: '/api/campaigns/ramadan/sessions',
        body: { identity: 'i1.abc', region: 'MA-01', proof: { salt: 's', number: 3, signature: 'g' } } },
    ]);
  });

  it('sends no identity with the guard off', async () => {
    const sent = capture(() => new Response('{}', { status: 200 }));
    await startSession('kiosk', null, null, null);
    expect(sent[0].body).toEqual({ region: null, proof: null });
  });

  it('reads the public word and Retry-After of a refusal', async () => {
    capture(() => new Response(JSON.stringify({ status: 429, reason: 'WAIT', detail: 'later' }),
      { status: 429, headers: { 'Retry-After': '7', 'Content-Type': 'application/problem+json' } }));
    const error = await startSession('ramadan', 'i1.abc', null, null).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfter: 7, reason: 'WAIT', message: 'later' });
    expect(isIdentityRefusal(error)).toBe(false);
    expect(isIdentityRefusal(new ApiError(401, 0, '', 'IDENTITY'))).toBe(true);
    expect(isIdentityRefusal(new ApiError(401, 0, '', 'TOKEN'))).toBe(false);
    expect(isPuzzleRefusal(new ApiError(403, 0, '', 'PUZZLE'))).toBe(true);
  });

  it('takes a refusal without a problem body', async () => {
    capture(() => new Response('oops', { status: 502, statusText: 'Bad Gateway' }));
    await expect(challenge('ramadan', 'i1.abc')).rejects.toMatchObject({ status: 502, reason: null });
  });
});
