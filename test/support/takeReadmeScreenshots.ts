// `npm run screenshots`: starts a demo server on a temp database and saves the README's pictures to
// docs/screenshots/, as a user sees the pages in Chromium (fonts-noto-cjk installed for Chinese).
import path from "node:path";
import { launchBrowser } from "../e2e/support/browser.ts";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { staffTheHall } from "./staffTheHall.ts";
import { startTestServer, TEST_ADMIN_PASSWORD } from "./testServer.ts";

const out = path.resolve(import.meta.dirname, "..", "..", "docs", "screenshots");
// A fixed working morning (Monday 10:00 in Shanghai), so the pictures never show a closed hall on a weekend
const clock = new ManualClock("2026-11-30T02:00:00.000Z");
const server = await startTestServer({ clock });
await staffTheHall(server.services.prisma, clock.now());
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
  // The live hall map: all 90 windows on one 1440×900 screen
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId("nav-live").click();
  await page.getByTestId("live-tile-90").waitFor();
  await page.screenshot({ path: path.join(out, "live-hall.png") });
  await page.setViewportSize({ width: 1366, height: 768 });
  // The public hall display on a 1920×1080 screen, no login
  const screen = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1920, height: 1080 } });
  const display = await screen.newPage();
  await display.goto(`${server.url}/display`);
  await display.locator('li[data-window="90"]').waitFor();
  await display.screenshot({ path: path.join(out, "display.png") });
  await screen.close();
  // An inspection (督查记录表) on a supervisor's tablet, 820×1180
  const tablet = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 820, height: 1180 }, hasTouch: true });
  const form = await tablet.newPage();
  await form.goto(`${server.url}/login`);
  await form.getByLabel("用户名").fill("supervisor");
  await form.getByLabel("密码").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: /登\s*录/ }).click();
  await form.getByTestId("home-heading").waitFor();
  await form.goto(`${server.url}/inspections/new`);
  await form.getByTestId("check-TIDINESS").getByText("不合格").click();
  await form.screenshot({ path: path.join(out, "inspection.png") });
  await tablet.close();
  // The supervisor's bad-review tickets (差评整改): the demo's last week of bad reviews in their steps
  const desk = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 768 } });
  const tickets = await desk.newPage();
  await tickets.goto(`${server.url}/login`);
  await tickets.getByLabel("用户名").fill("supervisor");
  await tickets.getByLabel("密码").fill(DEMO_PASSWORD);
  await tickets.getByRole("button", { name: /登\s*录/ }).click();
  await tickets.getByTestId("home-heading").waitFor();
  await tickets.goto(`${server.url}/rectifications`);
  await tickets.getByTestId("rectifications-table").locator("tbody tr").nth(3).waitFor();
  await tickets.waitForFunction(() => document.querySelector(".ant-spin-spinning") === null);
  await tickets.screenshot({ path: path.join(out, "rectifications.png") });
  await desk.close();
  // The public catalogue as a citizen's phone shows it
  const phone = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const catalog = await phone.newPage();
  await catalog.goto(`${server.url}/catalog`);
  await catalog.getByTestId("catalog-results").locator("a").first().waitFor();
  await catalog.screenshot({ path: path.join(out, "catalog.png") });
  await phone.close();
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
