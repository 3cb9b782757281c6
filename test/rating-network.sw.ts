/**
 * A service worker for the rating tests. It stands between a test frame and the network, so a test can take the
 * network away from a real page after it has loaded (every request: API calls and module scripts alike) and give
 * it back. It also serves the frame's page: `/test/rating-frame.html?body=…` answers with that body.
 */
interface SwFetchEvent extends Event {
  request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface SwScope {
  addEventListener(type: 'fetch', listener: (e: SwFetchEvent) => void): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  addEventListener(
    type: 'install' | 'activate',
    listener: (e: Event & { waitUntil(p: Promise<unknown>): void }) => void,
  ): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
}
const sw = self as unknown as SwScope;

/** Requests whose URL matches fail as they do when the network is gone. */
let down: RegExp | undefined;

sw.addEventListener('install', (e) => e.waitUntil(sw.skipWaiting()));
sw.addEventListener('activate', (e) => e.waitUntil(sw.clients.claim()));
sw.addEventListener('message', (e) => {
  const { down: pattern } = e.data as { down?: string };
  down = pattern ? new RegExp(pattern) : undefined;
  e.ports[0]?.postMessage('ok');
});
sw.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (url.pathname === '/test/rating-frame.html') {
    const body = url.searchParams.get('body') ?? '';
    e.respondWith(
      new Response(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>${body}</body></html>`, {
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      }),
    );
  } else if (down?.test(e.request.url)) {
    e.respondWith(Response.error());
  } else {
    // Marked uncacheable, so another frame cannot take a module from the browser's memory cache without asking.
    e.respondWith(
      fetch(e.request).then((res) => {
        const headers = new Headers(res.headers);
        headers.set('Cache-Control', 'no-store');
        return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
      }),
    );
  }
});
