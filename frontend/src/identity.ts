// The player's identity, issued by the server (docs/guard.md): minted once per install by solving a puzzle whose price
// rises with how many identities this network minted lately, kept in localStorage, and sent with every challenge and
// session request. A refused identity (401 IDENTITY) is forgotten and replaced once.
import { identityChallenge, isIdentityRefusal, isPuzzleRefusal, mintIdentity, type Fetch } from './api';
import type { Challenge, Solution } from './schema';

export const IDENTITY_KEY = 'clickgive.identity';
/** The client-drawn id of the first generation, no longer sent. */
export const OLD_PLAYER_KEY = 'clickgive.player';
/** New puzzles asked after the first when minting answers that the puzzle went stale (or was not solved). */
export const MINT_RETRIES = 3;

/** localStorage, or a stand-in for it; null when the browser refuses storage (the identity then lives in memory). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface IdentityOptions {
  storage: KeyValueStore | null;
  solve: (challenge: Challenge) => Promise<Solution | null>;
  fetch?: Fetch;
}

export class Identities {
  private current: string | null;
  private minting: Promise<string> | null = null;

  constructor(private readonly options: IdentityOptions) {
    this.current = safely(() => options.storage?.getItem(IDENTITY_KEY)) || null;
    safely(() => options.storage?.removeItem(OLD_PLAYER_KEY));
  }

  /** The identity kept from an earlier visit or mint, without minting one. */
  stored(): string | null {
    return this.current;
  }

  /** The identity, minted first when there is none; callers at the same time share one mint. */
  get(): Promise<string> {
    if (this.current) return Promise.resolve(this.current);
    if (!this.minting) {
      this.minting = this.mint().finally(() => {
        this.minting = null;
      });
    }
    return this.minting;
  }

  /** Drops an identity the server refused (unless another one replaced it meanwhile). */
  forget(identity: string): void {
    if (this.current !== identity) return;
    this.current = null;
    safely(() => this.options.storage?.removeItem(IDENTITY_KEY));
  }

  /** Runs a request with the identity; when the server refuses the identity, mints a new one and runs it once more. */
  async use<T>(action: (identity: string) => Promise<T>): Promise<T> {
    const identity = await this.get();
    try {
      return await action(identity);
    } catch (e) {
      if (!isIdentityRefusal(e)) throw e;
      this.forget(identity);
      return action(await this.get());
    }
  }

  private async mint(): Promise<string> {
    for (let retry = 0; ; retry++) {
      const puzzle = await identityChallenge(this.options.fetch);
      const proof = await this.options.solve(puzzle);
      try {
        if (!proof) throw new Error('The identity puzzle has no solution');
        const minted = await mintIdentity(proof, this.options.fetch);
        if (typeof minted?.identity !== 'string' || !minted.identity) throw new Error('No identity in the answer');
        this.current = minted.identity;
        safely(() => this.options.storage?.setItem(IDENTITY_KEY, minted.identity));
        return minted.identity;
      } catch (e) {
        // 409: the network minted many since the puzzle was issued, it is too easy now; 403: expired or otherwise
        // not accepted; no solution: a puzzle we cannot solve. Each time a new puzzle, up to MINT_RETRIES times.
        if (retry < MINT_RETRIES && (isPuzzleRefusal(e) || !proof)) continue;
        throw e;
      }
    }
  }
}

/** Storage that throws (a browser's privacy settings, a full quota) must not stop the game. */
export function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

/** localStorage, or null where the browser refuses it (reading the property itself may throw). */
export function localStore(): KeyValueStore | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}
