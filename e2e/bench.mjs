// Benchmarks, reported and never asserted: bundle sizes, page load under a throttled network and
// CPU, and server throughput (with wrk, when installed). Needs a release dist/ and a server
// binary (KITTY_SERVER_BIN, default target/server/kitty-server).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, launchBrowser, startServer } from "./browser.mjs";

process.env.KITTY_SERVER_BIN ??= join(ROOT, "target/server/kitty-server");
const dist = join(ROOT, "dist");

function sizes(dir, title) {
  const rows = [];
  const kinds = { wasm: /\.wasm$/, js: /\.js$/, css: /\.css$/, html: /\.html$/ };
  for (const [kind, re] of Object.entries(kinds)) {
    let raw = 0, br = 0;
    for (const f of readdirSync(dir).filter((n) => re.test(n))) {
      raw += statSync(join(dir, f)).size;
      br += statSync(join(dir, f + ".br")).size;
    }
    rows.push({ kind, raw, br });
  }
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br }), { raw: 0, br: 0 });
  console.log(`\n## ${title} (bytes)\n\n| file kind | raw | brotli -11 |\n|---|---|---|`);
  for (const r of rows) console.log(`| ${r.kind} | ${r.raw} | ${r.br} |`);
  console.log(`| total | ${total.raw} | ${total.br} |`);
}

// Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower.
async function throttledLoad(url, path = "/login", ready = (page) => page.getByLabel("Password"), title = "Sign-in page") {
  const browser = await launchBrowser();
  const times = [];
  try {
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const start = Date.now();
      await page.goto(`${url}${path}`, { waitUntil: "commit" });
      await ready(page).waitFor({ timeout: 60_000 });
      times.push(Date.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  console.log(`\n## ${title} load, cold cache, throttled (150 ms RTT, 1.6 Mbit/s, CPU x4)\n`);
  console.log(`until usable: median ${times[2]} ms (runs: ${times.join(", ")} ms)`);
}

/** A payment link of the demo shop, for the checkout page's load. */
async function demoPayment(url) {
  const call = async (path, token, body) => (await fetch(`${url}${path}`, {
    method: body ? "POST" : "GET",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body && JSON.stringify(body),
  })).json();
  const { access_token } = await call("/kpay/auth/login", null, { username: "09120000000", password: "demo1234" });
  const shop = (await call("/kpay/shops", access_token)).shops[0];
  const card = (await call("/kpay/cards", access_token)).cards[0];
  const t = await call("/kpay/transactions/create", access_token, { shop_id: shop.id, card_id: card.id, amount: 1250000, callback_url: "https://shop.example/paid" });
  return t.payment_url;
}

async function throughput(url) {
  if (spawnSync("wrk", ["--version"]).error) {
    console.log("\n## Server throughput\n\nskipped: wrk is not installed (apt-get install wrk)");
    return;
  }
  const reg = await fetch(`${url}/kpay/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Bench", mobile: "09129990000", password: "bench-pass" }),
  });
  const { access_token } = await reg.json();
  console.log("\n## Server throughput (wrk, 2 threads, 32 connections, 10 s, loopback)\n");
  console.log("| request | requests/s | p50 | p99 | answers |\n|---|---|---|---|---|");
  const cases = [
    ["GET /api/config", "/api/config", []],
    ["GET /kpay/auth/me (bearer, one SELECT per request)", "/kpay/auth/me", ["-H", `Authorization: Bearer ${access_token}`]],
    ["GET /ktti/api/v2/notifications/inbox (bearer)", "/ktti/api/v2/notifications/inbox", ["-H", `Authorization: Bearer ${access_token}`]],
  ];
  // Concurrent writes on one kitty: every write takes SQLite's lock at its start, so they queue.
  const kitty = await (await fetch(`${url}/ktti/api/v3/ktties`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${access_token}` },
    body: JSON.stringify({ name: "Bench" }),
  })).json();
  // Funded first, so no card payment can arrive before any money: every answer should be 200.
  await fetch(`${url}/sandbox/kitty-deposits`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ account_number: kitty.account.account_number, amount: 100000, sender_name: "Bench" }),
  });
  process.env.KITTY_ACCOUNT = kitty.account.account_number;
  process.env.KITTY_CARD = kitty.card.id;
  cases.push(["POST deposits and card payments to one kitty (write transactions)", "/", ["-s", join(ROOT, "e2e/bench-writes.lua")]]);
  let bare;
  for (const [name, path, extra] of cases) {
    const r = spawnSync("wrk", ["-t2", "-c32", "-d10s", "--latency", ...extra, `${url}${path}`], { encoding: "utf8", env: process.env });
    const rps = Number(r.stdout.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
    const total = r.stdout.match(/(\d+) requests in/)?.[1];
    const p50 = r.stdout.match(/\s50%\s+(\S+)/)?.[1];
    const p99 = r.stdout.match(/\s99%\s+(\S+)/)?.[1];
    const non2xx = r.stdout.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? "0";
    bare ??= rps;
    console.log(`| ${name} | ${rps} (${(rps / bare).toFixed(3)} of the first) | ${p50} | ${p99} | ${total} requests, ${non2xx} not 2xx |`);
  }
}

sizes(dist, "App bundle");
sizes(join(dist, "checkout"), "Checkout page bundle");
// KITTY_BENCH_DATABASE_URL runs the same measurements on another database (PostgreSQL).
const dbEnv = process.env.KITTY_BENCH_DATABASE_URL ? { DATABASE_URL: process.env.KITTY_BENCH_DATABASE_URL } : {};
const server = await startServer({ demo: true, env: dbEnv });
try {
  await throttledLoad(server.url);
  const payment = await demoPayment(server.url);
  await throttledLoad(server.url, new URL(payment).pathname, (page) => page.locator(".checkout__cardno"), "Checkout page (/pay/...)");
  await throughput(server.url);
} finally {
  await server.stop();
}
