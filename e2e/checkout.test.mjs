// End to end: a merchant sets up and creates a payment link in the app; a buyer pays it on the
// public checkout page, through a lost connection; the merchant sees it paid. axe-core checks each
// page on the way. And a link that runs out of time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cardNumber, checkAxe, launchBrowser, startServer, watchProblems, registerInApp } from "./browser.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// bypassCSP: the accessibility checks inject axe-core, which the app's CSP rightly refuses.
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true };

test("a merchant creates a link, a buyer pays it, the merchant sees it paid", async () => {
  const merchant = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const m = await merchant.newPage();
  const problems = watchProblems(m);

  await m.goto(`${server.url}/register`);
  await registerInApp(m, server.url, { name: "Reza Merchant", mobile: "09127770001", password: "shop-pass" });
  await m.getByRole("heading", { name: "Hi, Reza" }).waitFor();

  // A shop: its API key is shown once.
  await m.getByRole("link", { name: "Merchant" }).first().click();
  await m.getByRole("heading", { name: "Get ready to take payments" }).waitFor();
  // Nothing paid yet: the chart says so and what to do, instead of an empty frame.
  await m.getByText("No payments yet").waitFor();
  await m.getByText("No payment links yet.").waitFor();
  await checkAxe(m, "the merchant overview, new merchant");
  await m.getByRole("navigation", { name: "Merchant" }).getByRole("link", { name: "Shops" }).click();
  await m.getByLabel("Shop name").fill("Reza Books");
  await m.getByRole("button", { name: "Create shop" }).click();
  await m.getByText("Copy this API key now.").waitFor();
  assert.match(await m.locator(".key-reveal__key").first().textContent(), /^kp_/);
  // And the webhook signing secret, once too.
  assert.match(await m.locator(".key-reveal__key").nth(1).textContent(), /^whsec_/);
  await checkAxe(m, "the shops page with a new shop's keys");
  // The shop's page: its curl sample scrolls sideways, so a keyboard can reach it.
  await m.locator(".row__main", { hasText: "Reza Books" }).click();
  const sample = m.getByRole("region", { name: "Sample request: create a payment with curl" });
  await sample.waitFor();
  assert.equal(await sample.getAttribute("tabindex"), "0");
  await checkAxe(m, "the shop page");

  // A card: validated as typed, the bank shown.
  await m.getByRole("navigation", { name: "Merchant" }).getByRole("link", { name: "Cards" }).click();
  const card = cardNumber("610433", 987654321);
  const typo = card.slice(0, 15) + ((Number(card[15]) + 1) % 10);
  await m.getByLabel("Card number").fill(typo);
  await m.getByText("This card number has a typo").waitFor();
  await m.getByLabel("Card number").fill(card);
  await m.getByText("Bank: Bank Mellat").waitFor();
  await m.getByLabel("Name on the card").fill("Reza Karimi");
  await m.getByRole("button", { name: "Add card" }).click();
  await m.locator(".row__title", { hasText: `6104-33**-****-${card.slice(12)}` }).waitFor();
  await checkAxe(m, "the cards page");

  // A payment link.
  await m.getByRole("navigation", { name: "Merchant" }).getByRole("link", { name: "New link" }).click();
  // One shop and one card: already chosen, and the form shows it.
  await m.locator("#field-shop_id option", { hasText: "Reza Books" }).waitFor({ state: "attached" });
  await m.waitForFunction(() => document.querySelector("#field-card_id").value !== "");
  assert.notEqual(await m.getByLabel("Shop", { exact: true }).inputValue(), "");
  await m.getByLabel("Amount (Rials)").fill("1,250,000");
  await m.getByText("Fee: IRR 12,500").waitFor();
  await checkAxe(m, "the new link form");
  await m.getByLabel("Invoice number (optional)").fill("INV-7");
  await m.getByLabel("Return address").fill(`${server.url}/thanks`);
  await m.getByRole("button", { name: "Create link" }).click();
  await m.getByRole("heading", { name: "Your payment link is ready" }).waitFor();
  const link = await m.locator(".link-result__url").textContent();
  assert.match(link, /\/pay\/KP[A-Z0-9]{24}$/);
  assert.ok(await m.locator("img.qr").evaluate((img) => img.complete && img.naturalWidth > 0), "the QR code loads");
  // It says how long it works (the server's default is 15 minutes).
  await m.getByText(/^This link works for 15 minutes, until \d\d:\d\d\.$/).waitFor();
  await checkAxe(m, "the link-ready card");
  // The pending payment's page: the link to send, with a copy button and its QR code.
  await m.getByRole("link", { name: "Follow this payment" }).click();
  await m.getByRole("heading", { name: "Send this link to the buyer" }).waitFor();
  assert.equal(await m.locator(".link-result__url").textContent(), link);
  await m.getByRole("button", { name: "Copy payment link" }).waitFor();
  await m.waitForFunction(() => {
    const img = document.querySelector("img.qr");
    return img && img.complete && img.naturalWidth > 0;
  });
  await checkAxe(m, "a pending payment's page");

  // The buyer, on a phone, in a context of their own.
  const buyer = await browser.newContext(phone);
  const b = await buyer.newPage();
  const buyerProblems = watchProblems(b);
  const polls = [];
  b.on("request", (r) => r.url().includes("/kpay/transactions/check/") && polls.push(r.url()));
  await b.goto(link);
  await b.getByText("Reza Books").waitFor();
  const cardText = await b.locator(".checkout__cardno").textContent();
  assert.equal(cardText, card.match(/.{4}/g).join(" "), "the full card number, grouped 4-4-4-4");
  assert.match(await b.locator(".checkout__big").textContent(), /^1,25\d,\d{3} Rials$/);
  const first = await b.getByRole("timer").textContent();
  assert.match(first, /^1[45]:\d\d$/);
  await b.waitForTimeout(1500);
  assert.notEqual(await b.getByRole("timer").textContent(), first, "the countdown runs");
  // Everything a buyer needs is on the first screen of a 390 × 844 phone.
  for (const sel of [".checkout__big", ".checkout__cardno", ".checkout__facts", ".copy"]) {
    const box = await b.locator(sel).first().boundingBox();
    assert.ok(box && box.y + box.height <= 844, `${sel} is above the fold (${JSON.stringify(box)})`);
  }
  await b.screenshot({ path: "e2e/artifacts/checkout-phone.png" }).catch(() => {});
  // One h1, and the timer outside the definition list's own roles.
  assert.equal(await b.getByRole("heading", { level: 1 }).count(), 1);
  await checkAxe(b, "the checkout page");

  // Persian, right to left, from the language picker; and back to English.
  await b.getByLabel("Language").selectOption("fa");
  assert.equal(await b.evaluate(() => document.documentElement.dir), "rtl");
  await b.getByText("پرداخت به").waitFor();
  assert.match(await b.locator(".checkout__cardno").textContent(), /^[۰-۹ ]+$/);
  await b.getByLabel("زبان").selectOption("en");
  await b.getByRole("heading", { name: "Pay to Reza Books" }).waitFor();
  assert.equal(await b.evaluate(() => document.documentElement.dir), "ltr");

  // A buyer whose phone speaks Swahili gets the page in Swahili, with nothing chosen yet.
  const swahili = await browser.newContext({ ...phone, locale: "sw-KE" });
  const s = await swahili.newPage();
  const swahiliProblems = watchProblems(s);
  await s.goto(link);
  await s.getByRole("heading", { name: "Malipo kwa Reza Books" }).waitFor();
  assert.equal(await s.evaluate(() => document.documentElement.lang), "sw");
  assert.equal(await s.getByLabel("Lugha").inputValue(), "sw");
  assert.equal(await s.title(), "Lipa kwa kuhamisha pesa kwenye kadi");
  assert.match(await s.locator(".checkout__big").textContent(), /^1,25\d,\d{3} Riali$/);
  await s.screenshot({ path: "e2e/artifacts/checkout-phone-sw.png" }).catch(() => {});
  await checkAxe(s, "the checkout in Swahili");
  // They pick Persian: right to left at once, and remembered on the next visit.
  await s.getByLabel("Lugha").selectOption("fa");
  await s.getByRole("heading", { name: "پرداخت به Reza Books" }).waitFor();
  assert.equal(await s.evaluate(() => document.documentElement.dir), "rtl");
  assert.equal(await s.evaluate(() => localStorage.getItem("kitty-lang")), "fa");
  await s.screenshot({ path: "e2e/artifacts/checkout-phone-fa.png" }).catch(() => {});
  await checkAxe(s, "the checkout in Persian");
  await s.reload();
  await s.getByRole("heading", { name: "پرداخت به Reza Books" }).waitFor();
  assert.equal(await s.getByLabel("زبان").inputValue(), "fa");
  assert.deepEqual(swahiliProblems, []);
  await swahili.close();

  // The status comes over the server's event stream, so the page has not needed to poll.
  assert.deepEqual(polls, [], "the status came over the event stream");

  // The buyer's connection drops: the page says so instead of waiting in silence, and the
  // sandbox button says when its request fails.
  await buyer.setOffline(true);
  await b.getByText("You're offline. We'll keep checking for your transfer when you're back.").waitFor();
  await b.getByRole("button", { name: "Simulate the bank transfer" }).click();
  await b.getByRole("alert").filter({ hasText: "That did not go through." }).waitFor();
  await checkAxe(b, "the checkout page, offline");
  await buyer.setOffline(false);
  await b.getByText("You're offline.").waitFor({ state: "detached" });

  // Back online, the bank's notification arrives; the page turns to paid without a reload.
  await b.getByRole("button", { name: "Simulate the bank transfer" }).click();
  await b.getByRole("heading", { name: "Payment received" }).waitFor({ timeout: 10_000 });
  const back = await b.getByRole("link", { name: "Return to the shop" }).getAttribute("href");
  assert.match(back, /\/thanks\?authority=KP[A-Z0-9]{24}&status=paid$/);
  await b.waitForURL(/\/thanks\?authority=.*&status=paid$/, { timeout: 10_000 });

  // The merchant's list shows it paid.
  await m.getByRole("navigation", { name: "Merchant" }).getByRole("link", { name: "Transactions" }).click();
  await m.locator(".row", { hasText: "INV-7" }).getByText("Paid", { exact: true }).waitFor();
  await m.getByLabel("Status").selectOption("paid");
  await m.waitForURL(/status=paid/);
  assert.equal(await m.locator(".rows .row").count(), 1);
  await checkAxe(m, "the transactions list");

  // The overview: the day's payment on the chart, over an amount scale, and in the recent list.
  await m.getByRole("navigation", { name: "Merchant" }).getByRole("link", { name: "Overview" }).click();
  await m.getByRole("img", { name: /^Paid per day from .* in total$/ }).waitFor();
  assert.ok(await m.locator(".chart__axis").count() >= 3, "the chart has an amount scale");
  const recent = m.getByRole("region", { name: "Recent payments" });
  await recent.locator(".row", { hasText: "INV-7" }).getByText("Paid", { exact: true }).waitFor();
  await checkAxe(m, "the merchant overview with a payment");

  const expected = /status of (401|404) /; // signed-out checks; the buyer's redirect lands on a client route
  assert.deepEqual(problems.filter((p) => !expected.test(p)), []);
  // The sandbox request sent while offline fails, as it should.
  const offline = /ERR_INTERNET_DISCONNECTED/;
  assert.deepEqual(buyerProblems.filter((p) => !expected.test(p) && !offline.test(p)), []);
  await merchant.close();
  await buyer.close();
});

