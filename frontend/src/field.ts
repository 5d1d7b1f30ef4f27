// The distributor's field app (/console/field/app): the tablets on their way to them, found by typing or scanning a
// label, assigned and delivered with the recipient's signature and, if they agree, a photo. Everything works with no
// network: the page is kept by a service worker, the tablets and the queue of actions by IndexedDB, and the queue is
// sent when the network returns (fieldqueue.ts). What the server refuses is shown with its reason.
import { FieldQueue, newClientId, readAnswer, type Entry, type Sent } from './fieldqueue';
import { IdbStore } from './fieldstore';
import { format, type Lang, type Texts } from './texts';
import type { FieldAction, FieldData, FieldTablet } from './schema';

interface Boot { lang: Lang; texts: Texts }

const boot = JSON.parse(document.getElementById('boot')!.textContent!) as Boot;
const text = (key: string, params: Record<string, string | number> = {}) => format(boot.texts, key, params);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const store = new IdbStore();
let data: (FieldData & { savedAt?: string }) | undefined;

async function post(action: FieldAction, token: string): Promise<Response> {
  return fetch('/console/field/actions', {
    method: 'POST', credentials: 'same-origin', redirect: 'manual',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token }, body: JSON.stringify(action),
  });
}

/** Sends one action; a refused form token (a new day) is fetched again once, with the tablets. */
async function send(action: FieldAction): Promise<Sent> {
  try {
    let response = await post(action, data?.csrf ?? '');
    if (response.status === 403 && (await refresh())) response = await post(action, data?.csrf ?? '');
    return await readAnswer(response);
  } catch {
    return { kind: 'failed' };
  }
}

const queue = new FieldQueue(store, send);

/** The tablets from the server, kept for offline; false when there is no network or no sign-in. */
async function refresh(): Promise<boolean> {
  try {
    const response = await fetch('/console/field/data', { credentials: 'same-origin', redirect: 'manual' });
    if (!response.ok) return false;
    data = (await response.json()) as FieldData;
    await store.saveData(data);
    return true;
  } catch {
    return false;
  }
}

let signInNeeded = false;

function showNetwork(): void {
  const line = $('network');
  line.textContent = signInNeeded ? text('field.signIn') : navigator.onLine ? text('field.online') : text('field.offline');
  line.classList.toggle('error', signInNeeded || !navigator.onLine);
}

/** A tablet as it will stand once the queue is sent: the phone shows what the distributor did, not what the server knew. */
function pending(entries: Entry[], tablet: FieldTablet): { status: string; waiting: boolean } {
  let status: string = tablet.status;
  let waiting = false;
  for (const e of entries) {
    if (e.state !== 'waiting' || e.action.serial !== tablet.serial) continue;
    waiting = true;
    status = e.action.kind === 'ASSIGN' ? 'ASSIGNED' : 'DELIVERED';
  }
  return { status, waiting };
}

