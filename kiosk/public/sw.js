// The pad's service worker: keeps the app shell so a reload without network still shows the pad (its
// outbox lives in IndexedDB). Pages: network first, cache as fallback; hashed assets: cache first.
// API and Socket.IO traffic is never cached.
const CACHE = "hallwatch-kiosk-v1";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(["/kiosk/"])).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || !url.pathname.startsWith("/kiosk/")) return;
  if (url.pathname.startsWith("/kiosk/assets/")) {
    event.respondWith(
      caches.match(event.request).then(
        (hit) =>
          hit ||
          fetch(event.request).then((res) => {
            const copy = res.clone();
            if (res.ok) void caches.open(CACHE).then((c) => c.put(event.request, copy));
            return res;
          }),
      ),
    );
    return;
  }
  event.respondWith(
    fetch(event.request)
      .then((res) => {
        const copy = res.clone();
        if (res.ok && event.request.mode === "navigate") void caches.open(CACHE).then((c) => c.put("/kiosk/", copy));
        return res;
      })
      .catch(() => caches.match(event.request.mode === "navigate" ? "/kiosk/" : event.request).then((hit) => hit || Response.error())),
  );
});
