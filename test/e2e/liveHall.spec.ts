// The live hall map in Chromium: all 90 windows on one 1440×900 screen, a tile that changes within a
// second when a pad rates and when staff sign out (pad = real socket.io-client), and the window detail
// with the queue system's times by staff and item; an inspection's findings in the staff member's
// record; a city leader picking a center and seeing its windows only.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { connectPad, type TestPad } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { staffTheHall } from "../support/staffTheHall.ts";
import { chooseOption } from "./support/antdSelect.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
const SECOND = 1000;
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
let pad: TestPad | null = null;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock }), launchBrowser()]);
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
});
afterAll(async () => {
  pad?.close();
  await browser?.close();
  await server?.stop();
});

async function signedInPage(account: DemoAccount, lang: "zh-CN" | "en" = "zh-CN"): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: lang, timezoneId: "Asia/Shanghai", viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("用户名").fill(account.username);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("home-heading").waitFor({ timeout: 15_000 });
  await page.getByTestId("nav-live").click();
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 15_000 });
  return { page, close: () => context.close() };
}

/** How long until the tile of `number` satisfies `pred` (polled every animation frame). */
async function timeUntil(page: Page, number: number, pred: string): Promise<number> {
  const started = Date.now();
  await page.waitForFunction(
    ([n, body]) => {
      const tile = document.querySelector(`[data-testid="live-tile-${n}"]`);
      return tile !== null && (new Function("tile", `return ${body}`) as (t: Element) => boolean)(tile);
    },
    [number, pred] as const,
    { polling: "raf", timeout: 10 * SECOND },
  );
  return Date.now() - started;
}