async function render(): Promise<void> {
  const entries = await queue.entries();
  const tablets = data?.tablets ?? [];
  $('updated').textContent = data?.savedAt ? text('field.updated', { time: new Date(data.savedAt).toLocaleString(boot.lang) }) : '';
  $('tablets').innerHTML = tablets.length === 0 ? `<li>${escape(text('field.none'))}</li>` : tablets.map((t) => {
    const now = pending(entries, t);
    const action = now.status === 'SHIPPED' || now.status === 'ASSIGNED'
      ? `<button type="button" class="start" data-deliver="${escape(t.serial)}">${escape(text('field.deliver'))}</button>` : '';
    return `<li id="tablet-${escape(t.serial)}" data-status="${now.status}"><strong>${escape(t.serial)}</strong> · ${escape(t.model)}
      <br>${escape(text(`tablet.${now.status}`))}${now.waiting ? ` · <em>${escape(text('field.waiting'))}</em>` : ''}
      <br>${escape(text('field.for', { name: t.bundleForName }))}${t.recipient ? ` · ${escape(t.recipient)}` : ''} ${action}</li>`;
  }).join('');
  $('queue').innerHTML = entries.length === 0 ? `<li>${escape(text('field.queueEmpty'))}</li>` : entries.map((e) => {
    const a = e.action;
    const label = a.kind === 'ASSIGN'
      ? text('field.actionAssign', { serial: a.serial, name: a.beneficiary ?? '' })
      : text('field.actionDeliver', { serial: a.serial, recipient: a.recipient ?? '' });
    const state = e.state === 'refused' ? text('field.refused', { reason: refusal(e.status) })
      : e.user !== data?.user ? text('field.otherUser', { user: e.user }) : text('field.waiting');
    const dismiss = e.state === 'refused'
      ? ` <button type="button" class="secondary" data-dismiss="${escape(a.clientId)}">${escape(text('field.dismiss'))}</button>` : '';
    const detail = e.state === 'refused' && e.reason ? `<br><small dir="auto">${escape(e.reason)}</small>` : '';
    return `<li data-state="${e.state}"><strong>${escape(label)}</strong> · ${escape(state)}${detail}${dismiss}</li>`;
  }).join('');
  showNetwork();
}

/** What kind of no the server said, in the distributor's words; its own detail follows for whoever helps them. */
function refusal(status: number | undefined): string {
  return text([400, 404, 409, 413].includes(status ?? 0) ? `field.why${status}` : 'field.whyOther');
}

async function flush(): Promise<void> {
  if (!navigator.onLine) return render();
  if (!data) return render();
  const result = await queue.flush(data.user);
  signInNeeded = result.stoppedBy === 'signIn';
  if (result.done.length > 0) await refresh();
  await render();
}

// ---- finding a tablet: typed, or scanned from its label (a QR code "serial imei", or a barcode of either) ----

function find(value: string): void {
  const wanted = value.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
  const tablet = (data?.tablets ?? []).find((t) => t.serial.toUpperCase() === wanted || t.imei === wanted);
  $('find-result').textContent = tablet ? '' : text('field.notMine');
  if (tablet) {
    const row = document.getElementById(`tablet-${tablet.serial}`);
    row?.scrollIntoView({ block: 'center' });
    row?.classList.add('found');
    setTimeout(() => row?.classList.remove('found'), 2000);
  }
}

$('find').addEventListener('submit', (event) => {
  event.preventDefault();
  find(($('serial') as HTMLInputElement).value);
});

interface Detector { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> }
const Barcode = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
if (Barcode) {
  $('scan').hidden = false;
  $('scan').addEventListener('click', async () => {
    const video = $<HTMLVideoElement>('camera');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      const detector = new Barcode({ formats: ['qr_code', 'code_128', 'ean_13'] });
      const stop = () => { stream.getTracks().forEach((track) => track.stop()); video.hidden = true; };
      const look = async (): Promise<void> => {
        const found = await detector.detect(video).catch(() => []);
        if (found.length > 0) {
          stop();
          ($('serial') as HTMLInputElement).value = found[0].rawValue.trim().split(/\s+/)[0];
          find(found[0].rawValue);
        } else if (!video.hidden) {
          setTimeout(look, 250);
        }
      };
      void look();
    } catch {
      $('find-result').textContent = text('field.noCamera');
    }
  });
}

// ---- delivering: recipient, date, an optional photo, and the signature drawn on the screen ----

const dialog = $<HTMLDialogElement>('deliver-dialog');
const form = $<HTMLFormElement>('deliver-form');
const pad = $<HTMLCanvasElement>('signature');
let serial = '';
let signed = false;
let photo: string | null = null;

function clearPad(): void {
  const ctx = pad.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, pad.width, pad.height);
  signed = false;
}

