// The public hall display in Chromium: loads without login at /display, shows a sign-in within a
// second, and recovers by itself when the server stops and a new one starts on the same port and
// database: the offline notice appears, then goes, and a change made on the new server shows up.
// Its clock is the server's (the hall PC's own clock is set years off here), and at 1920×1080 and
// 1366×768 (shown page by page) no zone name, window name, state or staff line is cut off, also with a
// staffed hall (display-hall.png, the README's picture of the display).
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { INDICATOR_VERSION } from "../../server/src/contracts/indicators.ts";
import { staffTheHall } from "../support/staffTheHall.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 Shanghai: the hall is open
const servers: TestServer[] = [];
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
let windowNumber = 0;
let windowId = 0;

beforeAll(async () => {
  servers.push(await startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } }));
  const { prisma } = servers[0]!.services;
  const center = await prisma.center.findFirstOrThrow();
  accounts = await demoAccounts(servers[0]!, center.id);
  const assignment = await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId!, backup: false }, include: { window: true } });
  windowId = assignment.windowId;
  windowNumber = assignment.window.number;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const s of servers.reverse()) await s.stop().catch(() => undefined);
});

const tile = (page: Page) => page.locator(`li[data-window="${windowNumber}"]`);

/** Texts on the screen wider than their box (shown with an ellipsis or clipped). */
const cutOff = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".zone h2, .tile-head, .tile-name, .tile-staff, header h1, header p, .legend li, .satisfaction span, .clock")]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > window.innerWidth || el.getBoundingClientRect().bottom > window.innerHeight)
      .map((el) => el.textContent),
  );

it("shows the hall without login, follows a sign-in, and recovers after the server restarts", async () => {
  const first = servers[0]!;
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1920, height: 1080 } });
  // The screen's own clock is wrong by years (08:00 on a summer day of 2030); the server says Monday 10:00
  await context.clock.install({ time: new Date("2030-06-01T00:00:00Z") });
  const page = await context.newPage();
  await page.goto(`${first.url}/display`);
  await expect.poll(() => tile(page).getAttribute("data-state"), { timeout: 10_000 }).toBe("UNATTENDED");
  await page.getByText("服务承诺").waitFor();
  await expect.poll(() => page.getByTestId("clock").textContent()).toMatch(/^10:0\d2026年11月23日星期一$/);
  // Today's hall satisfaction and the promises' ticker are on the screen
  expect(await page.getByTestId("satisfaction").textContent()).toContain("今日大厅满意度");
  expect(await page.locator(".ticker-run span").count()).toBeGreaterThan(10);
  // At 1920×1080 every window is on one page, and nothing is cut off
  await expect.poll(() => page.getByTestId("pages").count()).toBe(0);
  expect(await page.locator("li[data-window]").count()).toBe(90);
  expect(await cutOff(page)).toEqual([]);

  const staff = new ApiClient(first.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  expect((await staff.post("/api/shifts/me/sign-in", { windowId })).status).toBe(201);
  const signedInAt = Date.now(); // committed
  await expect.poll(() => tile(page).getAttribute("data-state"), { timeout: 5_000, interval: 25 }).toBe("IDLE");
  expect(Date.now() - signedInAt).toBeLessThan(1000);
  const staffRow = await first.services.prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId! } });
  await expect.poll(() => tile(page).textContent()).toContain(staffRow.staffNo);
  await screenshot(page, "display");

  // The server goes away: the screen says so and keeps the last picture
  const port = first.port;
  const dbUrl = `file:${path.join(first.dir, "test.db")}`;
  await first.close();
  await page.getByTestId("offline").waitFor({ timeout: 10_000 });
  expect(await tile(page).getAttribute("data-state")).toBe("IDLE");
  await screenshot(page, "display-offline");

  // A new server on the same port and database; the change made there reaches the screen
  const second = await startTestServer({ clock, env: { PORT: String(port), DATABASE_URL: dbUrl, SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } });
  servers.push(second);
  expect(second.port).toBe(port);
  expect((await staff.post("/api/shifts/me/sign-out")).status).toBe(200);
  await page.getByTestId("offline").waitFor({ state: "detached", timeout: 20_000 });
  await expect.poll(() => tile(page).getAttribute("data-state"), { timeout: 10_000 }).toBe("UNATTENDED");
  await screenshot(page, "display-recovered");

  // A smaller screen shows the zones page by page, each page uncut, and turns the pages by itself
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId("pages").waitFor();
  expect(await cutOff(page)).toEqual([]);
  const firstPage = await page.locator(".zone h2").allTextContents();
  expect(firstPage.length).toBeGreaterThan(0);
  expect(firstPage.length).toBeLessThan(8);
  await screenshot(page, "display-1366");
  await context.clock.runFor(13_000);
  await expect.poll(() => page.locator(".zone h2").allTextContents()).not.toEqual(firstPage);
  expect(await cutOff(page)).toEqual([]);

  // A busy morning on the big screen: most windows staffed (names and staff numbers fit their tiles), some
  // serving, a few paused; today's satisfaction from the ratings so far
  const { prisma } = second.services;
  await staffTheHall(prisma, clock.now());
  const center = await prisma.center.findFirstOrThrow();
  const rated = await prisma.shift.findMany({ where: { endedAt: null }, take: 40, select: { windowId: true, staffId: true } });
  await prisma.evaluation.createMany({
    data: rated.map((r, i) => ({ id: crypto.randomUUID(), centerId: center.id, windowId: r.windowId, staffId: r.staffId, channel: "HALL_PAD" as const, level: i % 13 === 0 ? 2 : 5 - (i % 3), reasons: [], indicatorVersion: INDICATOR_VERSION, bound: false, ratedAt: new Date(clock.now().getTime() - i * 60_000), receivedAt: clock.now() })),
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.reload();
  await expect.poll(() => page.locator('li[data-state="IDLE"]').count(), { timeout: 10_000 }).toBeGreaterThan(20);
  await expect.poll(() => page.getByTestId("satisfaction").textContent()).toMatch(/\d+\.\d%/);
  // The layout settles once the staffed tiles are drawn (read again until it has)
  await expect.poll(() => page.getByTestId("pages").count()).toBe(0);
  await expect.poll(() => cutOff(page)).toEqual([]);
  await screenshot(page, "display-hall");
  await context.close();
}, 90_000);
