/// <reference lib="webworker" />
// The field app's service worker: it keeps the app's page, script and style, so that the distributor can open the
// app in a village with no signal. Network first (an update arrives as soon as there is a network, and a slow network
// gets 4 s), the kept copy otherwise. It never touches the tablets' data or the actions: the app keeps those itself.
const sw = self as unknown as ServiceWorkerGlobalScope;
// Named again in field.ts, which keeps its own page in it.
const CACHE = 'clickgive-field-v1';
// The app's script, its shared chunk and the style; anything else under /assets/ the page asks for is kept as it passes.
const SHELL = ['/assets/field.js', '/assets/texts.js', '/assets/game.css'];

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(sw.clients.claim());
});

function kept(url: URL): boolean {
  return url.origin === sw.location.origin
    && (url.pathname === '/console/field/app' || url.pathname.startsWith('/assets/'));
}

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  // The page is kept once per language; other query parameters do not make another copy.
  const url = new URL(request.url);
  const key = url.pathname + (url.searchParams.get('lang') ? `?lang=${url.searchParams.get('lang')}` : '');
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('slow network')), 4000)),
    ]);
    if (response.ok && !response.redirected) await cache.put(key, response.clone());
    return response;
  } catch (failure) {
    const copy = (await cache.match(key)) ?? (await cache.match(url.pathname, { ignoreSearch: true }));
    if (copy) return copy;
    throw failure;
  }
}

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method === 'GET' && kept(url)) {
    event.respondWith(networkFirst(event.request));
  }
});
