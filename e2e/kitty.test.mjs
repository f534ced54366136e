// End to end: two people share a kitty. A creates it, B joins through the referral link,
// deposits arrive (one unassigned, which A assigns), a card payment is split 70/30, B uploads its
// receipt on a phone (with progress) and the items re-split it, B adds a moment with a photo,
// A moves the kitty to Plus (a fee shared by the split), and A closes the kitty after paying
// everyone out. On the way both go offline: the app still opens and shows the kitty as it was
// last loaded, a message typed offline waits for the connection, and later a new version of the
// app is offered with "Reload to update".
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, launchBrowser, noisePng, startServer, watchProblems, registerInApp } from "./browser.mjs";

// The server serves a copy of the built app, so that the journey can publish a new service
// worker (a new version of the app) without touching dist/.
let server, browser, dist;
before(async () => {
  dist = mkdtempSync(join(tmpdir(), "kitty-dist-"));
  cpSync(process.env.KITTY_DIST ?? join(ROOT, "dist"), dist, { recursive: true });
  server = await startServer({ env: { KITTY_DIST: dist } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** Waits until `fn` (run in the page, may be async) returns something truthy. */
async function until(page, fn, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The offline banner at the top of the page's content (src/pwa.rs, OfflineBanner). */
const offlineBanner = (page) => page.locator(".offline-banner");

async function register(page, name, mobile) {
  await registerInApp(page, server.url, { name: name, mobile: mobile, password: "kitty-pass" });
}

const sandbox = async (path, body) => {
  const r = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  assert.ok(r.ok, `${path}: ${r.status} ${await r.clone().text()}`);
  return r.json();
};

/** The amount in a members-table cell, e.g. the balance of `name`. */
async function cell(page, name, column) {
  const col = { deposited: 1, spent: 2, paid_out: 3, balance: 4 }[column];
  return (await page.locator("tbody tr", { has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) }).locator("td").nth(col - 1).textContent()).trim();
}

/**
 * The phone layout of the kitty page `page` shows: nothing wider than the screen, every tab of
 * the kitty's nav reachable (scrolled into view, it is on screen and visible), the open tab on
 * screen without scrolling, and on any tab but the first a header no taller than 200 px.
 */
async function phoneLayout(page, tab) {
  const nav = page.getByRole("navigation", { name: "Kitty" });
  await page.waitForFunction(() => !document.querySelector(".skeleton"));
  const m = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
    header: document.querySelector(".kitty-header")?.getBoundingClientRect().height,
    open: (() => {
      const r = document.querySelector("nav[aria-label=Kitty] [aria-current=page]")?.getBoundingClientRect();
      return r && { left: r.left, right: r.right };
    })(),
  }));
  assert.ok(m.scrollWidth <= m.innerWidth, `${tab}: the page is ${m.scrollWidth} px wide on a ${m.innerWidth} px screen`);
  assert.ok(m.open && m.open.left >= 0 && m.open.right <= m.innerWidth, `${tab}: the open tab is on screen (${JSON.stringify(m.open)})`);
  if (tab !== "Activity") assert.ok(m.header <= 200, `${tab}: the kitty's header is ${m.header} px tall`);
  const links = nav.getByRole("link");
  assert.equal(await links.count(), 7);
  for (const link of await links.all()) {
    await link.scrollIntoViewIfNeeded();
    assert.ok(await link.isVisible(), `${await link.textContent()} is visible`);
    const box = await link.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= m.innerWidth, `${await link.textContent()} can be scrolled on screen: ${JSON.stringify(box)}`);
  }
  // Back where it was, so the next step clicks what a person would see.
  await nav.locator("[aria-current=page]").scrollIntoViewIfNeeded();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
}

