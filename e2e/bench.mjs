// Benchmarks, reported and never asserted: bundle sizes, page load under a throttled network and
// CPU, server throughput (with wrk, when installed), payment event streams, and the kitty page's
// live stream under load (sse-load.mjs). Needs a release dist/ and a server binary
// (KITTY_SERVER_BIN, default target/server/kitty-server).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import http from "node:http";
import { ROOT, launchBrowser, startServer } from "./browser.mjs";
import { kittyStreamBench } from "./sse-load.mjs";

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

/** A new payment of the demo shop: its authority, link, amount to transfer and receiving card. */
async function demoPayment(url, amount = 1250000) {
  const call = async (path, token, body) => (await fetch(`${url}${path}`, {
    method: body ? "POST" : "GET",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body && JSON.stringify(body),
  })).json();
  const { access_token } = await call("/kpay/auth/login", null, { username: "09120000000", password: "demo1234" });
  const shop = (await call("/kpay/shops", access_token)).shops[0];
  const card = (await call("/kpay/cards", access_token)).cards[0];
  const t = await call("/kpay/transactions/create", access_token, { shop_id: shop.id, card_id: card.id, amount, callback_url: "https://shop.example/paid" });
  const info = await call(`/kpay/transactions/payment/${t.authority}`);
  return { url: t.payment_url, authority: t.authority, amount: info.final_amount, card: info.card_number };
}

