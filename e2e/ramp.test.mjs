// End to end on a phone: a partner sets credentials, deposits by M-Pesa STK push approved on the
// simulated handset, has a second deposit cancelled (1032), withdraws to a bank, pays a till and
// finds that payment again through KiotaPay's till look-up. On the developer pages it makes Fiat
// Connect credentials and signs a wallet in with a key made in the browser. The Ramp and its
// developer pages are bundles of their own: the nav links load them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, startServer, watchProblems, registerInApp } from "./browser.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The page is no wider than the screen. */
async function fitsTheScreen(page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `the page is ${wide}px wider than the screen at ${page.url()}`);
}

test("deposit by STK push, a cancelled one, a bank payout and a till payment found on KiotaPay", async () => {
  const context = await browser.newContext(phone);
  const p = await context.newPage();
  const problems = watchProblems(p);

  await p.goto(`${server.url}/register`);
  await registerInApp(p, server.url, { name: "Wanjiru Partner", mobile: "09127770301", password: "ramp-pass" });
  await p.getByRole("heading", { name: "Hi, Wanjiru" }).waitFor();

  // Into the Ramp bundle through the nav; with no credentials yet it says what to do.
  await p.getByRole("link", { name: "Ramp" }).first().click();
  await p.getByRole("navigation", { name: "Ramp" }).waitFor();
  await p.getByRole("link", { name: /Developers/ }).first().click();
  await p.getByLabel("Country").selectOption("KEN");
  await p.getByLabel("Phone number").fill("0712345678");
  await p.getByLabel("Password").fill("partner-pass");
  await p.getByRole("button", { name: "Save credentials" }).click();
  await p.getByText("Enter the number with the country code").first().waitFor();
  await p.getByLabel("Phone number").fill("254711000301");
  await p.getByRole("button", { name: "Save credentials" }).click();
  await p.getByText("254711000301").first().waitFor();
  await fitsTheScreen(p);

  // Fiat Connect, on the developer pages (a bundle of their own): credentials shown once, and a
  // wallet's sign-in signed in this browser with a sandbox key; the same message twice is refused.
  await p.getByRole("navigation", { name: "Developers" }).getByRole("link", { name: "Fiat Connect" }).click();
  await p.getByLabel("Webhook address").fill("wallet.example/hooks");
  await p.getByRole("button", { name: "Create credentials" }).click();
  await p.getByText("Enter an address that starts with https://").first().waitFor();
  await p.getByLabel("Webhook address").fill(`${server.url}/wallet-hooks`);
  await p.getByRole("button", { name: "Create credentials" }).click();
  await p.getByText(/^fc_/).waitFor();
  await p.getByText(/^whsec_/).waitFor();
  await p.getByRole("heading", { name: "No webhooks yet" }).waitFor();
  await p.getByRole("button", { name: "Make a sandbox key" }).click();
  const address = (await p.getByText(/^0x[0-9a-fA-F]{40}$/).textContent()).trim();
  await p.getByRole("button", { name: "Sign a message and sign in" }).click();
  await p.getByText(`As ${address} until`).waitFor();
  await p.getByText("this wallet has no fiat accounts yet").waitFor();
  await p.getByRole("button", { name: "Send the same message again" }).click();
  await p.getByText("401 NonceInUse").waitFor();
  await fitsTheScreen(p);

  // A deposit, approved with the PIN on the simulated handset (a second tab).
  const handsetPhone = "254722000301";
  await p.getByRole("navigation", { name: "Ramp" }).getByRole("link", { name: "Deposit" }).click();
  await p.getByLabel("Phone number").fill(handsetPhone);
  await p.getByLabel("Amount (KES)").fill("1500");
  await p.getByRole("button", { name: "Send the M-Pesa prompt" }).click();
  await p.getByText(/Waiting for .* to approve/).waitFor();
  const handset = await context.newPage();
  await handset.goto(`${server.url}/ramp/handset/${handsetPhone}`);
  await handset.getByLabel("Enter M-Pesa PIN").fill("1234");
  await handset.getByRole("button", { name: "Approve" }).click();
  await p.getByText("Received KES 1,500.00.").waitFor({ timeout: 10_000 });
  await handset.getByText(/Confirmed\. KES 1,500\.00 sent/).waitFor({ timeout: 10_000 });
  await fitsTheScreen(handset);

  // A second deposit, cancelled on the phone: the result code in words, and a retry.
  await p.getByRole("button", { name: "Start another" }).click();
  await p.getByLabel("Phone number").fill(handsetPhone);
  await p.getByLabel("Amount (KES)").fill("200");
  await p.getByRole("button", { name: "Send the M-Pesa prompt" }).click();
  await p.getByText(/Waiting for .* to approve/).waitFor();
  await handset.getByRole("button", { name: "Cancel" }).waitFor({ timeout: 10_000 });
  await handset.getByRole("button", { name: "Cancel" }).click();
  await p.getByText("You cancelled on your phone.").first().waitFor({ timeout: 10_000 });
  await p.getByRole("button", { name: "Try again" }).waitFor();

  // A withdrawal to a bank from the document's table.
  await p.goto(`${server.url}/ramp/send?to=bank`);
  await p.getByRole("combobox", { name: "Bank" }).selectOption({ label: "Equity Bank Kenya (68)" });
  await p.getByLabel("Name on the account").fill("Wanjiru Kamau");
  await p.getByLabel("Account number").fill("0123456789");
  await p.getByLabel("Amount (KES)").fill("300");
  await p.getByRole("button", { name: /Send|Withdraw/ }).last().click();
  await p.getByText("Sent KES 300.00.").waitFor({ timeout: 10_000 });
  await fitsTheScreen(p);

  // A till payment (free), then found again through KiotaPay.
  await p.goto(`${server.url}/ramp/send?to=till`);
  await p.getByLabel("Till number").fill("123456");
  await p.getByLabel("Amount (KES)").fill("99.50");
  await p.getByRole("button", { name: /Pay/ }).last().click();
  await p.getByText("Sent KES 99.50.").waitFor({ timeout: 10_000 });
  const requestId = (await p.locator(".ramp-status .mono").first().textContent()).trim();
  assert.match(requestId, /^[0-9a-f-]{36}$/);

  await p.getByRole("navigation", { name: "Ramp" }).getByRole("link", { name: "History" }).click();
  await p.getByText("Till payment").first().waitFor();
  await p.getByLabel("Request id").fill(requestId);
  await p.getByRole("button", { name: "Look up" }).click();
  await p.getByText("COMPLETED").waitFor();
  await fitsTheScreen(p);

  // The wallet: 1,500 in, 300 and 99.50 out.
  await p.getByRole("navigation", { name: "Ramp" }).getByRole("link", { name: "Overview" }).click();
  await p.getByText("KES 1,100.50").first().waitFor();

  // Wallets: a user with an address on every chain receives test cUSD and cashes part of it out
  // to M-Pesa through the escrow; the simulated handset gets the credit.
  await p.getByRole("navigation", { name: "Ramp" }).getByRole("link", { name: "Wallets" }).click();
  await p.getByLabel("Phone number", { exact: true }).fill(handsetPhone);
  await p.getByRole("button", { name: "Create the user" }).click();
  await p.getByRole("button", { name: "Receive 10 test cUSD" }).click();
  await p.getByText(/10(\.0+)? cUSD/).first().waitFor({ timeout: 10_000 });
  const mined = await fetch(`${server.url}/sandbox/chain/celo/mine`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ blocks: 1 }),
  });
  assert.ok(mined.ok);
  await p.getByText(/This wallet holds 10(\.0+)? cUSD/).waitFor({ timeout: 15_000 });
  await p.getByLabel("Amount of coins").fill("4");
  await p.getByText(/1 cUSD = KES/).first().waitFor();
  await p.getByRole("button", { name: "Review the cash-out" }).click();
  await p.getByRole("button", { name: /^Cash out/ }).click();
  await p.getByText(/^Sent KES 51\d\.\d\d\.$/).waitFor({ timeout: 15_000 });
  await handset.reload();
  await handset.getByText(/You have received KES 51\d\.\d\d from Kotani Pay/).first().waitFor({ timeout: 10_000 });
  await fitsTheScreen(p);

  // Back to the main bundle through the nav.
  await p.getByRole("link", { name: "Kitties" }).first().click();
  await p.getByRole("heading", { name: "Kitties" }).first().waitFor();

  await context.close();
  // The replayed sign-in's 401 is the one failed request the browser may report.
  const refused = /status of 401 \(Unauthorized\)/;
  assert.ok(problems.filter((x) => refused.test(x)).length <= 1, problems.join("\n"));
  assert.deepEqual(problems.filter((x) => !refused.test(x)), []);
});
