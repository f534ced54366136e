// Launching Debian's Chromium headless with the flags this machine needs (see TOOLCHAIN.md), and
// starting the real server on a random port with a fresh database.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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

/** Collects console errors and failed requests so a test can assert there were none. */
export function watchProblems(page) {
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
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
