// Kitty's service worker, a plain file (trunk copies it to /sw.js; the server sends it with
// `Cache-Control: no-cache`, so a changed file is found at the next page load).
//
// - Page loads: network first. A page that loads is kept as its bundle's shell (every page of a
//   bundle is the same entry HTML: server/src/web.rs, Spa::page_for); offline, the shell of the
//   page's bundle answers, else the main app's.
// - The hashed wasm, JS and CSS trunk emits (`kitty-1a2b3c4d5e6f7a8b_bg.wasm`) never change:
//   cache first.
// - Other files of the site (icons, the manifest): network first, the kept copy offline.
// - Never: anything but GET, other sites, and the APIs (`/api`, `/ktti`, `/kpay`, `/kotani`,
//   `/kiota`, `/sandbox`). API answers hold one person's data; the app keeps the few it shows
//   offline itself, per signed-in person (src/api/offline.rs).
//
// Changing VERSION makes a new worker: the app then offers "Reload to update" (src/pwa.rs), and
// the new worker, once active, drops the caches of the old one.
const VERSION = "1";
const PAGES = `kitty-pages-${VERSION}`;
const ASSETS = `kitty-assets-${VERSION}`;
const STATIC = ["/icon.svg", "/manifest.webmanifest", "/icon-192.png", "/icon-512.png", "/icon-maskable-512.png"];
// How long a page load waits for the network before the kept shell answers (a connection that
// is up but carries nothing). The network's answer still replaces the kept shell when it comes.
const PATIENCE_MS = 6000;

// server/src/providers/mod.rs, API_PREFIXES.
const API = ["/api", "/ktti", "/kpay", "/kotani", "/kiota", "/sandbox"];
const isApi = (path) => API.some((p) => path === p || path.startsWith(`${p}/`));

// server/src/web.rs, is_hashed_asset: `name-<16 hex digits>[_bg].ext`.
function isHashed(path) {
  let stem = path.slice(path.lastIndexOf("/") + 1).split(".")[0];
  if (stem.endsWith("_bg")) stem = stem.slice(0, -3);
  const dash = stem.lastIndexOf("-");
  return dash >= 0 && /^[0-9a-fA-F]{16}$/.test(stem.slice(dash + 1));
}

// Which bundle's entry page answers `path`: the server's rule (Spa::page_for, with
// kitty_api::config::area_of).
function bundleOf(path) {
  if (path.startsWith("/pay/crypto/") || path.startsWith("/pay/order/")) return "coinpay";
  if (path.startsWith("/pay/")) return "checkout";
  const [first, second, third] = path.replace(/^\//, "").split("/");
  if (first === "ramp" && second === "developers") return "developers";
  if (first === "ramp" && ["wallets", "verify", "ubi"].includes(second)) return "rampchain";
  if (first === "merchant" && (second === "crypto" || second === "orders")) return "merchantcrypto";
  if (first === "kitties" && second && ["moments", "transactions", "card"].includes(third)) return "kittymedia";
  if (first === "kitties" || first === "merchant" || first === "ramp") return first;
  if (["login", "register", "forgot-password", "reset-password", "outbox"].includes(first)) return "public";
  return "main";
}

// The cache key a bundle's shell is kept under.
const shellKey = (path) => `/offline-shell/${bundleOf(path)}`;

// The hashed files an entry page loads (trunk writes them as absolute paths).
const assetsOf = (html) => [...new Set(html.match(/\/[\w/.-]*-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css)/g) ?? [])];

const isHtml = (response) => response.ok && (response.headers.get("content-type") ?? "").startsWith("text/html");

// Keeps `response` (an entry page) as its bundle's shell, and drops the kept files of that
// bundle's folder that this page no longer loads (an older build's).
async function keepShell(path, response) {
  const html = await response.clone().text();
  const pages = await caches.open(PAGES);
  await pages.put(shellKey(path), response);
  const current = assetsOf(html);
  if (current.length === 0) return;
  const folder = current[0].slice(0, current[0].lastIndexOf("/") + 1);
  const assets = await caches.open(ASSETS);
  for (const request of await assets.keys()) {
    const p = new URL(request.url).pathname;
    if (p.slice(0, p.lastIndexOf("/") + 1) === folder && !current.includes(p)) await assets.delete(request);
  }
  return current;
}

// A page open when this worker took over: its shell and files, kept now (they were loaded
// before any worker was there; the browser's own cache usually has them).
async function keepOpenPage(url) {
  const path = new URL(url).pathname;
  if (isApi(path)) return;
  const response = await fetch(path, { credentials: "same-origin" });
  if (!isHtml(response)) return;
  const files = (await keepShell(path, response)) ?? [];
  const assets = await caches.open(ASSETS);
  await Promise.all(files.map(async (f) => (await assets.match(f)) || assets.add(f)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(PAGES).then((c) => c.addAll(STATIC)).catch(() => {}));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = [PAGES, ASSETS];
      for (const name of await caches.keys()) {
        if (name.startsWith("kitty-") && !keep.includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
      const windows = await self.clients.matchAll({ type: "window" });
      await Promise.all(windows.map((w) => keepOpenPage(w.url).catch(() => {})));
    })(),
  );
});

// The app's "Reload to update" (src/pwa.rs).
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isApi(url.pathname)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(event, url.pathname));
  } else if (isHashed(url.pathname)) {
    event.respondWith(asset(event));
  } else {
    event.respondWith(file(event));
  }
});

async function page(event, path) {
  const network = fetch(event.request);
  // Kept while the worker is still handling the event (not later, when it may have finished).
  event.waitUntil(network.then((r) => isHtml(r) && keepShell(path, r.clone())).catch(() => {}));
  const pages = await caches.open(PAGES);
  const kept = pages.match(shellKey(path));
  const patience = new Promise((ok) => setTimeout(ok, PATIENCE_MS)).then(async () => (await kept) ?? network);
  try {
    return await Promise.race([network, patience]);
  } catch {
    return (await kept) ?? (await pages.match(shellKey("/"))) ?? offlinePage();
  }
}

async function asset(event) {
  const assets = await caches.open(ASSETS);
  const kept = await assets.match(event.request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(assets.put(event.request, response.clone()).catch(() => {}));
  return response;
}

async function file(event) {
  const pages = await caches.open(PAGES);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(pages.put(event.request, response.clone()).catch(() => {}));
    return response;
  } catch (error) {
    const kept = await pages.match(event.request, { ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

// Offline, for a page none of whose bundles was ever loaded here.
function offlinePage() {
  const html =
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
    "<title>Offline · Kitty</title><h1>You're offline</h1><p>Kitty needs a connection to open this page the first time. " +
    "Connect and reload.</p></html>";
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'" },
  });
}
