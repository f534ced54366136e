// End to end: a person accepts an invitation from an inbox action, chooses how they are told
// (a preference), gets a test push, and is then blocked by a platform admin, which ends their
// session everywhere.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, startServer, watchProblems, registerInApp } from "./browser.mjs";

let server, browser;
before(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The demo person (a platform admin) through the API: a bearer token. */
async function demoToken() {
  const r = await fetch(`${server.url}/kpay/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "09120000000", password: "demo1234" }),
  });
  return (await r.json()).access_token;
}

test("an inbox action joins a kitty, a preference and a test push, then an admin blocks the person", async () => {
  const context = await browser.newContext(phone);
  const b = await context.newPage();
  const problems = watchProblems(b);
  b.on("dialog", (d) => d.accept());

  await b.goto(`${server.url}/register`);
  await registerInApp(b, server.url, { name: "Bahar Guest", mobile: "09127770401", password: "guest-pass" });
  await b.getByRole("heading", { name: "Hi, Bahar" }).waitFor();
  // A new person's Home: their personal kitty, and a clear way to start one to share.
  const start = b.getByRole("link", { name: "Start a kitty" });
  await start.waitFor();
  assert.equal(await start.getAttribute("href"), "/kitties");

  // The demo person invites Bahar to the demo kitty (set-up through the API).
  const token = await demoToken();
  const auth = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const kitties = await (await fetch(`${server.url}/ktti/api/v3/ktties`, { headers: auth })).json();
  const shared = kitties.ktties.find((k) => !k.is_personal);
  const invited = await fetch(`${server.url}/ktti/api/v3/ktties/${shared.id}/invitations`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ contact: "09127770401" }),
  });
  assert.equal(invited.status, 201);

  // The inbox item's button accepts it, once.
  await b.getByRole("link", { name: /Inbox/ }).first().click();
  await b.getByText("You were invited").waitFor();
  await b.getByRole("button", { name: "Accept and join" }).click();
  await b.getByText("✓ Done").waitFor();
  await b.getByRole("link", { name: "Kitties" }).first().click();
  await b.getByText(shared.name).first().waitFor();

  // Home lists the kitty she joined, with its balance, linking to its page (another bundle's).
  await b.getByRole("link", { name: "Home" }).first().click();
  const yours = b.getByRole("region", { name: "Your kitties" });
  const card = yours.getByRole("link", { name: new RegExp(shared.name) });
  await card.waitFor();
  const balance = `A$${(shared.available_balance / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
  assert.match(await card.textContent(), new RegExp(balance.replace(/[$.]/g, "\\$&")));
  assert.equal(await card.getAttribute("href"), `/kitties/${shared.id}`);
  assert.equal(await card.getAttribute("rel"), "external");
  assert.equal(await b.getByRole("link", { name: "Start a kitty" }).count(), 0, "no empty state once she has a kitty");
  let wider = await b.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wider <= 0, `Home is ${wider}px wider than the phone`);

  // Inbox items are links to what they are about, and can be marked read one at a time. Money
  // from her (the sandbox bank, matched by her name) brings her a new one.
  const deposited = await fetch(`${server.url}/sandbox/kitty-deposits`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ account_number: shared.account.account_number, amount: 2500, sender_name: "Bahar Guest" }),
  });
  assert.equal(deposited.status, 200, await deposited.text());
  await b.getByRole("link", { name: /Inbox/ }).first().click();
  const invitedItem = b.locator(".notice").filter({ hasText: "You were invited" });
  assert.equal(await invitedItem.getByRole("link", { name: "You were invited" }).getAttribute("href"), "/kitties");
  const deposit = b.locator(".notice").filter({ hasText: "Deposit received" });
  const link = deposit.getByRole("link", { name: "Deposit received" });
  assert.match(await link.getAttribute("href"), new RegExp(`^/kitties/${shared.id}/transactions/`));
  assert.equal(await link.getAttribute("rel"), "external");
  const unread = async () => Number((await b.getByTestId("inbox-count").textContent()).match(/(\d+) unread/)[1]);
  const before = await unread();
  assert.ok(before >= 1, `unread: ${before}`);
  const mark = deposit.getByRole("button", { name: /^Mark as read/ });
  await mark.focus();
  await b.keyboard.press("Enter");
  await b.waitForFunction((n) => document.querySelector("[data-testid=inbox-count]")?.textContent.includes(`${n} unread`), before - 1);
  assert.equal(await mark.count(), 0);
  assert.ok(await deposit.evaluate((li) => li === document.activeElement), "focus stays on the item");
  const badge = b.getByRole("navigation", { name: "Main" }).locator(".nav__badge");
  if (before > 1) assert.equal(await badge.textContent(), `${before - 1} unread`);
  else assert.equal(await badge.count(), 0);
  // It stays read: the server was told.
  await b.reload();
  await b.getByTestId("inbox-count").waitFor();
  assert.equal(await unread(), before - 1);
  wider = await b.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wider <= 0, `the inbox is ${wider}px wider than the phone`);

  // Preferences: deposits by email on, saved; then a test push arrives in the app.
  await b.goto(`${server.url}/account`);
  await b.getByLabel("Deposits by email").check();
  await b.getByText(/Saved: Deposits by email is on/).waitFor();
  await b.getByRole("button", { name: "Send a test push" }).click();
  await b.getByText(/Push notifications reach this device/).first().waitFor();
  // The KYC view: registered by mobile only, so no ramp record can be found by email yet.
  const kyc = b.getByTestId("kyc");
  await kyc.getByRole("heading", { name: "Identity checks (KYC)" }).waitFor();
  assert.equal(await kyc.getByTestId("kyc-status").textContent(), "Not verified");
  await kyc.getByText("Add an email to your account in Settings").waitFor();
  const wide = await b.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `the account page is ${wide}px wider than the phone`);

  // The admin finds Bahar and blocks her: her next request finds her signed out.
  const admin = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await admin.newPage();
  a.on("dialog", (d) => d.accept());
  await a.goto(`${server.url}/login`);
  await a.getByRole("button", { name: "Fill in the demo account" }).click();
  await a.getByRole("button", { name: "Sign in" }).click();
  await a.getByRole("heading", { name: /^Hi,/ }).waitFor();
  await a.goto(`${server.url}/account`);
  await a.getByLabel("Name, mobile or email").fill("Bahar");
  await a.getByRole("button", { name: "Search" }).click();
  await a.getByRole("button", { name: "Block" }).click();
  await a.getByText("Blocked", { exact: true }).first().waitFor();

  await b.getByRole("link", { name: /Inbox/ }).first().click();
  await b.getByRole("heading", { name: "Sign in" }).waitFor();
  await b.getByLabel("Mobile number or email").fill("09127770401");
  await b.getByLabel("Password").fill("guest-pass");
  await b.getByRole("button", { name: "Sign in" }).click();
  await b.getByText(/This account is blocked/).waitFor();

  await admin.close();
  await context.close();
  assert.deepEqual(problems.filter((p) => !p.includes("status of 40")), []);
});