test("a group fills a kitty, splits a card payment 70/30, and closes it", async () => {
  const ctxA = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const a = await ctxA.newPage();
  a.on("dialog", (d) => d.accept());
  const problemsA = watchProblems(a);

  await a.goto(`${server.url}/register`);
  await register(a, "Ava Admin", "09128880001");
  await a.getByRole("heading", { name: "Hi, Ava" }).waitFor();
  await a.getByRole("link", { name: "Kitties" }).first().click();
  await a.getByText("Personal").first().waitFor();
  await a.getByLabel("Kitty name").fill("Weekend in Kish");
  await a.getByLabel("Goal (optional)").fill("500");
  await a.getByRole("button", { name: "Create kitty" }).click();
  await a.getByRole("heading", { name: "Weekend in Kish" }).waitFor();
  const kittyId = new URL(a.url()).pathname.split("/")[2];
  const kitty = await a.evaluate(async (id) => (await fetch(`/ktti/api/v3/ktties/${id}`)).json(), kittyId);
  assert.equal(await a.getByText(kitty.account.account_number).count(), 1, "the account to deposit to is shown");

  // The referral link, on the Members tab.
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Members" }).click();
  const link = await a.locator(".link-result__url").textContent();
  assert.match(link, /\/join\/[A-Z0-9]{8}$/);
  // A direct invitation, too: it waits for an answer.
  await a.getByLabel("Invite by mobile or email").fill("0912 888 0003");
  await a.getByRole("button", { name: "Send invitation" }).click();
  await a.getByText("Invitation sent to 09128880003.").waitFor();
  await a.getByRole("heading", { name: "Waiting for an answer" }).waitFor();

  // B, signed out on a phone, follows the link, registers, and joins.
  const ctxB = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const b = await ctxB.newPage();
  const problemsB = watchProblems(b);
  await b.goto(link);
  // The join page says which kitty it is and who started it, and offers a way out.
  await b.getByRole("heading", { name: "Join Weekend in Kish" }).waitFor();
  assert.match(await b.getByTestId("join-about").textContent(), /Ava Admin started this kitty\. It has 1 member/);
  assert.ok(await b.getByTestId("join-decline").isVisible());
  await b.getByRole("link", { name: "Create an account to join" }).click();
  await register(b, "Ben Member", "09128880002");
  await b.getByRole("button", { name: "Join as Ben Member" }).click();
  // Exact: the join page's own heading is "Join Weekend in Kish".
  await b.getByRole("heading", { name: "Weekend in Kish", exact: true }).waitFor();
  await phoneLayout(b, "Activity");

  // The group chat: both have it open; A's message reaches B's phone without a reload, with
  // the unread badge on B's Chat tab until B reads it.
  await b.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: /Chat/ }).click();
  await b.getByText("No messages yet").waitFor();
  await b.waitForFunction(() => document.title === "Chat · Weekend in Kish · Kitty");
  await phoneLayout(b, "Chat");
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: /Chat/ }).click();
  // Each tab has its own title. The page's heading (the kitty's name) is the same on every tab,
  // so focus stays on the tab that was chosen (src/app.rs, focus_heading_after_navigation).
  await a.waitForFunction(() => document.title === "Chat · Weekend in Kish · Kitty");
  await a.waitForFunction(() => document.activeElement?.matches("nav[aria-label=Kitty] a[aria-current=page]"));
  await a.getByRole("textbox", { name: "Message" }).fill("Dinner at 8? <b>bold</b>");
  await a.getByRole("textbox", { name: "Message" }).press("Enter");
  await b.getByText("Dinner at 8? <b>bold</b>").waitFor({ timeout: 5_000 });
  await a.getByText("Dinner at 8? <b>bold</b>").waitFor();
  assert.equal(await a.getByRole("textbox", { name: "Message" }).inputValue(), "", "the composer empties once sent");

  // Deposits: two match their senders, one does not.
  await sandbox("/sandbox/kitty-deposits", { account_number: kitty.account.account_number, amount: 10000, sender_name: "Ava Admin" });
  await sandbox("/sandbox/kitty-deposits", { account_number: kitty.account.account_number, amount: 6000, sender_name: "Ben Member" });
  await sandbox("/sandbox/kitty-deposits", { account_number: kitty.account.account_number, amount: 4000, sender_name: "B MEMBER JOINT ACCT" });

  // A assigns the unassigned one to Ben. Opening another tab reloads the header too, so the
  // header, the activity and (below) the members' card show one balance.
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Activity" }).click();
  await a.getByRole("heading", { name: "Unassigned deposits" }).waitFor();
  await a.locator(".kitty-header__balance", { hasText: "A$200.00" }).waitFor();
  await a.getByLabel("Member for the deposit from B MEMBER JOINT ACCT").selectOption({ label: "Ben Member" });
  await a.getByRole("button", { name: "Assign" }).click();
  await a.getByText("Deposit assigned to Ben Member.").waitFor();
  await a.getByRole("heading", { name: "Unassigned deposits" }).waitFor({ state: "detached" });

  // Offline (issue #13). The service worker is a plain file the browser always asks the server
  // about; both browsers run under it and keep the Kitties pages' shell.
  const sw = await fetch(`${server.url}/sw.js`);
  assert.equal(sw.headers.get("cache-control"), "no-cache");
  assert.match(sw.headers.get("content-type"), /javascript/);
  for (const page of [a, b]) {
    await until(page, () => navigator.serviceWorker.controller !== null, "the service worker");
    await until(page, () => caches.match("/offline-shell/kitties").then(Boolean), "the kept Kitties shell");
  }
  // B's phone loses its connection and B opens the page again: the worker serves the app, which
  // shows the chat as it was, and says so, with nothing wider than the screen.
  await ctxB.setOffline(true);
  await b.reload();
  await b.getByRole("heading", { name: "Weekend in Kish" }).waitFor();
  await b.getByText("Dinner at 8? <b>bold</b>").waitFor();
  const asOf = /^You're offline — showing what was loaded at \d\d:\d\d\.$/;
  await offlineBanner(b).getByText(asOf).waitFor();
  assert.equal(await offlineBanner(b).locator("..").getAttribute("role"), "status");
  assert.equal(await b.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, "no sideways scrolling with the banner");
  await b.screenshot({ path: "e2e/artifacts/offline-phone.png" }).catch(() => {});
  // A too, on the desktop: 1. loaded, 2. offline, 3. reads the kitty — its balance and activity
  // as they were last loaded —
  await ctxA.setOffline(true);
  await offlineBanner(a).getByText("You're offline. Changes need a connection.").waitFor();
  const offlineLoad = await a.reload();
  assert.ok(offlineLoad.fromServiceWorker(), "offline, the service worker answers the page load");
  await a.getByRole("heading", { name: "Weekend in Kish" }).waitFor();
  await offlineBanner(a).getByText(asOf).waitFor();
  await a.locator(".kitty-header__balance", { hasText: "A$200.00" }).waitFor();
  await a.getByText("Deposit · Ben Member").first().waitFor();
  await a.screenshot({ path: "e2e/artifacts/offline-desktop.png" }).catch(() => {});
  // 4. tries a write: it says plainly that it needs a connection, and keeps the message,
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: /Chat/ }).click();
  await a.getByText("Dinner at 8? <b>bold</b>").waitFor();
  const composer = a.getByRole("textbox", { name: "Message" });
  await composer.fill("Landing at 6, see you at dinner");
  await composer.press("Enter");
  await a.getByText("You're offline. This needs a connection — what you typed is kept.").waitFor();
  assert.equal(await composer.inputValue(), "Landing at 6, see you at dinner");
  // 5. comes back online: the banner goes, the pages read live again, and the same message sends.
  await ctxA.setOffline(false);
  await ctxB.setOffline(false);
  await offlineBanner(a).waitFor({ state: "detached" });
  await offlineBanner(b).waitFor({ state: "detached" });
  await a.getByRole("button", { name: "Send" }).click();
  await a.locator(".chat__text", { hasText: "Landing at 6, see you at dinner" }).waitFor();
  assert.equal(await composer.inputValue(), "", "the composer empties once sent");
  // B, back online too, opens the chat again and reads it live.
  await b.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Activity" }).click();
  await b.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: /Chat/ }).click();
  await b.locator(".chat__text", { hasText: "Landing at 6, see you at dinner" }).waitFor();

  // The default split: 70/30 by percent; the preview explains a wrong sum.
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Split" }).click();
  await a.getByText("By percent").click();
  await a.getByLabel("% for Ava Admin").fill("70");
  await a.getByLabel("% for Ben Member").fill("20");
  await a.getByText("Percentages must add up to 100; these add up to 90.").waitFor();
  assert.ok(await a.getByRole("button", { name: "Save split" }).isDisabled());
  await a.getByLabel("% for Ben Member").fill("30");
  await a.locator(".split-editor__sum").getByText("A$100.00").waitFor();
  await a.getByRole("button", { name: "Save split" }).click();
  await a.getByText("Default split saved.").waitFor();

  // A card payment, split by the default.
  await sandbox("/sandbox/card-spends", { card_id: kitty.card.id, merchant_name: "Sunset Grill", amount: 8420, refund: false });
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Members" }).click();
  await a.getByRole("rowheader", { name: /^Ben Member/ }).waitFor();
  await a.getByText("Available: A$115.80").waitFor();
  await a.locator(".kitty-header__balance", { hasText: "A$115.80" }).waitFor();
  assert.equal(await cell(a, "Ava Admin", "spent"), "A$58.94");
  assert.equal(await cell(a, "Ben Member", "spent"), "A$25.26");
  assert.equal(await cell(a, "Ava Admin", "balance"), "A$41.06");
  assert.equal(await cell(a, "Ben Member", "balance"), "A$74.74");

  // Ben cannot leave with money in the kitty, nor Ava as its only admin: the page says why and
  // what to do instead, and the button asks nothing.
  await a.getByText("You are the only admin, so you cannot leave yet.").waitFor();
  assert.ok(await a.getByRole("button", { name: "Leave kitty" }).isDisabled());
  await b.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Members" }).click();
  await b.getByText("You still have A$74.74 in this kitty. An admin pays it out from the Members tab").waitFor();
  assert.ok(await b.getByRole("button", { name: "Leave kitty" }).isDisabled());
  // On the phone each member is a card: the balance is on screen, and the page no wider than it.
  await b.getByRole("rowheader", { name: /^Ben Member/ }).waitFor();
  await phoneLayout(b, "Members");
  const balance = await b.locator("tr", { has: b.getByRole("rowheader", { name: /^Ben Member/ }) }).locator(".members__balance").boundingBox();
  assert.ok(balance.x >= 0 && balance.x + balance.width <= 390, `Ben's balance is on screen: ${JSON.stringify(balance)}`);
  await b.reload();
  await b.getByRole("heading", { name: "Weekend in Kish" }).waitFor();
  await b.getByText("A$115.80").first().waitFor(); // B sees the same balance on their phone.

  // B photographs the card payment's receipt on the phone. On a slow uplink the upload shows
  // its progress; then B types the items and who had each, and the preview adds up.
  await b.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Activity" }).click();
  await b.getByRole("link", { name: /Sunset Grill/ }).first().click();
  await b.getByRole("heading", { name: "Receipt", exact: true }).waitFor();
  // The transaction's page has its own heading, belongs to the Activity tab, and leads back to it.
  await b.getByRole("heading", { level: 1, name: "Sunset Grill · A$84.20" }).waitFor();
  assert.equal(await b.getByRole("heading", { level: 1 }).count(), 1, "one h1");
  assert.equal(await b.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Activity" }).getAttribute("aria-current"), "page");
  assert.equal(await b.locator("a.back", { hasText: "Activity" }).getAttribute("href"), `/kitties/${kittyId}`);
  await b.waitForFunction(() => document.title === "Transaction · Weekend in Kish · Kitty");
  await phoneLayout(b, "Transaction");
  const cdp = await ctxB.newCDPSession(b);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 96 * 1024 });
  await b.getByLabel("Add a receipt photo").setInputFiles({ name: "receipt.png", mimeType: "image/png", buffer: noisePng(400, 300) });
  await b.getByRole("progressbar", { name: "Uploading receipt.png" }).waitFor();
  await b.getByText("Receipt added. Now add its items.").waitFor({ timeout: 30_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  for (const [item, price, who] of [["Salad", "30.00", ["Ava Admin"]], ["Steak", "40.00", ["Ben Member"]], ["Pizza", "14.20", ["Ava Admin", "Ben Member"]]]) {
    const form = b.getByRole("form", { name: "Add an item" });
    await form.getByLabel("Description").fill(item);
    await form.getByLabel("Unit price").fill(price);
    for (const name of who) await form.getByLabel(`${name} had the new item`).check();
    await form.getByRole("button", { name: "Add item" }).click();
    await b.getByText("Item added.").last().waitFor();
    await b.getByText(item, { exact: true }).first().waitFor();
  }
  await b.getByRole("heading", { name: "Each person's part" }).waitFor();
  await b.getByText("A$37.10").first().waitFor();
  await b.getByText("A$47.10").first().waitFor();
  await b.locator("a.back", { hasText: "Activity" }).click();
  await b.waitForURL(`${server.url}/kitties/${kittyId}`);
  await b.getByRole("link", { name: /Sunset Grill/ }).first().waitFor();

  // A, an admin, applies it: the members' totals follow the items to the cent.
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Activity" }).click();
  await a.getByRole("link", { name: /Sunset Grill/ }).first().click();
  await a.getByRole("button", { name: "Split by the items" }).click();
  await a.getByText("The payment is now split by the items.").waitFor();
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Members" }).click();
  await a.getByRole("rowheader", { name: /^Ben Member/ }).waitFor();
  await a.waitForFunction(() => document.body.innerText.includes("A$37.10"));
  assert.equal(await cell(a, "Ava Admin", "spent"), "A$37.10");
  assert.equal(await cell(a, "Ben Member", "spent"), "A$47.10");

  // B adds a moment with a photo; A sees it in the grid.
  await b.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Moments" }).click();
  await b.getByRole("button", { name: "Add a moment" }).click();
  await b.getByLabel("Title").fill("Sunset at the pier");
  await b.getByLabel("Add photos").setInputFiles({ name: "pier.png", mimeType: "image/png", buffer: noisePng(160, 120) });
  await b.getByRole("button", { name: "Save moment" }).click();
  await b.getByText("Moment added.").waitFor({ timeout: 15_000 });
  await phoneLayout(b, "Moments");
  // Every tab on the phone, each with its own title.
  for (const tab of ["Split", "Card", "Settings", "Members", "Chat", "Activity"]) {
    const link = b.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: new RegExp(`^${tab}`) });
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await b.waitForFunction((t) => document.title === `${t} · Weekend in Kish · Kitty`, tab);
    await phoneLayout(b, tab);
  }
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Moments" }).click();
  await a.getByText("Sunset at the pier").first().waitFor();
  await a.locator("img[src*='/thumbnail']").first().waitFor();

  // Billing: A moves the kitty to Plus; its fee is a transaction shared by the 70/30 split.
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Settings" }).click();
  await a.getByText("2 of 10 members").waitFor();
  await a.getByRole("button", { name: "Move to Plus" }).click();
  await a.getByText("Plus takes A$4.99 from the kitty now and every 30 days").waitFor();
  await a.getByRole("button", { name: "Confirm" }).click();
  await a.getByText("The kitty is on Plus now. A$4.99 was taken for the first 30 days.").waitFor();
  await a.getByText("Fee charged · Plus plan").waitFor();

  // Closure: start, pay out, close.
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Settings" }).click();
  await a.getByRole("button", { name: "Start closing" }).click();
  await a.getByText("This kitty is closing.").waitFor();
  await a.getByText("receives A$51.40").waitFor();
  await a.getByRole("button", { name: "Pay out balances" }).click();
  await a.getByText("Paid out to 2 members.").waitFor();
  await a.getByRole("button", { name: "Close kitty" }).click();
  await a.getByText("This kitty is closed.").first().waitFor();
  await a.getByRole("navigation", { name: "Kitty" }).getByRole("link", { name: "Members" }).click();
  await a.getByRole("rowheader", { name: /^Ben Member/ }).waitFor();
  assert.equal(await cell(a, "Ava Admin", "balance"), "A$0.00");
  assert.equal(await cell(a, "Ben Member", "balance"), "A$0.00");
  assert.equal(await cell(a, "Ben Member", "deposited"), "A$100.00");
  assert.equal(await cell(a, "Ben Member", "paid_out"), "A$51.40");

  // A new version of the app: its service worker changes. The next page load finds it; the app
  // offers it, and "Reload to update" brings it in (the old version's caches go).
  const swFile = join(dist, "sw.js");
  writeFileSync(swFile, readFileSync(swFile, "utf8").replace(/const VERSION = "[^"]*";/, 'const VERSION = "e2e-next";'));
  rmSync(`${swFile}.br`, { force: true });
  rmSync(`${swFile}.gz`, { force: true });
  await a.reload();
  const update = a.getByRole("button", { name: "Reload to update" });
  await update.waitFor();
  await a.getByText("A new version of Kitty is ready.").waitFor();
  await a.screenshot({ path: "e2e/artifacts/update-prompt-desktop.png" }).catch(() => {});
  await Promise.all([a.waitForEvent("load"), update.click()]);
  await a.getByRole("heading", { name: "Weekend in Kish" }).waitFor();
  await until(a, async () => {
    const names = await caches.keys();
    return names.includes("kitty-pages-e2e-next") && !names.some((n) => n.endsWith("-1"));
  }, "the new version's caches");
  assert.equal(await update.count(), 0, "no prompt once updated");

  await b.screenshot({ path: "e2e/artifacts/kitty-phone.png", fullPage: true }).catch(() => {});
  await a.screenshot({ path: "e2e/artifacts/kitty-desktop.png", fullPage: true }).catch(() => {});
  // B's signed-out visit to the join link; the reads tried while offline.
  const expected = /status of 401 |ERR_INTERNET_DISCONNECTED/;
  assert.deepEqual(problemsA.filter((p) => !expected.test(p)), []);
  // B asked for the payment's receipt before there was one: the one 404.
  const noReceipt = /status of 404 /;
  assert.ok(problemsB.filter((p) => noReceipt.test(p)).length <= 1, problemsB.join("\n"));
  assert.deepEqual(problemsB.filter((p) => !expected.test(p) && !noReceipt.test(p)), []);
  await ctxA.close();
  await ctxB.close();
});
