// The campaign page's teams: the leading teams (overall or in a region, refreshed every 15 s), the player's own team,
// and the form that creates one (the player then lands on its page, to invite friends).
import { ApiError, board, createTeam, myTeam } from './api';
import type { BoardEntry } from './schema';
import { escape, type Lang } from './texts';

export interface TeamsPage {
  slug: string;
  guard: boolean;
  regions: { code: string; names: Record<Lang, string> }[];
  lang: () => Lang;
  text: (key: string, params?: Record<string, string | number>) => string;
  whole: (n: number) => string;
  /** Runs a request as the player (its identity minted first if needed; none with the guard off). */
  asPlayer: <T>(action: (identity: string | null) => Promise<T>) => Promise<T>;
  /** The identity the phone holds already, without minting one. */
  known: () => string | null;
}


export function wireTeams(page: TeamsPage): () => void {
  const list = document.getElementById('teams');
  const choice = document.getElementById('teams-region') as HTMLSelectElement | null;
  const form = document.getElementById('team-form') as HTMLFormElement | null;
  const formStatus = document.getElementById('team-form-status');
  const mine = document.getElementById('my-team');
  if (!list || !choice || !form || !formStatus || !mine) return () => undefined;
  let entries: BoardEntry[] = [];
  const link = (code: string) => `/c/${encodeURIComponent(page.slug)}/t/${encodeURIComponent(code)}?lang=${page.lang()}`;

  const options = (selected: string | null, all: string) => `<option value="">${escape(all)}</option>` + page.regions
    .map((r) => `<option value="${r.code}"${r.code === selected ? ' selected' : ''}>${escape(r.names[page.lang()])}</option>`)
    .join('');

  const render = () => {
    list.innerHTML = entries.length === 0 ? `<li class="empty">${escape(page.text('teamsEmpty'))}</li>` : entries.map((e) =>
      `<li><a href="${link(e.code)}"><bdi>${escape(e.name)}</bdi></a>
        <span class="value">${escape(page.text('megabytes', { value: page.whole(e.megabytes) }))}</span>
        <span class="hint">${escape(page.text('teamMembers', { count: page.whole(e.members) }))}</span></li>`).join('');
    const selected = choice.value || null;
    choice.innerHTML = options(selected, page.text('teamsAll'));
    const regionField = form.elements.namedItem('region') as HTMLSelectElement;
    const kept = regionField.value || null;
    regionField.innerHTML = options(kept, page.text('regionNone'));
  };

  const refresh = async () => {
    entries = await board(page.slug, choice.value || null).catch(() => entries);
    render();
  };

  choice.addEventListener('change', () => void refresh());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = (form.elements.namedItem('name') as HTMLInputElement).value;
    const region = (form.elements.namedItem('region') as HTMLSelectElement).value;
    formStatus.textContent = page.text('preparing');
    formStatus.classList.remove('error');
    page.asPlayer((identity) => createTeam(page.slug, identity, name, region))
      .then((created) => {
        location.href = link(created.code);
      })
      .catch((e: unknown) => {
        const problems = e instanceof ApiError ? e.message : page.text('failed');
        formStatus.textContent = problems;
        formStatus.classList.add('error');
      });
  });

  const known = page.guard ? page.known() : null;
  if (!page.guard || known) {
    myTeam(page.slug, known).then((m) => {
      if (!m.team) return;
      mine.hidden = false;
      mine.innerHTML = `<a href="${link(m.team.code)}">${escape(page.text('yourTeam', { team: m.team.name }))}</a>`;
      mine.querySelector('a')!.setAttribute('dir', 'auto');
    }).catch(() => undefined);
  }
  render();
  void refresh();
  setInterval(() => {
    if (document.visibilityState === 'visible') void refresh();
  }, 15_000);
  return render;
}
