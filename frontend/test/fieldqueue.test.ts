import { describe, expect, it } from 'vitest';
import { FieldQueue, readAnswer, type Entry, type Sent, type Store } from '../src/fieldqueue';
import type { FieldAction, FieldAnswer } from '../src/schema';

/** The phone's storage, in memory, in the order entries were put. */
class MemoryStore implements Store {
  readonly kept = new Map<string, Entry>();
  async all() { return [...this.kept.values()]; }
  async put(entry: Entry) { this.kept.set(entry.action.clientId, entry); }
  async remove(clientId: string) { this.kept.delete(clientId); }
}

const action = (clientId: string, kind: 'ASSIGN' | 'DELIVER' = 'DELIVER'): FieldAction =>
  ({ clientId, kind, serial: 'TAB-1' }) as FieldAction;
const done = (a: FieldAction): Sent => ({ kind: 'done', answer: { clientId: a.clientId } as FieldAnswer });

describe('FieldQueue', () => {
  it('sends in the order actions were made, and forgets each once answered', async () => {
    const store = new MemoryStore();
    const sent: string[] = [];
    const queue = new FieldQueue(store, async (a) => { sent.push(a.clientId); return done(a); });
    await queue.add(action('assign-1', 'ASSIGN'), 'atlas');
    await queue.add(action('deliver-1'), 'atlas');
    const result = await queue.flush('atlas');
    expect(sent).toEqual(['assign-1', 'deliver-1']);
    expect(result).toMatchObject({ stoppedBy: 'empty' });
    expect(await queue.entries()).toEqual([]);
  });

  it('keeps everything when the network fails, and sends the same ids when it returns', async () => {
    const store = new MemoryStore();
    let online = false;
    const sent: string[] = [];
    const queue = new FieldQueue(store, async (a) => {
      sent.push(a.clientId);
      return online ? done(a) : { kind: 'failed' };
    });
    await queue.add(action('a-1'), 'atlas');
    await queue.add(action('a-2'), 'atlas');
    expect((await queue.flush('atlas')).stoppedBy).toBe('failed');
    expect((await queue.entries()).map((e) => e.state)).toEqual(['waiting', 'waiting']);
    online = true;
    await queue.flush('atlas');
    expect(sent).toEqual(['a-1', 'a-1', 'a-2']); // the first tried twice, under its one id
    expect(await queue.entries()).toEqual([]);
  });

  it('shows a refusal with its reason until dismissed, and goes on with the next action', async () => {
    const store = new MemoryStore();
    const queue = new FieldQueue(store, async (a) => (a.clientId === 'moved'
      ? { kind: 'refused', reason: 'TAB-1: RETURNED cannot become DELIVERED', status: 409 } : done(a)));
    await queue.add(action('moved'), 'atlas');
    await queue.add(action('fine'), 'atlas');
    await queue.flush('atlas');
    expect(await queue.entries()).toEqual([{ action: action('moved'), user: 'atlas', state: 'refused',
      reason: 'TAB-1: RETURNED cannot become DELIVERED', status: 409 }]);
    await queue.flush('atlas'); // a refused action is not sent again
    await queue.dismiss('moved');
    expect(await queue.entries()).toEqual([]);
  });

  it("sends only the signed-in user's actions: a shared phone never sends one user's work as another's", async () => {
    const store = new MemoryStore();
    const sent: string[] = [];
    const queue = new FieldQueue(store, async (a) => { sent.push(a.clientId); return done(a); });
    await queue.add(action('by-atlas'), 'atlas');
    await queue.add(action('by-nord'), 'nord');
    await queue.flush('nord');
    expect(sent).toEqual(['by-nord']);
    expect((await queue.entries()).map((e) => e.action.clientId)).toEqual(['by-atlas']);
  });

  it('stops when the sign-in has expired, keeping what waits', async () => {
    const store = new MemoryStore();
    const queue = new FieldQueue(store, async () => ({ kind: 'signIn' }));
    await queue.add(action('a-1'), 'atlas');
    expect((await queue.flush('atlas')).stoppedBy).toBe('signIn');
    expect((await queue.entries())[0].state).toBe('waiting');
  });

  it('reads the server: 200 done, 4xx refused with the detail, 5xx and 429 worth another try', async () => {
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
    expect(await readAnswer(json(200, { clientId: 'x' }))).toEqual({ kind: 'done', answer: { clientId: 'x' } });
    expect(await readAnswer(json(409, { detail: 'moved meanwhile' }))).toEqual({ kind: 'refused', reason: 'moved meanwhile',
      status: 409 });
    expect(await readAnswer(json(404, { detail: 'No tablet' }))).toMatchObject({ kind: 'refused', status: 404 });
    expect(await readAnswer(json(503, {}))).toEqual({ kind: 'failed' });
    expect(await readAnswer(json(429, {}))).toEqual({ kind: 'failed' });
    expect(await readAnswer(json(401, {}))).toEqual({ kind: 'signIn' });
  });
});
