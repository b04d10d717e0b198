/**
 * Registers /sw.js (services/web/public/sw.js), which keeps the portal's page
 * and scripts so an opened ticket also reloads without a network, and hands it
 * the files this page was built from: they loaded before the worker existed.
 * Resolves true once they are kept, false where that cannot happen (no service
 * workers, the dev server, a refused registration).
 */
export async function keepTicketPageOffline(): Promise<boolean> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return false;
  try {
    await navigator.serviceWorker.register('/sw.js');
    const registration = await navigator.serviceWorker.ready;
    return await askToKeep(registration.active, shellUrls());
  } catch {
    return false;
  }
}

function askToKeep(worker: ServiceWorker | null, urls: string[]): Promise<boolean> {
  if (!worker) return Promise.resolve(false);
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<{ kept?: boolean }>) => resolve(event.data.kept === true);
    worker.postMessage({ type: 'keep', urls }, [channel.port2]);
  });
}

/** The page itself and the built scripts and styles it loaded (under /assets/); never the API or a stray icon. */
function shellUrls(): string[] {
  const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
  const built = loaded.filter((url) => {
    const { origin, pathname } = new URL(url);
    return origin === location.origin && pathname.startsWith('/assets/');
  });
  return ['/', location.pathname, ...built];
}