pad.addEventListener('pointerdown', (down) => {
  const ctx = pad.getContext('2d')!;
  const box = pad.getBoundingClientRect();
  const at = (e: PointerEvent) => [(e.clientX - box.left) * (pad.width / box.width), (e.clientY - box.top) * (pad.height / box.height)];
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.strokeStyle = '#111';
  ctx.beginPath();
  ctx.moveTo(...(at(down) as [number, number]));
  pad.setPointerCapture(down.pointerId);
  const move = (e: PointerEvent) => { ctx.lineTo(...(at(e) as [number, number])); ctx.stroke(); signed = true; };
  const up = () => { pad.removeEventListener('pointermove', move); pad.removeEventListener('pointerup', up); };
  pad.addEventListener('pointermove', move);
  pad.addEventListener('pointerup', up);
});

/** The photo scaled to 1280 px at most and re-encoded as JPEG: a few hundred kB, under the server's 1 MB. */
async function shrink(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  const image = new Image();
  image.src = url;
  await image.decode();
  const scale = Math.min(1, 1280 / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.naturalWidth * scale);
  canvas.height = Math.round(image.naturalHeight * scale);
  canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.8);
}

(form.elements.namedItem('photo') as HTMLInputElement).addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  const preview = $<HTMLImageElement>('photo-preview');
  photo = null;
  preview.hidden = true;
  if (!file) return;
  try {
    photo = await shrink(file);
    preview.src = photo;
    preview.hidden = false;
  } catch {
    $('deliver-problem').textContent = text('field.photoUnreadable');
  }
});

$('tablets').addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-deliver]');
  if (!button) return;
  serial = button.dataset.deliver!;
  form.reset();
  photo = null;
  $('photo-preview').hidden = true;
  $('deliver-problem').textContent = '';
  (form.elements.namedItem('deliveredOn') as HTMLInputElement).value = data?.today ?? new Date().toISOString().slice(0, 10);
  $('deliver-title').textContent = `${text('field.deliver')} · ${serial}`;
  clearPad();
  dialog.showModal();
});

$('clear-signature').addEventListener('click', clearPad);
$('cancel-delivery').addEventListener('click', () => dialog.close());

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const recipient = (form.elements.namedItem('recipient') as HTMLInputElement).value.trim();
  if (!signed || !recipient) {
    $('deliver-problem').textContent = text('field.signFirst');
    return;
  }
  const tablet = data?.tablets.find((t) => t.serial === serial);
  if (!tablet) return;
  const entries = await queue.entries();
  const madeAt = new Date().toISOString();
  // A tablet still shipped is assigned first, to the beneficiary its bundle was allocated to: two actions, in order.
  if (pending(entries, tablet).status === 'SHIPPED') {
    await queue.add({ clientId: newClientId(), kind: 'ASSIGN', serial, beneficiary: tablet.bundleFor, madeAt } as FieldAction,
      data!.user);
  }
  const note = (form.elements.namedItem('note') as HTMLInputElement).value.trim();
  await queue.add({
    clientId: newClientId(), kind: 'DELIVER', serial, recipient, madeAt,
    deliveredOn: (form.elements.namedItem('deliveredOn') as HTMLInputElement).value,
    note: note || undefined, photo: photo ?? undefined, signature: pad.toDataURL('image/png'),
  } as FieldAction, data!.user);
  dialog.close();
  await render();
  await flush();
});

$('queue').addEventListener('click', async (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-dismiss]');
  if (button) {
    await queue.dismiss(button.dataset.dismiss!);
    await render();
  }
});

$('send-now').addEventListener('click', () => void flush());
window.addEventListener('online', () => void flush());
window.addEventListener('offline', () => void render());
setInterval(() => void flush(), 30_000);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/assets/field-sw.js', { scope: '/console/field/' }).catch(() => undefined);
  // This very page, kept now: it was loaded before the service worker existed, so the worker did not see it pass.
  // The worker's cache name (field-sw.ts, which cannot import a shared module: it is a classic script).
  caches.open('clickgive-field-v1').then((cache) => cache.add(`/console/field/app?lang=${boot.lang}`)).catch(() => undefined);
}

void (async () => {
  data = await store.data();
  await render();
  if (await refresh()) await render();
  await flush();
})();
