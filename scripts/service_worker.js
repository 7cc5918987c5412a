// Parcours' service worker: the app's own files, cached whole at install, so
// that after one visit the site opens and works with no network.
//
// scripts/build_wasm.sh writes dist/sw.js from this file, filling in the
// version (a hash of every file of the build) and the list of files. A new
// deployment changes sw.js, so the browser installs the new version in the
// background on the next visit: all of its files or none (cache.addAll), then
// the visit after opens it. Pages still open on the previous version keep
// finding its lazy parts: the two latest versions are kept.
const VERSION = "__PARCOURS_VERSION__";
const FILES = __PARCOURS_FILES__;
const PREFIX = "parcours-";
const CACHE = `${PREFIX}${VERSION}`;

const scope = () => new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: from the server, not from the HTTP cache of an older build.
      await cache.addAll(FILES.map((file) => new Request(new URL(file, scope()), { cache: "reload" })));
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
      const cache = await caches.open(CACHE);
      const root = scope();
      // The page itself, at any of its addresses: this version's index.html.
      if (request.mode === "navigate" && (url.pathname === root.pathname || url.pathname === `${root.pathname}index.html`)) {
        const page = await cache.match(new URL("index.html", root));
        if (page) return page;
      }
      const hit = (await cache.match(request, { ignoreSearch: true })) || (await caches.match(request, { ignoreSearch: true }));
      return hit || fetch(request);
    })(),
  );
});
