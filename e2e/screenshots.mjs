// Screenshots of the main pages on a phone and a desktop, for a person to look at.
// Usage: node e2e/screenshots.mjs [out-dir]   (needs a built dist/ and target/debug/kitty-server)
import { cardNumber, launchBrowser, startServer, watchProblems } from "./browser.mjs";
import { mkdirSync } from "node:fs";

const out = process.argv[2] ?? "e2e/artifacts";
mkdirSync(out, { recursive: true });
const server = await startServer({ demo: true });
const browser = await launchBrowser();
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

// Some merchant data for the demo account, through the API.
const login = await fetch(`${server.url}/kpay/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "09120000000", password: "demo1234" }),
});
const { access_token } = await login.json();
const post = async (path, body) =>
  (await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${access_token}` },
    body: JSON.stringify(body),
  })).json();
// The demo seed made a shop and a card.
const get = async (path) => (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${access_token}` } })).json();
const shop = (await get("/kpay/shops")).shops[0];
const card = (await get("/kpay/cards")).cards[0];
const links = [];
for (const [amount, factor] of [[1250000, "INV-1001"], [480000, "INV-1002"], [2200000, "INV-1003"]]) {
  links.push(await post("/kpay/transactions/create", {
    shop_id: shop.id, card_id: card.id, amount, factor_number: factor, callback_url: "https://shop.example/paid", description: "Two books",
  }));
}
await fetch(`${server.url}/sandbox/card-transfers`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ card_number: cardNumber(), amount: links[0].final_amount }),
});

const kitties = await get("/ktti/api/v3/ktties");
const kittyId = kitties.ktties.find((k) => !k.is_personal).id;

try {
  for (const [name, viewport] of Object.entries(sizes)) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${server.url}/login`);
      await page.getByRole("button", { name: "Fill in the demo account" }).waitFor();
      await page.screenshot({ path: `${out}/login-${name}-${scheme}.png`, fullPage: true });
      await page.getByRole("button", { name: "Fill in the demo account" }).click();
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: /^Hi,/ }).waitFor();
      await page.waitForSelector(".notice");
      await page.screenshot({ path: `${out}/home-${name}-${scheme}.png`, fullPage: true });
      const pages = scheme === "light"
        ? ["inbox", "kitties", `kitties/${kittyId}`, `kitties/${kittyId}/members`, `kitties/${kittyId}/split`, `kitties/${kittyId}/settings`, `kitties/${kittyId}/chat`, `kitties/${kittyId}/card`, "kitties/all", "account", "nope", "merchant", "merchant/shops", "merchant/cards", "merchant/links/new", "merchant/transactions", `merchant/transactions/${links[0].id}`,
            "ramp", "ramp/deposit", "ramp/send", "ramp/send?to=bank", "ramp/send?to=paybill", "ramp/wallets", "ramp/verify", "ramp/ubi", "ramp/quotes", "ramp/history", "ramp/developers", "ramp/developers/fiatconnect", "ramp/handset/254722123456"]
        : ["merchant", "merchant/transactions", `kitties/${kittyId}`, "ramp", "ramp/handset/254722123456"];
      for (const path of pages) {
        await page.goto(`${server.url}/${path}`);
        await page.waitForSelector("h1");
        await page.waitForTimeout(400);
        const file = path.replace(kittyId, "demo").replace(/transactions\/[0-9a-f-]{36}/, "transactions_one").replaceAll("/", "_").replace("?to=", "-");
        await page.screenshot({ path: `${out}/${file}-${name}-${scheme}.png`, fullPage: true });
      }
      await page.goto(links[1].payment_url);
      await page.waitForSelector(".checkout__card");
      await page.screenshot({ path: `${out}/checkout-${name}-${scheme}.png`, fullPage: true });
      if (problems.length) console.log(`${name}/${scheme} problems:\n  ${problems.join("\n  ")}`);
      await context.close();
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
