// Concord's service worker: the page, its script, its wasm, the manifest and the icons are
// kept on first visit, so the installed app (a Chromebook's "Install Concord") opens with
// no network. Each build names its cache after its wasm (build.sh fills in BUILD), so a new
// version replaces the old one at the next visit online. Anything else (a scenario served
// with #url=) goes to the network first and falls back to what was kept.
const CACHE = "concord-BUILD";
const SHELL = ["./", "index.html", "concord.js", "concord_bg.wasm", "manifest.webmanifest",
  "icons/192x192.png", "icons/512x512.png", "icons/concord.svg"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("concord-") && n !== CACHE)
        .map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The page itself, asked for with a query (?lesson=…), is the cached page.
      const kept = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
      if (kept) {
        return kept;
      }
      try {
        const fresh = await fetch(request);
        if (fresh.ok) {
          cache.put(request, fresh.clone());
        }
        return fresh;
      } catch (offline) {
        return (await cache.match(request)) ?? Response.error();
      }
    }),
  );
});