/** A demo crypto payment of 25 USD in BTC: its buyer's page path. */
async function demoCryptoPayment(url) {
  const { access_token } = await (await fetch(`${url}/kpay/auth/login`, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "09120000000", password: "demo1234" }),
  })).json();
  const p = await (await fetch(`${url}/kpay/gateway/payments`, {
    method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${access_token}` },
    body: JSON.stringify({ order_id: `bench-${Date.now()}`, currency: "btc", amount_usd: "25" }),
  })).json();
  return new URL(p.payment_url).pathname;
}

/** One wrk run; the figures it prints, read back. */
function wrk(target, connections, extra = []) {
  const r = spawnSync("wrk", ["-t2", `-c${connections}`, "-d10s", "--latency", ...extra, target], { encoding: "utf8", env: process.env });
  return {
    rps: Number(r.stdout.match(/Requests\/sec:\s+([\d.]+)/)?.[1]),
    total: r.stdout.match(/(\d+) requests in/)?.[1],
    p50: r.stdout.match(/\s50%\s+(\S+)/)?.[1],
    p99: r.stdout.match(/\s99%\s+(\S+)/)?.[1],
    non2xx: r.stdout.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? "0",
    errors: r.stdout.match(/Socket errors: (.*)/)?.[1] ?? "none",
  };
}

/** Starts the bare axum handler (server/examples/bare.rs); returns its URL and a stop. */
async function startBare() {
  const child = spawn(join(ROOT, "target/server/examples/bare"), [], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((ok) => {
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      const m = out.match(/running at (http:\/\/\S+)/);
      if (m) ok(m[1]);
    });
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

/** The payment status endpoint against the bare handler, at 64 and 256 connections, in turns. */
async function statusAgainstBare(url, authority) {
  const bare = await startBare();
  console.log("\n## Payment status against a bare axum handler (wrk, 2 threads, 10 s each, same run)\n");
  console.log("| connections | bare handler req/s (p99) | GET /kpay/transactions/check/{authority} req/s (p99) | ratio | answers |\n|---|---|---|---|---|");
  try {
    for (const c of [64, 256]) {
      const b = wrk(`${bare.url}/`, c);
      const s = wrk(`${url}/kpay/transactions/check/${authority}`, c);
      console.log(`| ${c} | ${b.rps} (${b.p99}) | ${s.rps} (${s.p99}) | ${(s.rps / b.rps).toFixed(3)} | ${s.total} requests, ${s.non2xx} not 2xx, socket errors: ${s.errors} |`);
    }
  } finally {
    bare.stop();
  }
}

/** Resident memory of a process, in MiB (Linux). */
function rssMiB(pid) {
  const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return m ? (Number(m[1]) / 1024).toFixed(0) : "?";
}

/**
 * `n` buyers follow one payment's event stream on one server process; the transfer arrives, and
 * each stream's "paid" is timed from the moment the bank notification was sent.
 */
async function sseFanout(server, n = 5000) {
  const { authority, amount, card } = await demoPayment(server.url, 1350000);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const before = rssMiB(server.pid);
  const opened = Date.now();
  let sent = 0;
  const paidAt = [];
  const requests = [];
  await Promise.all(Array.from({ length: n }, () => new Promise((ready, fail) => {
    const req = http.get(`${server.url}/kpay/transactions/${authority}/events`, { agent }, (res) => {
      if (res.statusCode !== 200) return fail(new Error(`stream answered ${res.statusCode}`));
      let buf = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        buf += chunk;
        if (buf.includes("data: pending")) ready();
        if (sent && buf.includes("data: paid") && !res.done) {
          res.done = true;
          paidAt.push(Date.now() - sent);
        }
      });
      res.on("error", () => {});
    });
    req.on("error", fail);
    requests.push(req);
  })));
  const openMs = Date.now() - opened;
  const during = rssMiB(server.pid);
  sent = Date.now();
  const settled = await fetch(`${server.url}/sandbox/card-transfers`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ card_number: card.replace(/\D/g, ""), amount }),
  });
  const outcome = (await settled.json()).outcome;
  const deadline = Date.now() + 60_000;
  while (paidAt.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const r of requests) r.destroy();
  agent.destroy();
  paidAt.sort((a, b) => a - b);
  const at = (q) => paidAt[Math.min(paidAt.length - 1, Math.floor(q * paidAt.length))];
  console.log(`\n## ${n} concurrent event streams on one server process\n`);
  console.log(`- all ${n} open and sent their first event in ${openMs} ms; server memory ${before} MiB before, ${during} MiB with them open`);
  console.log(`- the transfer's outcome: ${outcome}; "paid" reached ${paidAt.length} of ${n} streams`);
  console.log(`- delivery latency from the bank notification: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, last ${paidAt.at(-1)} ms`);
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
  // Concurrent writes: to one kitty every write queues for that kitty (SQLite: for the database);
  // to 16 kitties, PostgreSQL's writers of different kitties go side by side.
  const kitties = [];
  for (let i = 0; i < 16; i++) {
    const kitty = await (await fetch(`${url}/ktti/api/v3/ktties`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${access_token}` },
      body: JSON.stringify({ name: `Bench ${i + 1}` }),
    })).json();
    // Funded first, so no card payment can arrive before any money: every answer should be 200.
    await fetch(`${url}/sandbox/kitty-deposits`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ account_number: kitty.account.account_number, amount: 100000, sender_name: "Bench" }),
    });
    kitties.push(kitty);
  }
  process.env.KITTY_ACCOUNTS = kitties[0].account.account_number;
  process.env.KITTY_CARDS = kitties[0].card.id;
  cases.push(["POST deposits and card payments to one kitty (write transactions)", "/", ["-s", join(ROOT, "e2e/bench-writes.lua")]]);
  cases.push(["POST deposits and card payments to 16 kitties", "/", ["-s", join(ROOT, "e2e/bench-writes.lua")], kitties]);
  let first;
  for (const [name, path, extra, spread] of cases) {
    if (spread) {
      process.env.KITTY_ACCOUNTS = spread.map((k) => k.account.account_number).join(",");
      process.env.KITTY_CARDS = spread.map((k) => k.card.id).join(",");
    }
    const r = wrk(`${url}${path}`, 32, extra);
    first ??= r.rps;
    console.log(`| ${name} | ${r.rps} (${(r.rps / first).toFixed(3)} of the first) | ${r.p50} | ${r.p99} | ${r.total} requests, ${r.non2xx} not 2xx |`);
  }
}

if (!process.env.KITTY_BENCH_SERVER_ONLY) {
  sizes(dist, "App bundle");
  sizes(join(dist, "checkout"), "Checkout page bundle");
  sizes(join(dist, "coinpay"), "Crypto and order pages bundle");
  for (const area of ["kitties", "merchant", "ramp"]) sizes(join(dist, "areas", area), `${area} area bundle`);
}
// KITTY_BENCH_DATABASE_URL runs the same measurements on another database (PostgreSQL).
const dbEnv = process.env.KITTY_BENCH_DATABASE_URL ? { DATABASE_URL: process.env.KITTY_BENCH_DATABASE_URL } : {};
const server = await startServer({ demo: true, env: dbEnv });
try {
  // KITTY_BENCH_SERVER_ONLY=1 skips the page loads (for measuring the server alone).
  const pages = !process.env.KITTY_BENCH_SERVER_ONLY;
  if (pages) await throttledLoad(server.url);
  const payment = await demoPayment(server.url);
  if (pages) await throttledLoad(server.url, new URL(payment.url).pathname, (page) => page.locator(".checkout__cardno"), "Checkout page (/pay/...)");
  if (pages) {
    const crypto = await demoCryptoPayment(server.url);
    await throttledLoad(server.url, crypto, (page) => page.getByText(/^bc1/).first(), "Crypto payment page (/pay/crypto/..., address shown)");
  }
  await throughput(server.url);
  // KITTY_BENCH_THROUGHPUT_ONLY=1 stops after the wrk table (for comparing write paths).
  if (!process.env.KITTY_BENCH_THROUGHPUT_ONLY) {
    await statusAgainstBare(server.url, payment.authority);
    await sseFanout(server);
  }
} finally {
  await server.stop();
}
// The kitty page's live stream: 1,000 and 5,000 streams of one kitty, 20 chat messages, each run on
// a server of its own (on the same database as above).
if (!process.env.KITTY_BENCH_THROUGHPUT_ONLY) await kittyStreamBench({ env: dbEnv });
