// Load on the kitty page's live stream (reported, never asserted): N members' pages follow one
// kitty's event stream (`GET /ktti/api/v3/ktties/{id}/events`) on one server process, then M chat
// messages are sent one at a time, and each stream's `changed` event is timed from the moment its
// message's POST was sent. Run on its own with `node e2e/sse-load.mjs` (KITTY_SERVER_BIN, default
// target/server/kitty-server; KITTY_SSE_STREAMS, default "1000,5000"; KITTY_SSE_MESSAGES,
// default 20), or from bench.mjs. Each run starts its own server on a fresh temporary database
// (or on KITTY_BENCH_DATABASE_URL's, as bench.mjs does for PostgreSQL).
import http from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { ROOT, startServer } from "./browser.mjs";

process.env.KITTY_SERVER_BIN ??= join(ROOT, "target/server/kitty-server");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process, in MiB (Linux). */
function rssMiB(pid) {
  const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return m ? Number(m[1]) / 1024 : NaN;
}

const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/** CPU time (user + system) a process has used so far, in ms (Linux). */
function cpuMs(pid) {
  // The fields after the command name (which is in parentheses and may hold spaces).
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS;
}

/** The kernel's count of connections dropped from a full listen queue (all of the machine's). */
function listenDrops() {
  try {
    const [names, values] = readFileSync("/proc/net/netstat", "utf8").split("\n").filter((l) => l.startsWith("TcpExt:"));
    return Number(values.split(" ")[names.split(" ").indexOf("ListenDrops")]);
  } catch {
    return NaN;
  }
}

/** A JSON call to the server; throws unless the answer is `expect`. */
async function call(url, method, path, token, body, expect) {
  const r = await fetch(`${url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body && JSON.stringify(body),
  });
  const text = await r.text();
  if (expect && r.status !== expect) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A fresh user with a unique Iranian mobile number: its bearer token. */
async function register(url, name) {
  const mobile = `0912${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const body = { name, mobile, email: `${mobile}@kitty.test`, password: "bench-pass" };
  return (await call(url, "POST", "/kpay/auth/register", null, body, 201)).access_token;
}

/** Nearest-rank percentile of sorted numbers. */
const pct = (sorted, q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];

/**
 * One run: a server of its own, A's kitty joined by B, `n` streams (A's and B's tokens in turns,
 * one TCP connection each), then `m` chat messages from A, `pauseMs` apart. A stream that has not
 * heard a message within `timeoutMs` counts as a miss for it. Returns the figures.
 */
export async function kittyStreamLoad({ n, m = 20, pauseMs = 100, timeoutMs = 15_000, env = {} }) {
  const server = await startServer({ env });
  const streams = [];
  try {
    const url = server.url;
    const a = await register(url, "Ava Load");
    const b = await register(url, "Ben Load");
    const kitty = await call(url, "POST", "/ktti/api/v3/ktties", a, { name: "Stream load", goal_amount: 100000 }, 201);
    await call(url, "POST", "/ktti/api/v3/ktties/join", b, { referral_code: kitty.referral_code });
    const eventsPath = `/ktti/api/v3/ktties/${kitty.id}/events`;

    // The message being waited for: its number, when its POST was sent, and who still waits.
    let current = -1, sentAt = 0, waiting = 0, allHeard = null;
    const latencies = [];
    let late = 0, unexpected = 0, closedEarly = 0;
    const heard = (s, at) => {
      if (s.missed.has(s.events)) late++;
      else if (s.waitingFor === current && current >= 0) {
        s.waitingFor = -1;
        latencies.push(at - sentAt);
        if (--waiting === 0) allHeard?.();
      } else unexpected++;
    };

    const rssBefore = rssMiB(server.pid);
    const drops0 = listenDrops();
    const opening = performance.now();
    const answers = await Promise.all(Array.from({ length: n }, (_, i) => new Promise((settle) => {
      const s = { waitingFor: -1, events: 0, missed: new Set(), open: false };
      const req = http.request(`${url}${eventsPath}`, {
        agent: false,
        headers: { authorization: `Bearer ${i % 2 ? b : a}`, accept: "text/event-stream" },
      }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return settle(res.statusCode);
        }
        s.open = true;
        settle(200);
        let buf = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          const at = performance.now();
          buf += chunk;
          let end;
          while ((end = buf.indexOf("\n\n")) >= 0) {
            const block = buf.slice(0, end);
            buf = buf.slice(end + 2);
            // Keep-alive comments (":") are not events.
            if (/^event: ?changed$/m.test(block)) {
              heard(s, at);
              s.events++;
            }
          }
        });
        res.on("error", () => {});
        res.on("close", () => {
          if (s.open && !s.stopping) closedEarly++;
          s.open = false;
        });
      });
      req.on("error", (e) => settle(e.code ?? e.message));
      req.end();
      s.req = req;
      streams.push(s);
    })));
    const openMs = performance.now() - opening;
    const drops = listenDrops() - drops0;
    const held = answers.filter((x) => x === 200).length;
    const refused = {};
    for (const x of answers) if (x !== 200) refused[x] = (refused[x] ?? 0) + 1;
    await sleep(500); // Let the server settle before reading its memory.
    const rssOpen = rssMiB(server.pid);

    const posts = [];
    let missed = 0, expected = 0;
    const serverCpu0 = cpuMs(server.pid), clientCpu0 = process.cpuUsage();
    const phase0 = performance.now();
    for (let k = 0; k < m; k++) {
      const open = streams.filter((s) => s.open);
      for (const s of open) s.waitingFor = k;
      waiting = open.length;
      expected += open.length;
      const done = new Promise((r) => (allHeard = r));
      current = k;
      sentAt = performance.now();
      await call(url, "POST", `/ktti/api/v3/ktties/${kitty.id}/chat`, a, { text: `Load message ${k + 1}` }, 201);
      posts.push(performance.now() - sentAt);
      let timer;
      await Promise.race([done, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
      clearTimeout(timer);
      for (const s of streams) {
        if (s.waitingFor === k) {
          s.waitingFor = -1;
          s.missed.add(s.events); // Its next event, if it ever comes, is this message's, late.
          missed++;
        }
      }
      current = -1;
      await sleep(pauseMs);
    }
    const phaseMs = performance.now() - phase0;
    const serverCpu = cpuMs(server.pid) - serverCpu0;
    const c = process.cpuUsage(clientCpu0);
    const clientCpu = (c.user + c.system) / 1000;
    const rssAfter = rssMiB(server.pid);
    const stillOpen = streams.filter((s) => s.open).length;

    latencies.sort((x, y) => x - y);
    posts.sort((x, y) => x - y);
    return {
      n, m, held, refused, openMs, drops, rssBefore, rssOpen, rssAfter, stillOpen, closedEarly,
      expected, delivered: latencies.length, missed, late, unexpected,
      first: latencies[0], p50: pct(latencies, 0.5), p95: pct(latencies, 0.95), p99: pct(latencies, 0.99), max: latencies.at(-1),
      postP50: pct(posts, 0.5), postMax: posts.at(-1),
      phaseMs, serverCpu, clientCpu, pauseMs,
    };
  } finally {
    for (const s of streams) {
      s.stopping = true;
      s.req.destroy();
    }
    await server.stop();
  }
}

