// End to end: crypto payments and Binance-style orders. A merchant creates a crypto payment in
// the app; a buyer on a phone sees the address and QR, pays in two parts, watches the
// confirmations count up and is sent back to the shop; the merchant sees it completed and
// withdraws. Then an order is paid on its page, and another closes by itself after the hour.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { checkAxe, launchBrowser, startServer, watchProblems, registerInApp } from "./browser.mjs";

let server, browser;
before(async () => {
  // Sessions outlive the hour the clock is moved by at the end.
  server = await startServer({ env: { KITTY_ACCESS_TTL_SECS: "7200" } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// bypassCSP: the accessibility checks inject axe-core, which the app's CSP rightly refuses.
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true };
const sandbox = async (path, body) => {
  const r = await fetch(`${server.url}/sandbox${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  assert.ok(r.ok, `${path}: ${r.status} ${text}`);
  return JSON.parse(text);
};

test("crypto: pay in two parts, confirmations count up, paid, withdrawn; orders paid and closed by time", async () => {
  const merchant = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const m = await merchant.newPage();
  const problems = watchProblems(m);

  await m.goto(`${server.url}/register`);
  await registerInApp(m, server.url, { name: "Leila Merchant", mobile: "09128880001", password: "shop-pass" });
  await m.getByRole("heading", { name: "Hi, Leila" }).waitFor();

  // A shop: its API key and webhook signing secret are shown once.
  await m.getByRole("link", { name: "Merchant" }).first().click();
  const tabs = m.getByRole("navigation", { name: "Merchant" });
  await tabs.getByRole("link", { name: "Shops" }).click();
  await m.getByLabel("Shop name").fill("Leila Tea");
  await m.getByRole("button", { name: "Create shop" }).click();
  await m.getByText("Copy this API key now.").waitFor();
  assert.ok((await m.locator("body").textContent()).includes("whsec_"), "the webhook secret is shown once");

  // 1. A crypto payment of 25 USD in Ether.
  await tabs.getByRole("link", { name: "Crypto" }).click();
  await m.getByRole("heading", { name: "Crypto", exact: true }).waitFor();
  await m.locator("#field-shop_id option", { hasText: "Leila Tea" }).waitFor({ state: "attached" });
  await m.getByLabel("Order reference").fill("TEA-1");
  await m.getByLabel("Currency the buyer pays in").selectOption("eth");
  await m.getByLabel("Amount in US dollars").fill("25");
  await m.getByLabel("Return address after paying (optional)").fill(`${server.url}/thanks`);
  await m.getByRole("button", { name: "Create payment" }).click();
  await m.getByRole("heading", { name: "Your crypto payment is ready" }).waitFor();
  const link = await m.locator(".link-result__url").getAttribute("href");
  assert.match(link, /\/pay\/crypto\/[0-9a-f-]{36}$/);

  // The buyer, on a phone: amount, address and a QR code that loads.
  const buyer = await browser.newContext(phone);
  const b = await buyer.newPage();
  const buyerProblems = watchProblems(b);
  await b.goto(link);
  await b.getByText("Leila Tea").waitFor();
  await b.getByText("0.007352941176470589", { exact: false }).first().waitFor();
  const body = await b.locator("body").textContent();
  assert.match(body, /0x[0-9a-fA-F]{40}/, "the deposit address");
  assert.match(body, /25\.00 USD/);
  const qr = b.locator("img").first();
  await qr.waitFor();
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), "the QR code loads");
  await b.getByRole("timer").waitFor();

  // The same page for a buyer whose phone speaks Swahili; then Persian from the picker.
  const swahili = await browser.newContext({ ...phone, locale: "sw-TZ" });
  const s = await swahili.newPage();
  const swahiliProblems = watchProblems(s);
  await s.goto(link);
  await s.getByRole("heading", { name: "Malipo kwa Leila Tea" }).waitFor();
  await s.getByText("Tuma kiasi hiki kamili").waitFor();
  assert.equal(await s.evaluate(() => document.documentElement.lang), "sw");
  await s.screenshot({ path: "e2e/artifacts/crypto-phone-sw.png" }).catch(() => {});
  await checkAxe(s, "the crypto page in Swahili");
  await s.getByLabel("Lugha").selectOption("fa");
  await s.getByRole("heading", { name: "پرداخت به Leila Tea" }).waitFor();
  assert.equal(await s.evaluate(() => document.documentElement.dir), "rtl");
  await s.screenshot({ path: "e2e/artifacts/crypto-phone-fa.png" }).catch(() => {});
  await checkAxe(s, "the crypto page in Persian");
  assert.deepEqual(swahiliProblems, []);
  await swahili.close();

  // 2. Two transfers: part of it first, and the page asks for the rest.
  await b.getByRole("button", { name: "Send part" }).click();
  await b.getByText("Send the remaining").waitFor();
  await b.getByRole("button", { name: /Send the full amount/ }).click();
  const meter = b.getByRole("progressbar");
  await b.waitForFunction(() => /of 6 confirmations/.test(document.body.textContent));
  await b.getByRole("button", { name: "Mine a block" }).click();
  await b.waitForFunction(() => Number(document.querySelector("[role=progressbar]")?.getAttribute("aria-valuenow")) >= 1);
  const first = Number(await meter.getAttribute("aria-valuenow"));
  await b.getByRole("button", { name: "Mine a block" }).click();
  await b.waitForFunction(
    (n) => Number(document.querySelector("[role=progressbar]")?.getAttribute("aria-valuenow")) > n,
    first,
  );
  await sandbox("/chain/ethereum/mine", { blocks: 6 });
  await b.getByText("Paid", { exact: true }).first().waitFor();
  // And back to the shop.
  await b.waitForURL(`${server.url}/thanks**`, { timeout: 15_000 });

  // 3. The merchant sees it completed, and withdraws to an address checked as it is typed.
  await m.reload();
  await m.getByRole("heading", { name: "Crypto", exact: true }).waitFor();
  await m.locator(".status", { hasText: "Completed" }).first().waitFor();
  await m.getByLabel("Currency", { exact: true }).selectOption("eth");
  await m.getByLabel("Amount", { exact: true }).fill("0.005");
  const good = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
  await m.getByLabel("Destination address").fill(good.slice(0, -1) + "D");
  await m.getByText("EIP-55 checksum does not match").waitFor();
  await m.getByLabel("Destination address").fill(good);
  await m.getByText("EIP-55 checksum does not match").waitFor({ state: "detached" });
  m.once("dialog", (d) => d.accept());
  await m.getByRole("button", { name: "Withdraw", exact: true }).click();
  await m.getByText(/Withdrawal of .* started/).waitFor();
  await m.locator("section", { hasText: "Withdrawals" }).getByText("0.0045 ETH", { exact: false }).first().waitFor();

  // 4. A Binance-style order, paid on its own page.
  await tabs.getByRole("link", { name: "Binance orders" }).click();
  await m.getByLabel("Amount", { exact: true }).fill("12");
  await m.getByLabel("What is sold").fill("Green tea");
  await m.getByLabel("Details").fill("250 g tin");
  await m.getByLabel("Return address after paying").fill(`${server.url}/order-paid`);
  await m.getByLabel("Return address if it is not paid").fill(`${server.url}/order-cancelled`);
  await m.getByRole("button", { name: "Create order" }).click();
  const orderLink = await m.locator(".link-result__url").first().getAttribute("href");
  assert.match(orderLink, /\/pay\/order\/\d+$/);
  await b.goto(orderLink);
  await b.getByText("Green tea").waitFor();
  await b.getByText("12 USDT").first().waitFor();
  await b.getByRole("button", { name: /Pay the full amount/ }).click();
  await b.getByText("Paid", { exact: true }).first().waitFor();
  await b.waitForURL(`${server.url}/order-paid**`, { timeout: 15_000 });
  await m.locator(".status", { hasText: "Paid" }).first().waitFor();

  // 5. Another order nobody pays: the clock moves past the hour and it closes by itself.
  await m.getByRole("button", { name: "Create another" }).click();
  await m.getByLabel("Amount", { exact: true }).fill("30");
  await m.getByLabel("What is sold").fill("Oolong");
  await m.getByLabel("Details").fill("100 g");
  await m.getByLabel("Return address after paying").fill(`${server.url}/order-paid`);
  await m.getByLabel("Return address if it is not paid").fill(`${server.url}/order-cancelled`);
  await m.getByRole("button", { name: "Create order" }).click();
  await m.getByText("Oolong").first().waitFor();
  const second = await m.locator(".link-result__url").first().getAttribute("href");
  assert.notEqual(second, orderLink);
  await b.goto(second);
  await b.getByText("Oolong").waitFor();
  await sandbox("/clock", { advance_seconds: 3601 });
  await b.getByText("This order has expired").waitFor({ timeout: 15_000 });
  await b.waitForURL(`${server.url}/order-cancelled**`, { timeout: 15_000 });
  await m.locator(".status", { hasText: "Closed after an hour unpaid" }).first().waitFor({ timeout: 15_000 });

  assert.deepEqual(problems, []);
  assert.deepEqual(buyerProblems.filter((p) => !p.includes("/thanks") && !p.includes("/order-")), []);
  await buyer.close();
  await merchant.close();
});