test("a link whose time runs out shows expired and returns the buyer to the shop", async () => {
  const short = await startServer({ env: { KITTY_PAYMENT_TTL_SECS: "4" } });
  try {
    const api = async (path, body, token) => {
      const r = await fetch(`${short.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      assert.ok(r.ok, `${path}: ${r.status} ${await r.clone().text()}`);
      return r.json();
    };
    const { access_token } = await api("/kpay/auth/register", { name: "Mina", mobile: "09127770002", password: "shop-pass" });
    const shop = await api("/kpay/shops", { name: "Mina Tea" }, access_token);
    const card = await api("/kpay/cards", { card_number: cardNumber(), owner_name: "Mina" }, access_token);
    const link = await api("/kpay/transactions/create",
      { shop_id: shop.id, card_id: card.id, amount: 90000, callback_url: `${short.url}/back` }, access_token);

    const buyer = await browser.newContext(phone);
    const b = await buyer.newPage();
    await b.goto(link.payment_url);
    await b.getByText("Mina Tea").waitFor();
    await b.getByRole("heading", { name: "This payment has expired" }).waitFor({ timeout: 15_000 });
    await b.waitForURL(/\/back\?authority=.*&status=expired$/, { timeout: 10_000 });
    await buyer.close();
  } finally {
    await short.stop();
  }
});