const ms = (x) => (x === undefined ? "–" : `${x.toFixed(1)} ms`);
const mib = (x) => x.toFixed(0);

/** Runs `ns` stream counts with `m` messages each and prints a markdown table and notes. */
export async function kittyStreamBench({
  ns = (process.env.KITTY_SSE_STREAMS ?? "1000,5000").split(",").map(Number),
  m = Number(process.env.KITTY_SSE_MESSAGES ?? 20),
  env = process.env.KITTY_BENCH_DATABASE_URL ? { DATABASE_URL: process.env.KITTY_BENCH_DATABASE_URL } : {},
} = {}) {
  const results = [];
  for (const n of ns) results.push(await kittyStreamLoad({ n, m, env }));
  console.log(`\n## Kitty live stream under load: chat messages to N open streams of one kitty (one server process)\n`);
  console.log("| streams held | messages | deliveries | missed | first | p50 | p95 | p99 | max | chat POST p50 (max) | server memory before → open → after |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const refused = Object.entries(r.refused).map(([k, v]) => `${v} × ${k}`).join(", ");
    console.log(
      `| ${r.held} of ${r.n}${refused ? ` (${refused})` : ""} | ${r.m} | ${r.delivered} of ${r.expected} | ${r.missed} |` +
        ` ${ms(r.first)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.postP50)} (${ms(r.postMax)}) |` +
        ` ${mib(r.rssBefore)} → ${mib(r.rssOpen)} → ${mib(r.rssAfter)} MiB (${(((r.rssOpen - r.rssBefore) * 1024) / Math.max(1, r.held)).toFixed(1)} KiB a stream) |`,
    );
  }
  console.log();
  for (const r of results) {
    console.log(
      `- ${r.n} streams: all answered in ${r.openMs.toFixed(0)} ms, opened at once (${r.drops} connection attempts` +
        ` dropped from the full listen queue and retried by the kernel after about 1 s); ${r.stillOpen} still open after the messages` +
        ` (${r.closedEarly} closed early); ${r.late} late and ${r.unexpected} unexpected events; during the ${r.m} messages` +
        ` (${(r.phaseMs / 1000).toFixed(1)} s, ${r.pauseMs} ms pause after each) the server used ${(r.serverCpu / 1000).toFixed(2)} s of CPU` +
        ` and this client ${(r.clientCpu / 1000).toFixed(2)} s.`,
    );
  }
  console.log(
    "\nLatency runs from sending a message's POST until a stream's `changed` event is read by this client." +
      " The client (one Node process parsing every stream) shares the machine's 2 cores with the server, so its own" +
      " CPU time is part of the figures: the later percentiles include the client's queue of streams to read, and every" +
      " stream's server side re-checks membership in the database (through a pool of 8 connections) before it sends.",
  );
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await kittyStreamBench();
}
