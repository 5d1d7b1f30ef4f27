// The public campaign page's script: takes over the server-rendered shell, runs the 10-second game and keeps the
// campaign total live. Texts come from the shell's boot data, in all three languages, so switching keeps the game.
import './style.css';
import { ApiError, challenge, isPuzzleRefusal, sendBatch, startSession } from './api';
import { Identities, localStore, safely } from './identity';
import { follow } from './live';
import { Outbox, type Summary } from './outbox';
import { solveInBackground } from './pow';
import { latestProgress, summarize, topRegions } from './result';
import { Round } from './round';
import { wireImpact } from './impact';
import { followPurse } from './purse';
import { wireTeams } from './teams';
import type { Challenge, Grant, Totals } from './schema';
import { direction, escape, format, numberFormat, type Lang, type Texts } from './texts';

interface Boot {
  lang: Lang;
  slug: string;
  names: Record<Lang, string>;
  sessionSeconds: number;
  megabytesPerClick: number;
  goalGigabytes: number;
  guard: boolean;
  texts: Record<Lang, Texts>;
  regions: { code: string; names: Record<Lang, string> }[];
  totals: Totals | null;
  /** Matching hours on or to come: a click counted inside one gives rateTenths / 10 times its megabytes. */
  matching: { startsAt: string; endsAt: string; rateTenths: number }[];
  /** The sponsor's name, when the campaign has one. */
  sponsor: string | null;
  megabytesPerGigabyte: number;
}

type View =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'playing'; round: Round }
  | { kind: 'sending'; round: Round; pending: number }
  | { kind: 'result'; round: Round; summary: Summary; session: string }
  | { kind: 'error'; message: string };

const BATCH_EVERY_MS = 2000;
/** A kept puzzle expiring sooner than this is not worth solving: the answer might arrive too late. */
const PUZZLE_MARGIN_MS = 5000;

const boot = JSON.parse(document.getElementById('boot')!.textContent!) as Boot;
const game = document.getElementById('game')!;
let lang: Lang = boot.lang;
let totals: Totals | null = boot.totals;
let view: View = { kind: 'idle' };
let offline = false;
/** The puzzle the last grant handed out for the next round: bound to the identity it was issued to. */
let nextChallenge: { identity: string; puzzle: Challenge } | null = null;
/** The identity whose last grant brought no puzzle: the server holds it established, its sessions need none. */
let established: string | null = null;
const storage = localStore();
let region: string | null = safely(() => storage?.getItem('clickgive.region') ?? null) ?? null;
const identities = new Identities({ storage, solve: solveInBackground });

const text = (key: string, params: Record<string, string | number> = {}) => format(boot.texts[lang], key, params);
const whole = (n: number) => numberFormat(lang).format(n);
const decimal = (n: number) => numberFormat(lang, 1).format(n);



// ---- rendering ----

function render(): void {
  switch (view.kind) {
    case 'idle':
      game.innerHTML = `
        <label class="region">${escape(text('region'))}
          <select id="region">
            <option value="">${escape(text('regionNone'))}</option>
            ${boot.regions.map((r) => `<option value="${r.code}"${r.code === region ? ' selected' : ''}>${escape(r.names[lang])}</option>`).join('')}
          </select>
        </label>
        <p class="hint">${escape(text('tapHint', { seconds: whole(boot.sessionSeconds) }))}</p>
        <button type="button" class="start" id="start">${escape(text('start'))}</button>`;
      game.querySelector<HTMLSelectElement>('#region')!.onchange = (e) => {
        region = (e.target as HTMLSelectElement).value || null;
        safely(() => (region ? storage?.setItem('clickgive.region', region) : storage?.removeItem('clickgive.region')));
      };
      game.querySelector<HTMLButtonElement>('#start')!.onclick = () => void play();
      break;
    case 'preparing':
      game.innerHTML = `<p class="status" role="status">${escape(text('preparing'))}</p>`;
      break;
    case 'playing':
      game.innerHTML = `
        <p class="timer" id="timer" aria-live="off"></p>
        <button type="button" class="tap" id="tap" aria-describedby="timer">
          <span class="tap-label">${escape(text('tap'))}</span>
          <span class="tap-count" id="count" aria-live="polite">0</span>
          <span class="tap-mb" id="mb"></span>
        </button>
        <p class="offline" id="offline" role="status"${offline ? '' : ' hidden'}>${escape(text('offline'))}</p>`;
      wireTap(view.round);
      tick();
      break;
    case 'sending':
      game.innerHTML = `<p class="status" role="status">${escape(text('sending'))}</p>
        <p class="offline" role="status"${offline ? '' : ' hidden'}>${escape(text('offline'))}</p>`;
      break;
    case 'result':
      game.innerHTML = result(view.round, view.summary);
      game.querySelector<HTMLButtonElement>('#again')!.onclick = () => void play();
      game.querySelector<HTMLButtonElement>('#share')!.onclick = (e) => void share(e.target as HTMLButtonElement, view);
      game.querySelector<HTMLElement>('h2')?.focus();
      break;
    case 'error':
      game.innerHTML = `<p class="error" role="alert">${escape(view.message)}</p>
        <button type="button" class="start" id="again">${escape(text('again'))}</button>`;
      game.querySelector<HTMLButtonElement>('#again')!.onclick = () => void play();
      break;
  }
}