describe("live hall map", () => {
  it("shows all 90 windows on one 1440×900 screen, zone by zone, state in words as well as colour", async () => {
    await staffTheHall(server.services.prisma, clock.now());
    const { page, close } = await signedInPage(accounts.SUPERVISOR);
    try {
      await expect(page.locator(".live-tile").count()).resolves.toBe(90);
      const last = await page.getByTestId("live-tile-90").boundingBox();
      expect(last).not.toBeNull();
      expect(last!.y + last!.height).toBeLessThanOrEqual(900);
      expect(await page.locator(".live-zone").count()).toBeGreaterThanOrEqual(6);
      // Every tile says its state in words, not only by colour
      const words = await page.locator('[data-testid="live-tile-state"]').allInnerTexts();
      expect(words.every((w) => w.trim().length > 0)).toBe(true);
      await screenshot(page, "live-hall");
    } finally {
      await close();
    }
  });

  it("a tile changes within a second when the pad rates and when the staff member signs out; the detail lists the day", async () => {
    const { prisma } = server.services;
    const post = await prisma.windowStaff.findFirstOrThrow({
      where: { backup: false, window: { active: true }, staff: { user: { isNot: null } } },
      orderBy: { windowId: "asc" },
      include: { staff: { include: { user: true } }, window: true },
    });
    await prisma.shift.updateMany({ where: { OR: [{ windowId: post.windowId }, { staffId: post.staffId }], endedAt: null }, data: { endedAt: clock.now() } });
    await prisma.queueTicket.updateMany({ where: { windowId: post.windowId, finishedAt: null }, data: { finishedAt: clock.now(), serviceSeconds: 240 } });
    const { page, close } = await signedInPage(accounts.SUPERVISOR);
    try {
      const number = post.window.number;
      const staff = new ApiClient(server.url);
      await staff.login(post.staff.user!.username, accounts.STAFF.password);
      expect((await staff.post("/api/shifts/me/sign-in", { windowId: post.windowId })).status).toBe(201);
      await timeUntil(page, number, `tile.dataset.state === "IDLE" && tile.textContent.includes(${JSON.stringify(post.staff.name)})`);

      pad = await connectPad(server, post.windowId);
      await timeUntil(page, number, `tile.querySelector('[data-testid="live-tile-pad-online"]') !== null`);
      const ratingsBefore = await prisma.evaluation.count({ where: { windowId: post.windowId, ratedAt: { gte: new Date("2026-11-29T16:00:00.000Z") }, defaulted: false } });
      const ack = await pad.submit({ id: crypto.randomUUID(), level: 5, ratedAt: clock.now().toISOString() });
      expect(ack).toMatchObject({ ok: true });
      const afterRating = await timeUntil(page, number, `tile.querySelector('[data-testid="live-tile-satisfaction"]').textContent.endsWith("(${ratingsBefore + 1})")`);
      expect(afterRating).toBeLessThan(SECOND);

      expect((await staff.post("/api/shifts/me/sign-out")).status).toBe(200);
      const afterSignOut = await timeUntil(page, number, `tile.dataset.state === "UNATTENDED"`);
      expect(afterSignOut).toBeLessThan(SECOND);
      await expect.poll(() => page.getByTestId(`live-tile-${number}`).getByTestId("live-tile-state").innerText(), { timeout: 10_000 }).toContain("无人值守");
      console.log(`live tile: rating shown after ${afterRating} ms, sign-out after ${afterSignOut} ms`);

      await page.getByTestId(`live-tile-${number}`).click();
      const timeline = page.getByTestId("live-timeline");
      await timeline.waitFor();
      const text = await timeline.innerText();
      expect(text).toContain("签到");
      expect(text).toContain("评价 · 5 分");
      expect(text).toContain("签退");
      await page.getByTestId("live-week").waitFor();
      await screenshot(page, "live-hall-detail");

      // An inspection of the staff member is part of their record (工作人员 → 人员档案)
      await prisma.inspection.create({
        data: {
          clientId: crypto.randomUUID(),
          centerId: post.window.centerId,
          windowId: post.windowId,
          staffId: post.staffId,
          inspectorId: accounts.SUPERVISOR.userId,
          at: clock.now(),
          totalDeduction: 2,
          findings: { create: [{ checkCode: "APPEARANCE", passed: true, deduction: 0 }, { checkCode: "ON_POST", passed: false, deduction: 2 }] },
        },
      });
      await page.keyboard.press("Escape");
      await page.goto(`${server.url}/staff?departmentId=${post.staff.departmentId}`);
      await page.getByRole("button", { name: `人员档案 ${post.staff.name}` }).click();
      const record = page.getByTestId("staff-record");
      await expect.poll(() => record.getByTestId("staff-inspections").innerText(), { timeout: 10_000 }).toContain("−2");
      expect(await record.innerText()).toContain(post.staff.staffNo);
      expect(await record.getByTestId("staff-inspections").innerText()).toContain(`${post.window.number} ${post.window.name}`);
      await screenshot(page, "staff-record");
    } finally {
      await close();
    }
  });

  it("an administrator creates a queue-system key (shown once); its report turns a window to serving on the map", async () => {
    const { page, close } = await signedInPage(accounts.ADMIN);
    try {
      await page.getByTestId("nav-queueKeys").click();
      await page.getByTestId("queue-key-name").fill("大厅叫号系统");
      await page.getByTestId("queue-key-create").click();
      const key = (await page.getByTestId("queue-key-value").innerText()).trim();
      expect(key).toMatch(/^hwq_/);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByTestId("queue-keys-table").innerText(), { timeout: 10_000 }).toContain("大厅叫号系统");

      const window = await server.services.prisma.window.findFirstOrThrow({ where: { active: true }, orderBy: { number: "desc" } });
      await page.getByTestId("nav-live").click();
      await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 15_000 });
      const at = clock.now().toISOString();
      const res = await fetch(`${server.url}/api/queue/v1/tickets/called`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ eventId: "e2e-1", ticketNo: "C001", issuedAt: at, at, window: window.number }),
      });
      expect(res.status).toBe(201);
      expect(await timeUntil(page, window.number, `tile.dataset.state === "SERVING"`)).toBeLessThan(SECOND);

      // Finished 3 minutes after the call: the hall's and the window's queue times, by staff and item
      clock.advance(3 * 60_000);
      const finished = await fetch(`${server.url}/api/queue/v1/tickets/finished`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ eventId: "e2e-2", ticketNo: "C001", issuedAt: at, at: clock.now().toISOString(), window: window.number, invite: false }),
      });
      expect(finished.status).toBe(201);
      await timeUntil(page, window.number, `tile.dataset.state !== "SERVING"`);
      await expect.poll(() => page.getByTestId("live-hall-queue").innerText()).toMatch(/^今日全厅：平均等候 [\d.]+ 分钟 · 平均办理 [\d.]+ 分钟 · 已办 \d+$/);
      await page.getByTestId(`live-tile-${window.number}`).click();
      // The report named no item: its times are listed as not reported, 0 minutes' wait and 3 minutes' service
      await expect.poll(() => page.getByTestId("live-queue-by-item").innerText(), { timeout: 10_000 }).toMatch(/未上报\s+1\s+0 分钟\s+3 分钟/);
      await screenshot(page, "live-hall-queue-times");
    } finally {
      await close();
    }
  });

  it("a city leader picks a center and sees that center's windows only", async () => {
    const { prisma } = server.services;
    const first = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
    const other = await prisma.center.create({ data: { code: "E2E-COUNTY", name: "东城区政务服务中心", regionCode: "510102", settings: first.settings ?? {} } });
    const dept = await prisma.department.create({ data: { centerId: other.id, code: "SB", name: "东城区人力资源和社会保障局", shortName: "人社", liaisonEmails: [] } });
    for (const number of [1, 2, 3]) {
      await prisma.window.create({ data: { centerId: other.id, number, zone: "A区 综合受理", name: `综合窗口${number}`, departments: { create: [{ departmentId: dept.id }] } } });
    }
    const { page, close } = await signedInPage(accounts.CITY_LEADER);
    try {
      await expect.poll(() => page.locator(".live-tile").count()).toBe(90);
      await chooseOption(page, "live-center", other.name);
      await expect.poll(() => page.getByTestId("live-title").innerText(), { timeout: 10_000 }).toContain(other.name);
      await expect.poll(() => page.locator(".live-tile").count(), { timeout: 10_000 }).toBe(3);
      expect(await page.getByTestId("live-tile-1").getAttribute("aria-label")).toContain("1 号窗口");
      await chooseOption(page, "live-center", first.name);
      await expect.poll(() => page.locator(".live-tile").count(), { timeout: 10_000 }).toBe(90);
    } finally {
      await close();
    }
  });

  it("a liaison's map holds only the windows of their department", async () => {
    const { page, close } = await signedInPage(accounts.LIAISON);
    try {
      const own = await server.services.prisma.window.count({ where: { active: true, departments: { some: { departmentId: accounts.LIAISON.departmentId! } } } });
      await expect(page.locator(".live-tile").count()).resolves.toBe(own);
      expect(own).toBeLessThan(90);
    } finally {
      await close();
    }
  });
});
