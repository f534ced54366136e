// End to end: the release build of the app, served by the real server with a fresh database,
// driven in real Chromium. Run with `node --test e2e/` after scripts/test has built both.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { checkAxe, launchBrowser, startServer, watchProblems, registerInApp } from "./browser.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Console errors other than the 401s of a wrong password and the 409 of a taken mobile, which the journey causes on purpose. */
const unexpected = (problems) =>
  problems.filter((p) => !/status of (401 \(Unauthorized\)|409 \(Conflict\)|422 \(Unprocessable Entity\))/.test(p));

async function signIn(page, username, password) {
  await page.getByLabel("Mobile number or email").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page) {
  await page.getByRole("link", { name: "Account" }).first().click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
}

test("register, sign out, wrong password, sign in, deep link returns after sign-in", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = watchProblems(page);

  // Register in two steps: the name and an email, then the code the sandbox outbox shows (opened
  // from the page's own link, in a new tab) with a password. It lands on the dashboard.
  await page.goto(`${server.url}/register`);
  assert.equal(await page.title(), "Create account · Kitty");
  await page.getByLabel("Full name").fill("Nadia Rahimi");
  await page.getByRole("textbox", { name: "Your email address" }).fill("Nadia@Example.com");
  await page.getByRole("button", { name: "Send me a code" }).click();
  await page.getByRole("heading", { name: "Enter your code" }).waitFor();
  assert.match(await page.getByTestId("register-code-sent").textContent(), /nadia@example\.com/);
  const [outbox] = await Promise.all([context.waitForEvent("page"), page.getByTestId("register-outbox-link").click()]);
  const message = outbox.getByText(/Kitty code is \d{6}/).first();
  await message.waitFor();
  const code = (await message.textContent()).match(/code is (\d{6})/)[1];
  await outbox.close();
  await page.getByLabel("6-digit code").fill(code === "000000" ? "000001" : "000000");
  await page.getByLabel("Password").fill("kitty-pass");
  await page.getByRole("button", { name: "Show password" }).click();
  assert.equal(await page.getByLabel("Password").getAttribute("type"), "text", "the password can be revealed");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.locator("#field-code-error").filter({ hasText: "4 tries left" }).waitFor();
  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Hi, Nadia" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/");
  assert.equal(await page.title(), "Home · Kitty");
  assert.ok(await page.getByText("Sandbox", { exact: true }).isVisible(), "sandbox badge shows");
  assert.ok(await page.getByRole("navigation", { name: "Main" }).isVisible());

  // In-app navigation puts focus on the new page's heading, not on the link that was clicked.
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Inbox" }).click();
  await page.getByRole("heading", { name: "Inbox" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Inbox");
  await nav.getByRole("link", { name: "Home" }).press("Enter");
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Hi, Nadia");

  // A slow answer says so: "Still loading…" after about four seconds, then the page.
  await page.route("**/ktti/api/v2/notifications/inbox", async (route) => {
    await new Promise((r) => setTimeout(r, 6_000));
    await route.continue().catch(() => {});
  });
  const asked = Date.now();
  await nav.getByRole("link", { name: "Inbox" }).click();
  await page.getByText("Still loading…").first().waitFor({ timeout: 6_000 });
  assert.ok(Date.now() - asked >= 3_500, "not before the wait is long");
  await page.getByText("No notifications yet").waitFor();
  await page.unroute("**/ktti/api/v2/notifications/inbox");

  // The session is in HttpOnly cookies: script sees only the CSRF token, storage holds nothing.
  const visible = await page.evaluate(() => ({
    cookie: document.cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));
  assert.match(visible.cookie, /kitty_csrf=/);
  assert.doesNotMatch(visible.cookie, /kitty_session|kitty_refresh/);
  // Only the note that a page was just handed to another bundle (a path and a time).
  assert.ok(visible.session.every((k) => k === "kitty_handover"), `sessionStorage: ${visible.session}`);
  // Only the theme, this browser's device id (a random name for the Devices list, no secret),
  // the server's public configuration, and the person's last reads kept for reading offline
  // (src/api/offline.rs) — none of them a credential.
  const kept = (k) => ["kitty-theme", "kitty_device_id", "kitty-config", "kitty-offline-owner", "kitty-offline-index"].includes(k) || k.startsWith("kitty-offline:");
  assert.ok(visible.local.every(kept), `localStorage: ${visible.local}`);
  assert.ok(visible.local.some((k) => k.startsWith("kitty-offline:")), "the last reads are kept for offline");
  const values = await page.evaluate(() => Object.values(localStorage).join("\n"));
  assert.doesNotMatch(values, /access_token|refresh_token|kitty_session|kitty_refresh|kitty_csrf/);

  // Sign out.
  await signOut(page);
  assert.equal(new URL(page.url()).search, "", "signing out on purpose does not ask to come back");
  assert.equal(await page.evaluate(() => document.cookie.includes("kitty_csrf")), false);
  // Nothing kept for reading offline stays behind the person who signed out.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("kitty-offline"))), []);

  // Registering the same email again says so on the field, at the first step.
  await page.goto(`${server.url}/register`);
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByRole("textbox", { name: "Your email address" }).fill("nadia@example.com");
  await page.getByRole("button", { name: "Send me a code" }).click();
  await page.getByText("An account with this email already exists").waitFor();
  assert.equal(await page.getByLabel("Full name").inputValue(), "Someone Else", "the form keeps what was typed");

  // A wrong password shows an error and keeps the username.
  await page.goto(`${server.url}/login`);
  await signIn(page, "nadia@example.com", "wrong-password");
  await page.getByRole("alert").filter({ hasText: "do not match" }).waitFor();
  assert.equal(await page.getByLabel("Mobile number or email").inputValue(), "nadia@example.com");

  // The right one signs in.
  await page.getByLabel("Password").fill("kitty-pass");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Hi, Nadia" }).waitFor();
  await signOut(page);

  // A deep link to a protected page goes to sign-in, then back to where it pointed.
  await page.goto(`${server.url}/inbox`);
  await page.waitForURL(/\/login\?next=%2Finbox$/);
  await signIn(page, "nadia@example.com", "kitty-pass");
  await page.getByRole("heading", { name: "Inbox" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/inbox");
  await page.getByText("No notifications yet").waitFor();

  // The password changes on the Account page, knowing the current one.
  await page.getByRole("link", { name: "Account" }).first().click();
  await page.getByLabel("Current password").fill("kitty-pass");
  await page.getByLabel("New password").fill("kitty-pass-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await page.getByText("Password changed.").waitFor();

  // Forgotten anyway: a reset link goes to the email, which the sandbox outbox shows.
  await signOut(page);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Mobile number or email").fill("nadia@example.com");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await page.getByText("we sent it a link").waitFor();
  await page.getByRole("link", { name: "open the sandbox outbox" }).click();
  await page.getByRole("heading", { name: "Reset your Kitty password" }).waitFor();
  await page.getByRole("link", { name: "this link" }).click();
  await page.getByLabel("New password").fill("kitty-pass-3");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await page.getByText("Your password is changed").waitFor();
  await page.getByRole("link", { name: "Sign in" }).click();
  await signIn(page, "nadia@example.com", "kitty-pass-3");
  await page.getByRole("heading", { name: "Hi, Nadia" }).waitFor();

  // Social sign-in through the sandbox identity provider: cancelled once, then for real. The
  // provider's page is its own (server-rendered); it sends the browser back with an ID token.
  await signOut(page);
  await page.getByTestId("social-sign-in").click();
  await page.getByRole("heading", { name: "Sign in with Sandbox ID" }).waitFor();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByTestId("social-message").filter({ hasText: "You cancelled the sign-in." }).waitFor();
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await page.getByTestId("social-sign-in").click();
  await page.getByLabel("Your name").fill("Sam Social");
  await page.getByLabel("Your email").fill("sam@example.com");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Hi, Sam" }).waitFor();
  assert.equal(new URL(page.url()).hash, "", "the ID token does not stay in the address bar");

  assert.deepEqual(unexpected(problems), [], "no console errors (CSP violations would show here)");
  await context.close();
});

test("expired access tokens are refreshed once for all; a session that ended brings the person back with what they typed", async () => {
  const short = await startServer({ env: { KITTY_ACCESS_TTL_SECS: "2" } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const refreshes = [];
  page.on("request", (r) => r.url().endsWith("/ktti/api/v2/auth/refresh") && refreshes.push(Date.now()));
  await page.goto(`${short.url}/register`);
  await registerInApp(page, short.url, { name: "Omid Tester", mobile: "09125550202", password: "kitty-pass" });
  await page.getByRole("heading", { name: "Hi, Omid" }).waitFor();

  // Each visit finds the access token expired and sends several requests at once (the page's
  // data, invitations, the inbox badge): one refresh serves them all, and nobody is signed out.
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [link, heading] of [["Kitties", "Kitties"], ["Inbox", "Inbox"], ["Home", "Hi, Omid"], ["Kitties", "Kitties"], ["Account", "Account"]]) {
    await page.waitForTimeout(2_300);
    await nav.getByRole("link", { name: link }).click();
    await page.getByRole("heading", { name: heading }).first().waitFor();
    assert.doesNotMatch(page.url(), /\/login/, `still signed in on ${link}`);
  }
  assert.ok(refreshes.length >= 4 && refreshes.length <= 6, `one refresh per expiry: ${refreshes.length}`);

  // Now the session really ends (its refresh token is gone) while a form is half filled.
  await nav.getByRole("link", { name: "Kitties" }).click();
  await page.getByLabel("Kitty name").fill("Trip to Mombasa");
  const keep = (await context.cookies()).filter((c) => c.name !== "kitty_refresh");
  await context.clearCookies();
  await context.addCookies(keep);
  await page.waitForTimeout(2_300);
  await page.getByLabel("Search by name").fill("x");
  await page.waitForURL(/\/login\?next=%2Fkitties&ended=1$/);
  await page.getByText("Your session ended").waitFor();
  await signIn(page, "09125550202", "kitty-pass");
  await page.getByRole("heading", { name: "Kitties" }).first().waitFor();
  await page.waitForFunction(() => document.querySelector("input[name=name]")?.value === "Trip to Mombasa");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("kitty-draft")), null, "the kept draft is gone once restored");

  const expected = /status of 401 /; // the requests that found the session over
  assert.deepEqual(unexpected(problems).filter((p) => !expected.test(p)), []);
  await context.close();
  await short.stop();
});

test("unknown pages show a 404 page with a way home; the signed-out pages speak Swahili and Persian", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/no/such/page`);
  await page.getByRole("heading", { name: "This page does not exist" }).waitFor();
  assert.equal(await page.title(), "Page not found · Kitty");
  await page.close();

  // A browser set to Swahili gets the signed-out pages in Swahili, on a phone.
  const ctx = await browser.newContext({ locale: "sw-KE", viewport: { width: 390, height: 844 }, bypassCSP: true });
  const p = await ctx.newPage();
  const problems = watchProblems(p);
  await p.goto(`${server.url}/login`);
  await p.getByRole("heading", { name: "Ingia" }).waitFor();
  assert.deepEqual(await p.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["sw", "ltr"]);
  assert.equal(await p.title(), "Ingia · Kitty");
  await p.getByLabel("Namba ya simu au barua pepe").waitFor();
  await p.getByRole("button", { name: "Ingia" }).click();
  await p.getByText("Weka namba yako ya simu au barua pepe.").first().waitFor();
  await checkAxe(p, "the sign-in page in Swahili, phone");
  await p.getByRole("link", { name: "Fungua akaunti" }).click();
  await p.getByRole("heading", { name: "Fungua akaunti yako" }).waitFor();
  await checkAxe(p, "the registration page in Swahili, phone");

  // The picker changes the language, and the choice is remembered: Persian, right to left.
  await p.getByLabel("Lugha").selectOption("fa");
  await p.getByRole("heading", { name: "حساب خود را بسازید" }).waitFor();
  assert.deepEqual(await p.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["fa", "rtl"]);
  await checkAxe(p, "the registration page in Persian, phone");
  await p.emulateMedia({ colorScheme: "dark" });
  await checkAxe(p, "the registration page in Persian, phone, dark");
  await p.setViewportSize({ width: 1280, height: 800 });
  await p.goto(`${server.url}/login`);
  await p.getByRole("heading", { name: "ورود" }).waitFor();
  // Nothing is wider than the screen when it runs right to left.
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await checkAxe(p, "the sign-in page in Persian, desktop, dark");
  await p.getByLabel("رقم‌های فارسی").check();
  await p.getByRole("heading", { name: "ورود" }).waitFor();
  assert.equal(await p.getByLabel("رقم‌های فارسی").isChecked(), true);

  // And back to English.
  await p.getByLabel("زبان").selectOption("en");
  await p.getByRole("heading", { name: "Sign in" }).waitFor();
  assert.deepEqual(await p.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ["en", "ltr"]);
  await checkAxe(p, "the sign-in page in English, desktop, dark");
  assert.deepEqual(unexpected(problems), []);
  await ctx.close();
});