function result(round: Round, summary: Summary): string {
  const { counted, megabytes, rejected, reason: word, lost } = summarize(summary);
  const lines = [`<p class="counted">${escape(text('resultCounted', { clicks: whole(counted), megabytes: whole(megabytes) }))}</p>`];
  if (rejected > 0) {
    // "12 clicks were not counted (not counted)" says nothing twice: that word gets the sentence alone.
    const sentence = word === 'NOT_COUNTED' ? text('resultRejectedPlain', { clicks: whole(rejected) })
      : text('resultRejected', { clicks: whole(rejected), reason: reasonWords(word) });
    lines.push(`<p class="rejected">${escape(sentence)}</p>`);
  }
  if (lost > 0) lines.push(`<p class="lost">${escape(text('resultLost', { clicks: whole(lost) }))}</p>`);
  return `<h2 tabindex="-1">${escape(text('resultTitle'))}</h2>
    <p class="result-mb" data-taps="${round.taps}"><span class="big">${whole(megabytes)}</span> ${escape(text('megabytes', { value: '' }).trim())}</p>
    ${lines.join('')}
    <div class="actions">
      <button type="button" class="secondary" id="share">${escape(text('share'))}</button>
      <button type="button" class="start" id="again">${escape(text('again'))}</button>
    </div>`;
}

/** The public word for refused clicks (TOO_FAST, LATE, LIMIT, NOT_COUNTED) in words; an unknown one as OTHER. */
function reasonWords(word: string): string {
  const key = `reason.${word}`;
  return key in boot.texts[lang] ? text(key) : text('reason.OTHER');
}

function renderTotals(): void {
  if (!totals) return;
  document.getElementById('total-gb')!.textContent = decimal(Number(totals.gigabytes));
  const bar = document.querySelector<HTMLElement>('.progress')!;
  const percent = Math.min(100, Number(totals.percentOfGoal));
  bar.setAttribute('aria-valuenow', String(percent));
  bar.querySelector<HTMLElement>('span')!.style.width = `${percent}%`;
  document.getElementById('goal')!.textContent = text('ofGoal', { percent: decimal(percent), goal: whole(boot.goalGigabytes) });
  const names = new Map(boot.regions.map((r) => [r.code, r.names[lang]]));
  const top = topRegions(totals.regions);
  document.getElementById('regions')!.innerHTML = top.map((r) =>
    `<li><span>${escape(names.get(r.code) ?? r.code)}</span><span>${escape(text('gigabytes', { value: decimal(Number(r.gigabytes)) }))}</span></li>`).join('');
}

