// Every route of the app, in English, Swahili and Persian, checked with axe-core on a phone and a
// desktop, light and dark: 0 violations. Each page must also be in its language (`<html lang>`,
// `dir`, a title of its own words) and no wider than a phone's screen.
//
// One signed-in browser walks the routes: each route loads once per language, then axe runs four
// times (phone light, phone dark, desktop dark, desktop light) without reloading.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { checkAxe, launchBrowser, startServer, watchProblems } from "./browser.mjs";

let server;
let browser;

before(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const LANGS = ["en", "sw", "fa"];
// Titles that are a name in that language too: Fiat Connect is a protocol's name, and Kenyans
// call Kotani's on- and off-ramp "Ramp".
const SAME_TITLE = { "/ramp": ["sw"], "/ramp/developers/fiatconnect": ["sw", "fa"] };

/** A request from the page, as the app makes it (session cookie, CSRF header). */
async function api(page, method, path, body) {
  return page.evaluate(
    async ([method, path, body]) => {
      const csrf = document.cookie.match(/(?:^|; )kitty_csrf=([^;]+)/)?.[1] ?? "";
      const r = await fetch(path, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(csrf) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    [method, path, body],
  );
}

/** Waits until the page has its heading and nothing on it is still loading. */
async function settled(page) {
  await page.locator("h1").first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector(".skeleton, [aria-busy='true'], #boot"),
    null,
    { timeout: 15_000 },
  );
}

async function axeEverywhere(page, label) {
  await page.setViewportSize(PHONE);
  await page.emulateMedia({ colorScheme: "light" });
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    `${label} is wider than a phone's screen`,
  );
  await checkAxe(page, `${label}, phone, light`);
  await page.emulateMedia({ colorScheme: "dark" });
  await checkAxe(page, `${label}, phone, dark`);
  await page.setViewportSize(DESKTOP);
  await checkAxe(page, `${label}, desktop, dark`);
  await page.emulateMedia({ colorScheme: "light" });
  await checkAxe(page, `${label}, desktop, light`);
}

async function setLanguage(page, lang) {
  await page.evaluate((l) => localStorage.setItem("kitty-lang", l), lang);
}

/** Loads `path` in `lang` and checks it is in that language; the page's title for the record. */
async function visit(page, path, lang) {
  await setLanguage(page, lang);
  await page.goto(`${server.url}${path}`);
  await settled(page);
  const [htmlLang, dir, title] = await page.evaluate(() => [
    document.documentElement.lang,
    document.documentElement.dir,
    document.title,
  ]);
  assert.equal(htmlLang, lang, `${path}: <html lang>`);
  assert.equal(dir, lang === "fa" ? "rtl" : "ltr", `${path}: <html dir>`);
  return title;
}

/**
 * Checks every path in every language; a Swahili or Persian title must differ from the English.
 * Every failure is collected, so one run lists them all.
 */
async function sweep(page, paths, failures) {
  for (const path of paths) {
    const titles = {};
    for (const lang of LANGS) {
      try {
        titles[lang] = await visit(page, path, lang);
        await axeEverywhere(page, `${path} in ${lang}`);
      } catch (e) {
        failures.push(`${path} in ${lang}: ${e.message}`);
      }
    }
    if (titles.en !== undefined) {
      for (const lang of ["sw", "fa"]) {
        if (titles[lang] === titles.en && !SAME_TITLE[path]?.includes(lang)) failures.push(`${path}: the ${lang} title is the English one ("${titles.en}")`);
      }
    }
  }
}

test("every route in English, Swahili and Persian: axe finds nothing, phone and desktop, light and dark", async () => {
  const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const failures = [];
  const failed = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.request().method()} ${r.url()}`));

  // Signed out.
  await page.goto(`${server.url}/login`);
  await settled(page);
  await sweep(page, ["/login", "/register", "/forgot-password", "/outbox", "/no/such/page"], failures);

  // Signed in as the demo person, with a few things made the way the app makes them.
  await setLanguage(page, "en");
  await page.goto(`${server.url}/login`);
  await page.getByRole("button", { name: "Fill in the demo account" }).click();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: /^Hi,/ }).waitFor();

  const kitties = await api(page, "GET", "/ktti/api/v3/ktties");
  const kitty = kitties.ktties.find((k) => !k.is_personal).id;
  const txs = await api(page, "GET", `/ktti/api/v3/ktties/${kitty}/transactions?page=1&per_page=20`);
  const tx = (txs.transactions ?? txs.data ?? txs.items)[0].id;
  const shop = (await api(page, "GET", "/kpay/shops")).shops[0];
  const card = (await api(page, "GET", "/kpay/cards")).cards[0];
  const link = await api(page, "POST", "/kpay/transactions/create", {
    shop_id: shop.id,
    card_id: card.id,
    amount: 1250000,
    factor_number: "AXE-1",
    callback_url: "https://shop.example/paid",
    description: "Two books",
  });
  const crypto = await api(page, "POST", "/kpay/gateway/payments", {
    order_id: "AXE-1",
    currency: "eth",
    amount_usd: "25",
    shop_id: shop.id,
  });
  await api(page, "PUT", "/kotani/api/v2/partner", {
    phoneNumber: "254711000401",
    countryCode: "KEN",
    password: "partner-pass",
  });
  const deposit = await api(page, "POST", "/kotani/api/v2/deposit/mobile-money", {
    amount: 1500,
    phoneNumber: "254722000401",
  });

  await sweep(
    page,
    [
      "/",
      "/inbox",
      "/account",
      "/kitties",
      "/kitties/all",
      `/kitties/${kitty}`,
      `/kitties/${kitty}/chat`,
      `/kitties/${kitty}/members`,
      `/kitties/${kitty}/split`,
      `/kitties/${kitty}/card`,
      `/kitties/${kitty}/settings`,
      `/kitties/${kitty}/moments`,
      `/kitties/${kitty}/transactions/${tx}`,
      "/merchant",
      "/merchant/shops",
      `/merchant/shops/${shop.id}`,
      "/merchant/cards",
      "/merchant/links/new",
      "/merchant/transactions",
      `/merchant/transactions/${link.id}`,
      "/merchant/crypto",
      `/merchant/crypto/${crypto.id}`,
      "/merchant/orders",
      "/ramp",
      "/ramp/deposit",
      "/ramp/send",
      "/ramp/send?to=bank",
      "/ramp/quotes",
      "/ramp/history",
      `/ramp/transactions/${encodeURIComponent(deposit.result.requestId)}`,
      "/ramp/handset/254722000401",
      "/ramp/wallets",
      "/ramp/verify",
      "/ramp/ubi",
      "/ramp/developers",
      "/ramp/developers/fiatconnect",
    ],
    failures,
  );
  assert.deepEqual(failures, [], failures.join("\n\n"));
  assert.deepEqual(
    problems.filter((p) => !p.includes("status of 404") && !p.includes("401")),
    [],
    failed.join("\n"),
  );
  await context.close();
});
