// My impact on the campaign page: the player's own story from the server's records for its identity (no account),
// here and across campaigns, with its team's rank; and the button that erases it. Shown only to a phone that holds an
// identity (one that played or joined a team): reading the page mints nothing.
import { eraseHistory, impact } from './api';
import type { Impact } from './schema';
import { escape } from './texts';

export interface ImpactPage {
  slug: string;
  text: (key: string, params?: Record<string, string | number>) => string;
  whole: (n: number) => string;
  known: () => string | null;
}


export function wireImpact(page: ImpactPage): () => void {
  const section = document.getElementById('impact');
  const figures = document.getElementById('impact-figures');
  const erase = document.getElementById('impact-erase');
  const status = document.getElementById('impact-status');
  if (!section || !figures || !erase || !status) return () => undefined;
  let story: Impact | null = null;

  const render = () => {
    if (!story || (story.rounds === 0 && story.campaigns.length === 0)) {
      section.hidden = true;
      return;
    }
    const here = story.campaigns.find((c) => c.slug === page.slug);
    const lines: string[] = [];
    if (here) {
      lines.push(page.text('impactHere', { rounds: page.whole(here.rounds), clicks: page.whole(here.clicks),
        megabytes: page.whole(here.megabytes), best: page.whole(here.bestRound) }));
      if (here.team) lines.push(page.text('impactTeam', { team: here.team.name, rank: page.whole(here.team.rank) }));
    }
    lines.push(page.text('impactAll', { rounds: page.whole(story.rounds), megabytes: page.whole(story.megabytes),
      days: page.whole(story.daysInARow) }));
    figures.innerHTML = lines.map((l) => `<li dir="auto">${escape(l)}</li>`).join('');
    section.hidden = false;
  };

  const refresh = () => {
    const identity = page.known();
    if (!identity) return;
    impact(identity).then((s) => {
      story = s;
      render();
    }).catch(() => undefined);
  };

  erase.addEventListener('click', () => {
    const identity = page.known();
    if (!identity || !window.confirm(page.text('impactEraseConfirm'))) return;
    eraseHistory(identity).then(() => {
      story = null;
      figures.innerHTML = '';
      status.textContent = page.text('impactErased');
      document.getElementById('my-team')?.setAttribute('hidden', '');
    }).catch(() => {
      status.textContent = page.text('failed');
    });
  });
  refresh();
  return () => {
    render();
    refresh();
  };
}
