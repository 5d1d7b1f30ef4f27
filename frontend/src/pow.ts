// The server's proofs of work (ALTCHA): find n ≤ maxNumber with SHA-256(salt + n) = challenge. One puzzle opens a
// session, a harder one mints an identity (up to a few hundred thousand numbers, more behind a busy network), so the
// search is a tight synchronous loop on @noble/hashes, run in a Web Worker so the page stays responsive.
import { sha256 } from '@noble/hashes/sha2.js';
import type { Challenge, Solution } from './schema';

const BLOCK = 64;
const ZERO = 48; // '0'
const NINE = 57; // '9'

/** The 32 bytes of a SHA-256 digest written in hex; null when it is not one. */
export function digestBytes(hex: string): Uint8Array | null {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.substr(2 * i, 2), 16);
  return bytes;
}

/**
 * Tries the numbers from..to (both included, to at most maxNumber) and answers the one that solves the challenge,
 * or null. The hash of the salt's whole 64-byte blocks is computed once; each number then costs the hash of the
 * salt's tail and its digits, written in place (incremented as decimal text) into one reused buffer.
 */
export function solve(challenge: Challenge, from = 0, to = challenge.maxNumber): Solution | null {
  const target = digestBytes(challenge.challenge);
  const last = Math.min(to, challenge.maxNumber);
  if (!target || !Number.isSafeInteger(from) || !Number.isSafeInteger(last) || from < 0 || from > last) return null;
  const salt = new TextEncoder().encode(challenge.salt);
  const whole = salt.length - (salt.length % BLOCK);
  const prefix = sha256.create();
  if (whole > 0) prefix.update(salt.subarray(0, whole));
  const tail = salt.length - whole;
  // The salt's tail, then the number's digits (at most 16 for a safe integer).
  const message = new Uint8Array(tail + 16);
  message.set(salt.subarray(whole));
  const views = Array.from({ length: 17 }, (_, digits) => message.subarray(0, tail + digits));
  const start = String(from);
  for (let i = 0; i < start.length; i++) message[tail + i] = start.charCodeAt(i);
  let digits = start.length;
  const work = prefix.clone();
  const out = new Uint8Array(32);
  const t0 = target[0];
  for (let n = from; ; n++) {
    prefix._cloneInto(work);
    work.update(views[digits]);
    work.digestInto(out);
    if (out[0] === t0 && same(out, target)) return { salt: challenge.salt, number: n, signature: challenge.signature };
    if (n === last) return null;
    // n + 1, in decimal, in place.
    let i = tail + digits - 1;
    while (i >= tail && message[i] === NINE) message[i--] = ZERO;
    if (i >= tail) {
      message[i]++;
    } else {
      message[tail] = ZERO + 1;
      message[tail + digits] = ZERO;
      digits++;
    }
  }
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < 32; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Numbers tried between two pauses when there is no worker and the search must share the page's thread. */
const SLICE = 20_000;

/** Solves in a worker when the browser has them, else on the page in slices, giving the page a turn between them. */
export function solveInBackground(challenge: Challenge): Promise<Solution | null> {
  if (typeof Worker === 'undefined') return solveInSlices(challenge);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Solution | null>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (error) => {
      worker.terminate();
      reject(error);
    };
    worker.postMessage(challenge);
  });
}

export async function solveInSlices(challenge: Challenge, slice = SLICE): Promise<Solution | null> {
  for (let from = 0; from <= challenge.maxNumber; from += slice) {
    const found = solve(challenge, from, Math.min(challenge.maxNumber, from + slice - 1));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return null;
}
