import { describe, expect, it } from 'vitest';
import { digestBytes, solve, solveInSlices } from '../src/pow';
import type { Challenge } from '../src/schema';

/** A challenge as the server builds one: SHA-256(salt + number) in hex, computed here by node's own crypto. */
async function puzzle(salt: string, number: number, maxNumber: number): Promise<Challenge> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salt + number));
  const challenge = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return { algorithm: 'SHA-256', salt, challenge, maxNumber, signature: 'sig', expiresAt: '2030-01-01T00:00:00Z' };
}

const SESSION_SALT = '9f2c4e1a7b3d5f6e8a0b1c2d?campaign=42&player=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG&until=1767225600000';

describe('solve', () => {
  it('finds the number and hands back the salt and signature', async () => {
    expect(solve(await puzzle(SESSION_SALT, 4321, 10_000))).toEqual({ salt: SESSION_SALT, number: 4321, signature: 'sig' });
  });

  it('finds the first and the last number', async () => {
    expect(solve(await puzzle('salt', 0, 50))?.number).toBe(0);
    expect(solve(await puzzle('salt', 50, 50))?.number).toBe(50);
    expect(solve(await puzzle('salt', 0, 0))?.number).toBe(0);
  });

  it('counts across every change in the number of digits', async () => {
    for (const n of [9, 10, 99, 100, 999, 1000, 9999, 10_000, 100_000]) {
      expect(solve(await puzzle('s', n, n))?.number).toBe(n);
    }
  });

  it('hashes salts of every length around the 64-byte blocks', async () => {
    for (let length = 0; length <= 140; length++) {
      const salt = 'x'.repeat(length);
      expect(solve(await puzzle(salt, 107, 200))?.number, `salt of ${length}`).toBe(107);
    }
  });

  it('hashes the salt as UTF-8', async () => {
    expect(solve(await puzzle('défi-تحدي', 77, 100))?.number).toBe(77);
  });

  it('answers null when the number is beyond maxNumber or the challenge is not a digest', async () => {
    expect(solve(await puzzle(SESSION_SALT, 2001, 2000))).toBeNull();
    expect(solve({ ...(await puzzle('salt', 5, 10)), challenge: 'not hex' })).toBeNull();
    expect(solve({ ...(await puzzle('salt', 5, 10)), maxNumber: -1 })).toBeNull();
  });

  it('searches a range', async () => {
    const challenge = await puzzle('salt', 1234, 5000);
    expect(solve(challenge, 1000, 1233)).toBeNull();
    expect(solve(challenge, 1234, 1234)?.number).toBe(1234);
    expect(solve(challenge, 1200, 99_999)?.number).toBe(1234);
  });

  it('reads the challenge in either case of hex', async () => {
    const challenge = await puzzle('salt', 42, 100);
    expect(solve({ ...challenge, challenge: challenge.challenge.toUpperCase() })?.number).toBe(42);
    expect(digestBytes('00'.repeat(31) + 'ff')?.[31]).toBe(255);
  });

  it('solves in slices where there is no worker', async () => {
    expect((await solveInSlices(await puzzle('salt', 2500, 3000), 1000))?.number).toBe(2500);
    expect(await solveInSlices(await puzzle('salt', 3001, 3000), 1000)).toBeNull();
  });
});
