// The administrator enters a year the built-in calendar does not know yet (2027), in the browser: the
// page says the year is unknown, a holiday is added, the year is declared complete, and deadlines now
// treat that holiday as a day off.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCalendar } from "../../server/src/domain/calendar/officialCalendar.ts";
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the working-day calendar page", () => {
  it("lets an administrator enter 2027's National Day and declare the year complete", async () => {
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/login`);
      await page.getByLabel("用户名").fill("admin");
      await page.getByLabel("密码").fill(TEST_ADMIN_PASSWORD);
      await page.getByRole("button", { name: /登\s*录/ }).click();
      await page.getByTestId("home-heading").waitFor();
      await page.getByTestId("nav-calendar").click();
      await page.getByLabel("年份").fill("2027");
      await page.getByTestId("calendar-status").getByText("2027 年的法定节假日安排尚未录入", { exact: false }).waitFor();

      await page.getByLabel("日期").fill("2027-13-01");
      await page.getByLabel("名称").fill("国庆节");
      await page.getByRole("button", { name: "添加" }).click();
      await page.getByText("格式不正确").or(page.getByText("取值不正确")).first().waitFor();

      await page.getByLabel("日期").fill("2027-10-01");
      await page.getByRole("button", { name: "添加" }).click();
      await page.getByTestId("calendar-days").getByText("2027-10-01").waitFor();

      await page.getByLabel("依据", { exact: false }).fill("国务院办公厅关于 2027 年部分节假日安排的通知");
      await page.getByRole("button", { name: "确认 2027 年安排已全部录入" }).click();
      await page.getByTestId("calendar-status").getByText("2027 年的法定节假日和调休安排已知", { exact: false }).waitFor();
      await screenshot(page, "calendar-2027");
    } finally {
      await context.close();
    }
    const { prisma } = server.services;
    expect(await prisma.calendarDay.findMany({ where: { date: { startsWith: "2027-" } }, select: { date: true, kind: true, centerId: true } })).toEqual([
      { date: "2027-10-01", kind: "HOLIDAY", centerId: null },
    ]);
    expect(await prisma.calendarYear.findUnique({ where: { year: 2027 } })).not.toBeNull();
    const calendar = await loadCalendar(prisma, (await prisma.center.findFirstOrThrow()).id);
    expect(calendar.isWorkingDay("2027-10-01")).toBe(false);
    expect(calendar.isWorkingDay("2027-09-30")).toBe(true);
    const audited = await prisma.auditEntry.findMany({ where: { entity: { in: ["CalendarDay", "CalendarYear"] } }, select: { action: true } });
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });
});
