// Screenshots of the main pages on a phone and a desktop, for a person to look at.
// Usage: node e2e/screenshots.mjs [out-dir]   (needs a built dist/ and target/debug/kitty-server)
import { launchBrowser, startServer, watchProblems } from "./browser.mjs";
import { mkdirSync } from "node:fs";

const out = process.argv[2] ?? "e2e/artifacts";
mkdirSync(out, { recursive: true });
const server = await startServer({ demo: true });
const browser = await launchBrowser();
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
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
      if (scheme === "light") {
        for (const path of ["inbox", "kitties", "account", "nope"]) {
          await page.goto(`${server.url}/${path}`);
          await page.waitForSelector("h1");
          await page.waitForTimeout(300);
          await page.screenshot({ path: `${out}/${path}-${name}.png`, fullPage: true });
        }
      }
      if (problems.length) console.log(`${name}/${scheme} problems:\n  ${problems.join("\n  ")}`);
      await context.close();
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
