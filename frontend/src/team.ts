// A team's page (/c/{slug}/t/{code}), its invite link: join with the player's identity (minted first if the phone has
// none), leave, invite friends, and the team's figures kept live every 5 s. The server's shell shows the figures first.
import { ApiError, joinTeam, leaveTeam, myTeam, team } from './api';
import { Identities, localStore, safely } from './identity';
import { solveInBackground } from './pow';
import type { Membership, TeamView } from './schema';
import { escape, format, numberFormat, type Lang, type Texts } from './texts';

interface TeamBoot {
  slug: string;
  code: string;
  guard: boolean;
  lang: Lang;
  texts: Texts;
}

const boot = JSON.parse(document.getElementById('boot')!.textContent!) as TeamBoot;
const text = (key: string, params: Record<string, string | number> = {}) => format(boot.texts, key, params);
const whole = (n: number) => numberFormat(boot.lang).format(n);
const membership = document.getElementById('team-membership')!;
const status = document.getElementById('team-status')!;


const storage = localStore();
const identities = new Identities({ storage, solve: solveInBackground });

/** Runs a request as the player: with the guard off there is no identity to send. */
function asPlayer<T>(action: (identity: string | null) => Promise<T>): Promise<T> {
  return boot.guard ? identities.use(action) : action(null);
}

function say(message: string, error = false): void {
  status.textContent = message;
  status.classList.toggle('error', error);
}


function show(figures: TeamView): void {
  document.getElementById('team-megabytes')!.textContent = text('megabytes', { value: whole(figures.megabytes) });
  document.getElementById('team-clicks')!.textContent = text('teamClicks', { count: whole(figures.clicks) });
  document.getElementById('team-members')!.textContent = text('teamMembers', { count: whole(figures.members) });
  document.getElementById('team-rounds')!.textContent = text('teamRounds', { count: whole(figures.rounds) });
  document.getElementById('team-rank')!.textContent = text('teamRank', { rank: whole(figures.rank) });
}

function render(mine: Membership | null): void {
  const current = mine?.team ?? null;
  if (current && current.code === boot.code) {
    membership.innerHTML = `<p class="joined" id="team-joined">${escape(text('teamJoined'))}</p>
      <p><a class="button" href="/c/${encodeURIComponent(boot.slug)}?lang=${boot.lang}">${escape(text('homePlay'))}</a>
      <button type="button" class="link" id="team-leave">${escape(text('teamLeave'))}</button></p>`;
    document.getElementById('team-leave')!.addEventListener('click', () => void leave());
  } else if (current) {
    membership.innerHTML = `<p id="team-other">${escape(text('teamOther', { team: current.name }))}</p>
      <p><button type="button" class="link" id="team-leave">${escape(text('teamLeave'))}</button></p>`;
    document.getElementById('team-leave')!.addEventListener('click', () => void leave());
  } else {
    membership.innerHTML = `<button type="button" class="start" id="team-join">${escape(text('teamJoin'))}</button>`;
    document.getElementById('team-join')!.addEventListener('click', () => void join());
  }
}

async function join(): Promise<void> {
  const button = document.getElementById('team-join') as HTMLButtonElement | null;
  if (button) button.disabled = true;
  say(text('preparing'));
  try {
    const joined = await asPlayer((identity) => joinTeam(boot.slug, boot.code, identity));
    show(joined);
    render({ campaign: boot.slug, team: joined });
    say('');
  } catch (e) {
    if (button) button.disabled = false;
    say(e instanceof ApiError ? e.message : text('failed'), true);
  }
}

async function leave(): Promise<void> {
  try {
    await asPlayer((identity) => leaveTeam(boot.slug, identity));
    render(null);
    say(text('teamLeft'));
    show(await team(boot.slug, boot.code));
  } catch (e) {
    say(e instanceof ApiError ? e.message : text('failed'), true);
  }
}

async function share(): Promise<void> {
  const url = `${location.origin}/c/${encodeURIComponent(boot.slug)}/t/${encodeURIComponent(boot.code)}?lang=${boot.lang}`;
  const message = document.getElementById('team-invite')!.textContent ?? '';
  if (navigator.share) {
    await navigator.share({ title: document.title, text: message, url }).catch(() => undefined);
  } else {
    await navigator.clipboard?.writeText(`${message} ${url}`).catch(() => undefined);
    say(text('copied'));
  }
}

async function start(): Promise<void> {
  document.getElementById('team-share')!.addEventListener('click', () => void share());
  // A phone that never played has no identity yet: it mints one only when the player chooses to join.
  const known = boot.guard ? identities.stored() : null;
  let mine: Membership | null = null;
  if (!boot.guard || known) {
    mine = await myTeam(boot.slug, known).catch(() => null);
  }
  render(mine);
  setInterval(() => {
    if (document.visibilityState === 'visible') {
      team(boot.slug, boot.code).then(show).catch(() => undefined);
    }
  }, 5000);
}

safely(() => void start());
