/*
 * The portal's service worker: keeps the app shell (the page and its hashed
 * scripts and styles) so an admission ticket opened once reloads without a
 * network. The ticket's data itself is kept by the page (localStorage), not
 * here: API answers are never cached by this worker.
 */
const CACHE = 'openday-shell-v1';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// The page names the files it was built from (they loaded before this worker was there) and is told once they are kept.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep' || !Array.isArray(event.data.urls)) return;
  const urls = event.data.urls.filter((url) => sameOrigin(url) && !isApi(url));
  const kept = caches
    .open(CACHE)
    .then((cache) => Promise.all(urls.map((url) => cache.add(url).then(() => true, () => false))))
    .then((added) => event.ports[0]?.postMessage({ kept: added.every(Boolean) }));
  event.waitUntil(kept);
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !sameOrigin(request.url) || isApi(request.url)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else if (new URL(request.url).pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  }
});

/** Pages: the newest when online; offline, the kept page (every route is the same single page). */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('/', response.clone());
    return response;
  } catch (offline) {
    const kept = (await cache.match(request, { ignoreVary: true })) ?? (await cache.match('/', { ignoreVary: true }));
    if (kept) return kept;
    throw offline;
  }
}

/**
 * Built files carry their content's hash in the name: a kept copy is always right.
 * Module scripts are asked for with an Origin header that the kept copies were not
 * (servers answer Vary: Origin), so the match ignores Vary.
 */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

function sameOrigin(url) {
  return new URL(url, self.location.href).origin === self.location.origin;
}

function isApi(url) {
  return new URL(url, self.location.href).pathname.startsWith('/api/');
}
