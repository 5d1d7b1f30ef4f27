// The session's proof of work (ALTCHA): find n ≤ maxNumber with hex(SHA-256(salt + n)) = challenge. Runs in a Web
// Worker so the page stays responsive while a phone solves it.

export interface Challenge {
  algorithm: string;
  salt: string;
  challenge: string;
  maxNumber: number;
  signature: string;
  expiresAt?: string;
}

export interface Solution {
  salt: string;
  number: number;
  signature: string;
}

export type Digest = (text: string) => Promise<string>;

export const sha256Hex: Digest = async (text) => {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
};

export async function solve(challenge: Challenge, digest: Digest = sha256Hex): Promise<Solution | null> {
  for (let n = 0; n <= challenge.maxNumber; n++) {
    if ((await digest(challenge.salt + n)) === challenge.challenge) {
      return { salt: challenge.salt, number: n, signature: challenge.signature };
    }
  }
  return null;
}

/** Solves in a worker when the browser has them, else on the page. */
export function solveInBackground(challenge: Challenge): Promise<Solution | null> {
  if (typeof Worker === 'undefined') return solve(challenge);
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
