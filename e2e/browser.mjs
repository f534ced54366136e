// Launching Debian's Chromium headless with the flags this machine needs (see TOOLCHAIN.md), and
// starting the real server on a random port with a fresh database.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { randomBytes } from "node:crypto";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Starts kitty-server on 127.0.0.1 with a random port and a database in a fresh temp folder. */
export async function startServer({ demo = false, env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "kitty-e2e-"));
  const bin = process.env.KITTY_SERVER_BIN ?? join(ROOT, "target/debug/kitty-server");
  const child = spawn(bin, [], {
    cwd: ROOT,
    env: {
      ...process.env,
      KITTY_ADDR: "127.0.0.1:0",
      DATABASE_URL: `sqlite://${join(dir, "kitty.db")}`,
      KITTY_DIST: process.env.KITTY_DIST ?? join(ROOT, "dist"),
      KITTY_DEMO: demo ? "1" : "0",
      RUST_LOG: process.env.RUST_LOG ?? "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((ok, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/running at (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.on("exit", (code) => fail(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.on("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The 6-digit code in the newest message the sandbox outbox holds for `to`. */
export async function outboxCode(url, to) {
  const r = await fetch(`${url}/sandbox/outbox?to=${encodeURIComponent(to)}`);
  const { messages } = await r.json();
  const code = messages[0]?.body.match(/code is (\d{6})/)?.[1];
  if (!code) throw new Error(`no code in the outbox for ${to}: ${JSON.stringify(messages)}`);
  return code;
}

/**
 * Registers through the app's two steps on the page already at `/register`: the name and a
 * mobile number (or an email), then the code read from the sandbox outbox and the password.
 */
export async function registerInApp(page, url, { name, mobile, email, password }) {
  await page.getByLabel("Full name").fill(name);
  if (mobile) {
    await page.getByRole("radio", { name: "Mobile number" }).check();
    await page.getByRole("textbox", { name: "Your mobile number" }).fill(mobile);
  } else {
    await page.getByRole("textbox", { name: "Your email address" }).fill(email);
  }
  await page.getByRole("button", { name: "Send me a code" }).click();
  const sent = await page.getByTestId("register-code-sent").textContent();
  const to = sent.match(/code to (\S+)\. It works/)[1];
  await page.getByLabel("6-digit code").fill(await outboxCode(url, to));
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Collects console errors and failed requests so a test can assert there were none. */
export function watchProblems(page) {
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");

/**
 * Runs axe-core on the page as it is now and fails with the violations listed (rule, impact, the
 * first few elements) unless there are none. The page's context must be created with
 * `bypassCSP: true`: the app's Content-Security-Policy rightly refuses the injected script.
 * `options` go to `axe.run` (e.g. `{ runOnly: ["wcag2a", "wcag2aa"] }`).
 */
export async function checkAxe(page, label, options = {}) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ path: AXE });
  }
  const violations = await page.evaluate(async (opts) => {
    const result = await window.axe.run(document, opts);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
    }));
  }, options);
  if (violations.length) {
    const text = violations
      .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    - ${n}`).join("\n")}`)
      .join("\n");
    throw new Error(`axe found ${violations.length} violation(s) on ${label}:\n${text}`);
  }
}

/** A valid 16-digit card number on an Iranian BIN (Luhn check digit computed). */
export function cardNumber(bin = "603799", middle = 123456789) {
  const prefix = `${bin}${String(middle).padStart(9, "0")}`;
  for (let d = 0; d < 10; d++) {
    const n = prefix + d;
    let sum = 0;
    [...n].reverse().forEach((c, i) => {
      let v = Number(c);
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    });
    if (sum % 10 === 0) return n;
  }
}

/** A PNG of `w × h` pixels of noise (so it barely compresses: about 3 bytes a pixel), for
 * uploads that take long enough to show their progress. */
export function noisePng(w, h) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = randomBytes((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) rows[y * (w * 3 + 1)] = 0; // each row's filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
