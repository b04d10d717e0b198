/**
 * Registers /sw.js (services/web/public/sw.js), which keeps the portal's page
 * and scripts so an opened ticket also reloads without a network, and hands it
 * the files this page was built from: they loaded before the worker existed.
 */
export function registerTicketServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active?.postMessage({ type: 'keep', urls: shellUrls() }))
    .catch(() => {
      // Without the worker the ticket still shows from its saved copy once the page is open.
    });
}

/** The page itself and the same-origin scripts and styles it loaded; never the API. */
function shellUrls(): string[] {
  const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
  const own = loaded.filter((url) => {
    const { origin, pathname } = new URL(url);
    return origin === location.origin && !pathname.startsWith('/api/');
  });
  return ['/', location.pathname, ...own];
}
