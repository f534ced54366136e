// Benchmarks, reported and never asserted: bundle sizes, page load under a throttled network and
// CPU, and server throughput (with wrk, when installed). Needs a release dist/ and a server
// binary (KITTY_SERVER_BIN, default target/server/kitty-server).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, launchBrowser, startServer } from "./browser.mjs";

process.env.KITTY_SERVER_BIN ??= join(ROOT, "target/server/kitty-server");
const dist = join(ROOT, "dist");

function sizes() {
  const rows = [];
  const kinds = { wasm: /\.wasm$/, js: /\.js$/, css: /\.css$/, html: /\.html$/ };
  for (const [kind, re] of Object.entries(kinds)) {
    let raw = 0, br = 0;
    for (const f of readdirSync(dist).filter((n) => re.test(n))) {
      raw += statSync(join(dist, f)).size;
      br += statSync(join(dist, f + ".br")).size;
    }
    rows.push({ kind, raw, br });
  }
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br }), { raw: 0, br: 0 });
  console.log("\n## Bundle (bytes)\n\n| file kind | raw | brotli -11 |\n|---|---|---|");
  for (const r of rows) console.log(`| ${r.kind} | ${r.raw} | ${r.br} |`);
  console.log(`| total | ${total.raw} | ${total.br} |`);
}

// Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower.
async function throttledLoad(url) {
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
      await page.goto(`${url}/login`, { waitUntil: "commit" });
      await page.getByLabel("Password").waitFor({ timeout: 60_000 });
      times.push(Date.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  console.log("\n## Sign-in page load, cold cache, throttled (150 ms RTT, 1.6 Mbit/s, CPU x4)\n");
  console.log(`until the form is usable: median ${times[2]} ms (runs: ${times.join(", ")} ms)`);
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
  console.log("| request | requests/s | p50 | p99 |\n|---|---|---|---|");
  const cases = [
    ["GET /api/config", "/api/config", []],
    ["GET /kpay/auth/me (bearer, one SELECT per request)", "/kpay/auth/me", ["-H", `Authorization: Bearer ${access_token}`]],
    ["GET /ktti/api/v2/notifications/inbox (bearer)", "/ktti/api/v2/notifications/inbox", ["-H", `Authorization: Bearer ${access_token}`]],
  ];
  for (const [name, path, extra] of cases) {
    const r = spawnSync("wrk", ["-t2", "-c32", "-d10s", "--latency", ...extra, `${url}${path}`], { encoding: "utf8" });
    const rps = r.stdout.match(/Requests\/sec:\s+([\d.]+)/)?.[1];
    const p50 = r.stdout.match(/\s50%\s+(\S+)/)?.[1];
    const p99 = r.stdout.match(/\s99%\s+(\S+)/)?.[1];
    const non2xx = r.stdout.match(/Non-2xx or 3xx responses: (\d+)/)?.[1];
    console.log(`| ${name} | ${rps} | ${p50} | ${p99} |${non2xx ? ` (${non2xx} non-2xx!)` : ""}`);
  }
}

sizes();
const server = await startServer();
try {
  await throttledLoad(server.url);
  await throughput(server.url);
} finally {
  await server.stop();
}