function setLanguage(next: Lang): void {
  lang = next;
  document.documentElement.lang = lang;
  document.documentElement.dir = direction(lang);
  document.querySelectorAll<HTMLElement>('[data-t]').forEach((el) => {
    const key = el.dataset.t!;
    if (key === 'campaignName') el.textContent = boot.names[lang];
    else if (key === 'gbUnit') el.textContent = text('gigabytes', { value: '' }).trim();
    else el.textContent = text(key);
  });
  document.title = `${boot.names[lang]} · ${text('site')}`;
  document.querySelectorAll<HTMLAnchorElement>('a[data-lang]').forEach((a) => {
    if (a.dataset.lang === lang) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  });
  history.replaceState(null, '', `?lang=${lang}`);
  // Remembered as a link with ?lang= would be by the server (page.LanguageChoice): the front door and the next visit
  // speak it too.
  document.cookie = `clickgive-lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  renderTeams();
  refreshImpact();
  renderPurse();
  if (view.kind === 'playing') {
    // Re-rendering would drop the tap handlers mid-round: only the words change.
    game.querySelector('.tap-label')!.textContent = text('tap');
    game.querySelector('#offline')!.textContent = text('offline');
  } else {
    render();
  }
  renderTotals();
}

// ---- the game ----

async function play(): Promise<void> {
  view = { kind: 'preparing' };
  render();
  let grant: Grant;
  try {
    grant = await begin();
  } catch (e) {
    nextChallenge = null;
    // 429: this player or network waits; 503: the service sheds new rounds while its ledger catches up.
    view = { kind: 'error', message: e instanceof ApiError && (e.status === 429 || e.status === 503)
      ? text('busy', { seconds: whole(Math.max(1, e.retryAfter)) })
      : e instanceof ApiError && e.status === 409 && e.reason === 'PURSE' ? purseSpentText()
        : e instanceof ApiError && e.status === 409 && !e.reason ? text('notLiveText') : text('failed') };
    render();
    return;
  }
  const round = Round.fromGrant(performance.now(), grant);
  const outbox = new Outbox({
    send: (batch) => sendBatch(grant, batch),
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    deadline: round.sendUntil,
    onChange: (pending, isOffline) => {
      offline = isOffline;
      document.querySelectorAll<HTMLElement>('.offline').forEach((el) => { el.hidden = !offline; });
      if (view.kind === 'sending') view.pending = pending;
    },
    onAnswer: (result) => {
      round.answered(result);
      showCount(round); // a tap refused as too fast leaves the count at once
    },
  });
  view = { kind: 'playing', round };
  render();
  const flush = setInterval(() => {
    const batch = round.nextBatch();
    if (batch) outbox.push(batch);
  }, BATCH_EVERY_MS);
  await until(() => round.phase(performance.now()) === 'over');
  clearInterval(flush);
  const last = round.nextBatch();
  if (last) outbox.push(last);
  view = { kind: 'sending', round, pending: 0 };
  render();
  const summary = await outbox.settle();
  offline = false;
  const campaign = latestProgress(summary);
  if (campaign && totals) {
    totals = { ...totals, gigabytes: campaign.gigabytes, percentOfGoal: campaign.percentOfGoal };
    renderTotals();
  }
  view = { kind: 'result', round, summary, session: grant.sessionId };
  // The ledger records the round a moment after its last batch: my impact is read again once it has.
  setTimeout(() => refreshImpact(), 2500);
  render();
}

/**
 * Starts a session. With the guard on: under the server-issued identity (minted if need be, replaced once if refused),
 * without a puzzle once the server holds the player established, otherwise with the puzzle the last grant handed out or
 * a new one, and once more with a new puzzle if the server refuses the solution (expired on a slow phone, say). With
 * the guard off: no identity, no puzzle.
 */
async function begin(): Promise<Grant> {
  if (!boot.guard) return startSession(boot.slug, null, region, null);
  return identities.use(async (identity) => {
    const granted = (grant: Grant): Grant => {
      nextChallenge = grant.next ? { identity, puzzle: grant.next } : null;
      established = grant.next ? null : identity;
      return grant;
    };
    if (established === identity) {
      try {
        return granted(await startSession(boot.slug, identity, region, null));
      } catch (e) {
        // No longer established (a round judged scripted takes it back): pay with a puzzle as a new player does.
        if (!isPuzzleRefusal(e)) throw e;
        established = null;
      }
    }
    const kept = nextChallenge?.identity === identity ? nextChallenge.puzzle : null;
    nextChallenge = null;
    // A kept puzzle about to expire would be solved for nothing.
    let puzzle = kept && !(Date.parse(kept.expiresAt ?? '') < Date.now() + PUZZLE_MARGIN_MS) ? kept : null;
    for (let retry = 0; ; retry++) {
      puzzle ??= await challenge(boot.slug, identity);
      const proof = await solveInBackground(puzzle);
      try {
        return granted(await startSession(boot.slug, identity, region, proof));
      } catch (e) {
        if (retry > 0 || !isPuzzleRefusal(e)) throw e;
        puzzle = null;
      }
    }
  });
}

/** The thanks once the sponsor's purse is spent, naming the sponsor. */
function purseSpentText(): string {
  return text('purseSpent', { sponsor: boot.sponsor ?? '' });
}

/** A click's megabytes now: the server counts each batch at the rate of the matching hour on when it arrives. */
function worthNow(): number {
  const now = Date.now();
  const on = boot.matching.find((w) => Date.parse(w.startsAt) <= now && now < Date.parse(w.endsAt));
  return (boot.megabytesPerClick * (on?.rateTenths ?? 10)) / 10;
}

function until(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (done() ? resolve() : setTimeout(check, 50));
    check();
  });
}

/** The round's live count: the taps that may still count, and their megabytes. */
function showCount(round: Round): void {
  const count = game.querySelector<HTMLElement>('#count');
  const mb = game.querySelector<HTMLElement>('#mb');
  if (!count || !mb) return; // the round's view is gone (the result is shown)
  count.textContent = whole(round.counting);
  mb.textContent = text('megabytes', { value: whole(round.counting * worthNow()) });
}

function wireTap(round: Round): void {
  const button = game.querySelector<HTMLButtonElement>('#tap')!;
  const record = () => {
    if (round.tap(performance.now())) showCount(round);
  };
  // pointerdown, not click: no tap delay, and a touch is not counted twice as touch and mouse.
  button.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    record();
  });
  button.addEventListener('keydown', (e) => {
    if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) {
      e.preventDefault();
      record();
    }
  });
  button.focus();
}

function tick(): void {
  if (view.kind !== 'playing') return;
  const round = view.round;
  const now = performance.now();
  const timer = game.querySelector<HTMLElement>('#timer');
  const button = game.querySelector<HTMLButtonElement>('#tap');
  if (timer && button) {
    const phase = round.phase(now);
    timer.textContent = phase === 'countdown' ? `${text('countdown')} ${whole(round.secondsLeft(now))}`
      : text('timeLeft', { seconds: whole(round.secondsLeft(now)) });
    button.classList.toggle('waiting', phase === 'countdown');
    button.setAttribute('aria-disabled', String(phase !== 'playing'));
  }
  requestAnimationFrame(tick);
}

async function share(button: HTMLButtonElement, current: View): Promise<void> {
  if (current.kind !== 'result') return;
  const { megabytes } = summarize(current.summary);
  // The round's own page: its share image says what this round gave (from the ledger), and it invites to play.
  const url = `${location.origin}/c/${encodeURIComponent(boot.slug)}/r/${encodeURIComponent(current.session)}?lang=${lang}`;
  const message = text('shareText', { megabytes: whole(megabytes) });
  if (navigator.share) {
    await navigator.share({ title: boot.names[lang], text: message, url }).catch(() => undefined);
  } else if (navigator.clipboard) {
    await navigator.clipboard.writeText(`${message} ${url}`).catch(() => undefined);
    button.textContent = text('copied');
  }
}

// ---- start ----

document.querySelectorAll<HTMLAnchorElement>('a[data-lang]').forEach((a) => {
  a.addEventListener('click', (e) => {
    e.preventDefault();
    setLanguage(a.dataset.lang as Lang);
  });
});
render();
renderTotals();
const renderPurse = followPurse({ slug: boot.slug, sponsor: boot.sponsor, megabytesPerGigabyte: boot.megabytesPerGigabyte,
  text, decimal });
const refreshImpact = wireImpact({ slug: boot.slug, text, whole, known: () => (boot.guard ? identities.stored() : null) });
const renderTeams = wireTeams({
  slug: boot.slug, guard: boot.guard, regions: boot.regions, lang: () => lang, text, whole,
  asPlayer: (action) => (boot.guard ? identities.use(action) : action(null)), known: () => identities.stored(),
});
// The identity is minted at the first round, not on arrival: a visitor who only reads the page must not raise the
// price of an identity for the people behind the same address (the mint puzzle takes a phone well under a second).
follow(boot.slug, (t) => {
  totals = t;
  renderTotals();
});
