// Keeps the transparency report live: the same figures as the server rendered, read again every 10 s.
// The style comes with the game's stylesheet (/assets/game.css), which the report page links too.
import { numberFormat, type Lang, type Texts, format } from './texts';

interface Row { donatedMegabytes: number; donatedGigabytes: number; allocatedMegabytes: number; allocatedGigabytes: number;
  tabletsDelivered: number; deliveredMegabytes: number; deliveredGigabytes: number; beneficiariesReached: number;
  siteMegabytes: number; siteGigabytes: number; sitesServed: number;
  peopleReached: number }
interface Transparency { confirmedClicks: number; confirmedLikes: number; inFlightGigabytes: number | null;
  report: { total: Row } }

const boot = JSON.parse(document.getElementById('boot')!.textContent!) as { lang: Lang; slug: string; texts: Record<Lang, Texts> };
const texts = boot.texts[boot.lang];
const whole = numberFormat(boot.lang);
const gb = numberFormat(boot.lang, 1);

function set(field: string, value: string): void {
  const el = document.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (el) el.textContent = value;
}

function bar(name: string, part: number, all: number): void {
  const el = document.querySelector<HTMLElement>(`[data-bar="${name}"]`);
  const percent = all === 0 ? 0 : Math.min(100, Math.floor((part * 100) / all));
  if (el) {
    el.style.width = `${percent}%`;
    el.parentElement?.setAttribute('aria-valuenow', String(percent));
  }
}

async function refresh(): Promise<void> {
  try {
    const response = await fetch(`/api/campaigns/${encodeURIComponent(boot.slug)}/report`);
    if (!response.ok) return;
    const t = (await response.json()) as Transparency;
    const total = t.report.total;
    set('confirmed', gb.format(total.donatedGigabytes));
    set('clicks', format(texts, 'clicksConfirmed', { clicks: whole.format(t.confirmedClicks), likes: whole.format(t.confirmedLikes) }));
    set('inFlight', t.inFlightGigabytes == null ? '–' : gb.format(t.inFlightGigabytes));
    set('allocated', gb.format(total.allocatedGigabytes));
    set('delivered', gb.format(total.deliveredGigabytes));
    set('tablets', format(texts, 'tabletsDelivered', { count: whole.format(total.tabletsDelivered) }));
    set('beneficiaries', format(texts, 'beneficiariesReached', { count: whole.format(total.beneficiariesReached) }));
    set('people', format(texts, 'peopleReached', { count: whole.format(total.peopleReached) }));
    bar('allocated', total.allocatedMegabytes, total.donatedMegabytes);
    bar('delivered', total.deliveredMegabytes, total.donatedMegabytes);
    set('sites', gb.format(total.siteGigabytes));
    set('sitesServed', format(texts, 'sitesServed', { count: whole.format(total.sitesServed) }));
    bar('sites', total.siteMegabytes, total.donatedMegabytes);
  } catch {
    // keep the figures on screen; the next round may get through
  }
}

setInterval(refresh, 10_000);
