// The sponsor's purse on the campaign page: what is left, read again every 5 s, and the thanks once it is spent.
import type { PurseView } from './schema';

export interface PursePage {
  slug: string;
  sponsor: string | null;
  megabytesPerGigabyte: number;
  text: (key: string, params?: Record<string, string | number>) => string;
  decimal: (n: number) => string;
}

export function followPurse(page: PursePage): () => void {
  const line = document.getElementById('purse-line');
  if (!line || !page.sponsor) return () => undefined;
  let last: PurseView | null = null;
  const render = () => {
    if (!last || last.purseMegabytes == null || last.leftMegabytes == null) return;
    const gb = (mb: number) => page.text('gigabytes', { value: page.decimal(mb / page.megabytesPerGigabyte) });
    line.textContent = last.spent
      ? page.text('purseSpent', { sponsor: page.sponsor ?? '' })
      : page.text('purseLeft', { left: gb(last.leftMegabytes), purse: gb(last.purseMegabytes), sponsor: page.sponsor ?? '' });
    line.classList.toggle('spent', last.spent);
  };
  const read = () => {
    fetch(`/api/campaigns/${encodeURIComponent(page.slug)}/sponsor`)
      .then((r) => (r.ok ? (r.json() as Promise<PurseView>) : null))
      .then((view) => {
        if (view) {
          last = view;
          render();
        }
      })
      .catch(() => undefined);
  };
  setInterval(() => {
    if (document.visibilityState === 'visible') read();
  }, 5000);
  return render;
}
