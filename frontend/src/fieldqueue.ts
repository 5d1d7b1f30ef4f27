// The field's queue: actions a distributor made on the phone (assign a tablet, deliver it with proof), kept on the
// phone until the server has answered each. Sent one by one, in the order they were made (a tablet is assigned before
// it is delivered); each carries the id the phone drew when it was made, so a resend after a lost answer gets the first
// answer and moves nothing twice. What the server refuses stays in the queue with its reason until dismissed.
import type { FieldAction, FieldAnswer } from './schema';

/** One queued action and where it stands. */
export interface Entry {
  action: FieldAction;
  /** Who made it: sent only under that user's sign-in, so a shared phone never sends one user's work as another's. */
  user: string;
  state: 'waiting' | 'refused';
  reason?: string;
  /** The refusal's HTTP status: the phone says in its own language what kind of no it was (the reason is the server's). */
  status?: number;
}

/** What one attempt to send gave. */
export type Sent =
  | { kind: 'done'; answer: FieldAnswer }
  | { kind: 'refused'; reason: string; status: number } // the server said no, for good (4xx): nothing was kept
  | { kind: 'signIn' } // the console's sign-in has expired: keep everything, ask to sign in
  | { kind: 'failed' }; // no network, or the server could not answer: try again later

/** Where the queue is kept: IndexedDB on the phone, a map in the tests. Kept in the order of `put`. */
export interface Store {
  all(): Promise<Entry[]>;
  put(entry: Entry): Promise<void>;
  remove(clientId: string): Promise<void>;
}

export interface Flush {
  done: FieldAnswer[];
  stoppedBy: 'empty' | 'signIn' | 'failed';
}

export class FieldQueue {
  private flushing: Promise<Flush> | null = null;

  constructor(private readonly store: Store, private readonly send: (action: FieldAction) => Promise<Sent>) {}

  /** Keeps the action first: once this resolves, it survives the page closing and the phone restarting. */
  async add(action: FieldAction, user: string): Promise<void> {
    await this.store.put({ action, user, state: 'waiting' });
  }

  entries(): Promise<Entry[]> {
    return this.store.all();
  }

  async dismiss(clientId: string): Promise<void> {
    const entry = (await this.store.all()).find((e) => e.action.clientId === clientId);
    if (entry?.state === 'refused') await this.store.remove(clientId);
  }

  /**
   * Sends what the signed-in user made and still waits, in order, until none is left or the network or the sign-in
   * stops it. One at a time.
   */
  flush(user: string): Promise<Flush> {
    if (!this.flushing) {
      this.flushing = this.run(user).finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async run(user: string): Promise<Flush> {
    const done: FieldAnswer[] = [];
    for (const entry of await this.store.all()) {
      if (entry.state !== 'waiting' || entry.user !== user) continue;
      const sent = await this.send(entry.action);
      if (sent.kind === 'done') {
        await this.store.remove(entry.action.clientId);
        done.push(sent.answer);
      } else if (sent.kind === 'refused') {
        await this.store.put({ ...entry, state: 'refused', reason: sent.reason, status: sent.status });
      } else {
        return { done, stoppedBy: sent.kind };
      }
    }
    return { done, stoppedBy: 'empty' };
  }
}

/** Reads the server's answer to one action. */
export async function readAnswer(response: Response): Promise<Sent> {
  if (response.type === 'opaqueredirect' || response.status === 401 || response.redirected) {
    return { kind: 'signIn' };
  }
  if (response.ok) {
    return { kind: 'done', answer: (await response.json()) as FieldAnswer };
  }
  // 403 is the form token (expired: the caller refreshes it) or a role; 408 and 429 are worth another try.
  if (response.status >= 400 && response.status < 500 && ![403, 408, 429].includes(response.status)) {
    const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
    return { kind: 'refused', reason: problem?.detail ?? problem?.title ?? String(response.status), status: response.status };
  }
  return response.status === 403 ? { kind: 'signIn' } : { kind: 'failed' };
}

/** A new action id: random, so two phones never draw the same. */
export function newClientId(random: () => string = () => crypto.randomUUID()): string {
  return random();
}
