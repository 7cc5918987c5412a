// Parcours' service worker: the app's own files, cached whole at install, so
// that after one visit the site opens and works with no network.
//
// scripts/build_wasm.sh writes dist/sw.js from this file, filling in the
// version (a hash of every file of the build) and the list of files. A new
// deployment changes sw.js, so the browser installs the new version in the
// background on the next visit: all of its files or none (cache.addAll), then
// the visit after opens it. Pages still open on the previous version keep
// finding its lazy parts: the two latest versions are kept.
//
// It must never slow a visit (scripts/bench.mjs compares the same pages from
// the worker and from the network). Where the browser has static routes
// (Chromium 123+), the page, the build's folder, the styles and static/ are
// answered from the cache by the browser itself, without waiting for the
// worker to start (a stopped worker took tens of ms to start before the
// page's first byte; Chromium still starts it alongside). Elsewhere the fetch handler below answers, with the cache
// opened once and looked up by exact address first (a key lookup; ignoring
// the query string makes the cache compare every entry).
// Navigation preload is not used: the page comes from the cache (this
// version's page, so that a new deployment opens whole on the visit after),
// which a request to the network can only be slower than.
const VERSION = "__PARCOURS_VERSION__";
const FILES = __PARCOURS_FILES__;
const PREFIX = "parcours-";
const CACHE = `${PREFIX}${VERSION}`;

const scope = () => new URL(self.registration.scope);
let opened = null;
const ours = () => (opened ??= caches.open(CACHE));

self.addEventListener("install", (event) => {
  const root = scope();
  let routes = null;
  if (event.addRoutes) {
    // This origin, and no query string: the browser looks the cache up by
    // exact address (one with a query goes to the fetch handler).
    const here = { protocol: root.protocol.slice(0, -1), hostname: root.hostname, port: root.port, search: "" };
    // The folder as it is: URLPattern gives : * ? + ( ) { } \ meanings.
    const folder = root.pathname.replace(/[:*?+(){}\\]/g, "\\$&");
    const at = (pathname) => ({ urlPattern: new URLPattern({ ...here, pathname: folder + pathname }) });
    routes = event
      .addRoutes([
        // The page, at its two addresses: this version's copy.
        { condition: { requestMode: "navigate", ...at("") }, source: { cacheName: CACHE } },
        { condition: { requestMode: "navigate", ...at("index.html") }, source: { cacheName: CACHE } },
        // A build's folder is named by its content: any version's cache may
        // answer (a page still open on the previous version finds its parts).
        { condition: at("pkg-*"), source: "cache" },
        { condition: at("*.css"), source: { cacheName: CACHE } },
        { condition: at("static/*"), source: { cacheName: CACHE } },
      ])
      .catch(() => {}); // no routes: the fetch handler answers all
  }
  event.waitUntil(
    (async () => {
      await routes;
      const cache = await ours();
      // `reload`: from the server, not from the HTTP cache of an older build.
      await cache.addAll(FILES.map((file) => new Request(new URL(file, root), { cache: "reload" })));
      // The page also under the folder's own address, which the route above
      // looks up as it is.
      const page = await cache.match(new URL("index.html", root));
      if (page) await cache.put(root, page);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // VERSION starts with the build time: the two latest builds stay.
      const ours = (await caches.keys()).filter((name) => name.startsWith(PREFIX)).sort().reverse();
      const keep = new Set([CACHE, ...ours.filter((name) => name <= CACHE).slice(0, 2)]);
      await Promise.all(ours.filter((name) => !keep.has(name)).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only the app's own files; anything else (a map file an embed names on
  // another server) goes to the network as the page asked.
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await ours();
      const root = scope();
      // The page itself, at any of its addresses: this version's index.html.
      if (request.mode === "navigate" && (url.pathname === root.pathname || url.pathname === `${root.pathname}index.html`)) {
        const page = await cache.match(new URL("index.html", root));
        if (page) return page;
      }
      const hit =
        (await cache.match(request)) ||
        (url.search && (await cache.match(request, { ignoreSearch: true }))) ||
        // A lazy part of the previous version, for a page still open on it.
        (await caches.match(request, { ignoreSearch: !!url.search }));
      return hit || fetch(request);
    })(),
  );
});
