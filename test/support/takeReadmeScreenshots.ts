// `npm run screenshots`: starts a demo server on a temp database and saves the README's pictures to
// docs/screenshots/, as a user sees the pages in Chromium (fonts-noto-cjk installed for Chinese).
import path from "node:path";
import { launchBrowser } from "../e2e/support/browser.ts";
import { startTestServer, TEST_ADMIN_PASSWORD } from "./testServer.ts";

const out = path.resolve(import.meta.dirname, "..", "..", "docs", "screenshots");
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.screenshot({ path: path.join(out, "login.png") });
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill(TEST_ADMIN_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("home-heading").waitFor();
  await page.screenshot({ path: path.join(out, "admin-home.png") });
  await page.getByTestId("nav-windows").click();
  await page.getByRole("table").waitFor();
  await page.getByText("企业开办综合窗口").first().waitFor();
  await page.screenshot({ path: path.join(out, "windows.png") });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
