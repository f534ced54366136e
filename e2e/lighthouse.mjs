// Lighthouse (mobile profile, the default) on the sign-in page, the registration page and the
// buyer pages, against a fresh demo server: reported, never asserted. Lighthouse comes from npm
// into target/lighthouse (scripts/bench installs it) and drives Debian's Chromium
// (CHROME_PATH, default /usr/bin/chromium). Needs a release dist/ and a server binary.
// Usage: node e2e/lighthouse.mjs
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, startServer } from "./browser.mjs";

const modules = join(ROOT, "target/lighthouse/node_modules");
const require = createRequire(join(modules, "noop.js"));
const lighthouse = (await import(pathToFileURL(require.resolve("lighthouse")))).default;
const chromeLauncher = await import(pathToFileURL(require.resolve("chrome-launcher")));

const server = await startServer({ demo: true });
const api = async (path, body, token) => {
  const r = await fetch(`${server.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return r.json();
};
const { access_token: token } = await api("/kpay/auth/login", { username: "09120000000", password: "demo1234" });
const shop = (await api("/kpay/shops", undefined, token)).shops[0];
const card = (await api("/kpay/cards", undefined, token)).cards[0];
const link = await api(
  "/kpay/transactions/create",
  { shop_id: shop.id, card_id: card.id, amount: 1250000, factor_number: "LH-1", callback_url: "https://shop.example/paid" },
  token,
);

const crypto = await api(
  "/kpay/gateway/payments",
  { order_id: "LH-1", currency: "eth", amount_usd: "25", shop_id: shop.id },
  token,
);
const order = await api(
  "/kotani/api/v2/binance/orders",
  {
    amount: 12,
    goodsName: "Green tea",
    goodsDetail: "250 g tin",
    currency: "USDT",
    returnUrl: "https://shop.example/paid",
    cancelUrl: "https://shop.example/cancelled",
  },
  token,
);
if (!crypto.payment_url || !order.result?.checkoutUrl) {
  throw new Error(`could not make the buyer pages: ${JSON.stringify({ crypto, order })}`);
}

const pages = [
  ["/login", "Sign-in page"],
  ["/register", "Registration page"],
  [new URL(link.payment_url).pathname, "Card checkout page"],
  [new URL(crypto.payment_url).pathname, "Crypto payment page"],
  [new URL(order.result.checkoutUrl).pathname, "Binance-style order page"],
];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
console.log("\n## Lighthouse, mobile profile (simulated 150 ms RTT, 1.6 Mbit/s, CPU x4)\n");
console.log("| page | performance | accessibility | best practices | LCP | TBT | CLS |\n|---|---|---|---|---|---|---|");
try {
  for (const [path, title] of pages) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
    });
    const { categories: c, audits: a } = result.lhr;
    const score = (k) => Math.round(c[k].score * 100);
    console.log(
      `| ${title} (\`${path.replace(/^\/pay\/(crypto\/|order\/)?[^/]+$/, "/pay/$1{id}")}\`) | ${score("performance")} | ${score("accessibility")} | ${score("best-practices")} | ` +
        `${(a["largest-contentful-paint"].numericValue / 1000).toFixed(2)} s | ${Math.round(a["total-blocking-time"].numericValue)} ms | ${a["cumulative-layout-shift"].numericValue.toFixed(3)} |`,
    );
    const failing = Object.values(a).filter((x) => x.score !== null && x.score < 0.9 && x.scoreDisplayMode !== "informative" && x.scoreDisplayMode !== "manual");
    if (failing.length) console.log(`|   below 0.9: ${failing.map((x) => x.id).join(", ")} | | | | | | |`);
  }
} finally {
  await chrome.kill();
  await server.stop();
}
