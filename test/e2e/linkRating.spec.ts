// A citizen rates a completed case from the SMS link on a phone-sized screen (Chromium): the page opens
// from the link in the SMS the outbox sent, switches to English and back, takes a level, a reason and
// a comment, thanks the citizen, and the rating is stored with channel SMS; the link then says it was
// used. Every screen is scanned by axe-core and must fit the phone's width. Then the supervisor's 好差评
// report shows that rating among the day's figures.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDto } from "../../server/src/contracts/cases.ts";
import { dispatchNotifications } from "../../server/src/domain/notifications/outbox.ts";
import { ApiClient } from "../support/apiClient.ts";
import { caseFixture, citizen, type CaseFixture } from "../support/caseFixtures.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";

const AXE = path.resolve(import.meta.dirname, "..", "..", "node_modules", "axe-core", "axe.min.js");
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;
let staffAccount: DemoAccount;
let supervisorAccount: DemoAccount;
let fx: CaseFixture;
let centerId = 0;

beforeAll(async () => {
  server = await startTestServer();
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  centerId = center.id;
  const accounts = await demoAccounts(server, center.id);
  staffAccount = accounts.STAFF;
  supervisorAccount = accounts.SUPERVISOR;
  fx = await caseFixture(server, staffAccount.staffId!);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function axeViolations(page: Page, screen: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const ids = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  return ids.map((i) => `${screen} ${i}`);
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("rating a completed case from the SMS link, on a phone", () => {
  let caseId = 0;
  let caseNo = "";

  it("opens the link from the SMS, rates, thanks, and stores the rating with channel SMS; the link is used up", async () => {
    const staff = new ApiClient(server.url);
    await staff.login(staffAccount.username, staffAccount.password);
    const person = citizen(42);
    const accepted = await staff.post<CaseDto>("/api/cases", { windowId: fx.windowId, itemId: fx.itemId, ...person });
    expect(accepted.status).toBe(201);
    expect((await staff.post(`/api/cases/${accepted.body.id}/actions`, { action: "complete" })).status).toBe(200);
    caseId = accepted.body.id;
    caseNo = accepted.body.caseNo;
    const sent: { to: string; text: string }[] = [];
    await dispatchNotifications(server.services, { send: async (m) => void sent.push(m) });
    const sms = sent.find((m) => m.to === person.citizenPhone && m.text.includes("已办结"))!.text;
    // The SMS names the configured public address; the test server listens on its own port
    const link = new URL(/https?:\/\/\S+$/.exec(sms)![0]);
    expect(link.pathname).toBe("/kiosk/r");

    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const paths: string[] = [];
    page.on("request", (r) => paths.push(new URL(r.url()).pathname + new URL(r.url()).search));
    const violations: string[] = [];
    try {
      await page.goto(`${server.url}${link.pathname}${link.hash}`);
      await page.getByRole("heading", { name: "您对本次服务满意吗？" }).waitFor({ timeout: 15_000 });
      await page.getByText(`${caseNo.slice(0, 4)}*****${caseNo.slice(-4)}`).waitFor();
      expect(await page.getByText(accepted.body.itemName).count()).toBeGreaterThan(0);
      expect(await fitsWidth(page)).toBe(true);
      violations.push(...(await axeViolations(page, "choose")));
      await screenshot(page, "link-rating-choose");

      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { name: "How satisfied are you with this service?" }).waitFor();
      await page.getByRole("button", { name: "中文" }).click();

      await page.getByRole("button", { name: "满意", exact: true }).click();
      await page.getByRole("button", { name: "办理及时" }).click();
      await page.getByLabel("意见建议（可不填，最多 500 字）").fill("手机上评价很方便");
      expect(await fitsWidth(page)).toBe(true);
      violations.push(...(await axeViolations(page, "reasons")));
      await screenshot(page, "link-rating-reasons");
      await page.getByRole("button", { name: "提交评价" }).click();
      await page.getByRole("heading", { name: "感谢您的评价！" }).waitFor({ timeout: 15_000 });
      violations.push(...(await axeViolations(page, "thanks")));
      await screenshot(page, "link-rating-thanks");

      // The token never left the browser in a URL
      const token = link.hash.slice(1);
      expect(paths.filter((p) => p.includes(token))).toEqual([]);

      await page.reload();
      await page.getByText("该评价链接已使用，感谢您的评价").waitFor({ timeout: 15_000 });
      violations.push(...(await axeViolations(page, "used")));
    } finally {
      await context.close();
    }
    expect(violations).toEqual([]);

    const stored = await server.services.prisma.evaluation.findMany({ where: { caseId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ channel: "SMS", level: 4, reasons: ["L4-01"], comment: "手机上评价很方便", bound: true, defaulted: false });
  });

  it("the supervisor's 好差评 report shows today's rating, with both export buttons", async () => {
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/login`);
      await page.getByLabel("用户名").fill(supervisorAccount.username);
      await page.getByLabel("密码").fill(supervisorAccount.password);
      await page.getByRole("button", { name: /登\s*录/ }).click();
      await page.getByTestId("home-heading").waitFor({ timeout: 15_000 });
      await page.getByRole("link", { name: "好差评统计" }).click();
      await page.getByTestId("rating-reports-heading").waitFor();
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      await page.goto(`${server.url}/rating-reports?from=${today}&to=${today}&granularity=DAY&scope=HALL`);
      await page.getByTestId("rating-report-chart").waitFor({ timeout: 30_000 });
      const stored = await server.services.prisma.evaluation.count({ where: { centerId, defaulted: false, ratedAt: { gte: new Date(`${today}T00:00:00+08:00`) } } });
      const totals = page.getByTestId("rating-report-totals");
      await totals.getByRole("cell", { name: String(stored), exact: true }).first().waitFor();
      expect(await page.getByTestId("rating-report-export-excel").isEnabled()).toBe(true);
      expect(await page.getByTestId("rating-report-export-standard").isEnabled()).toBe(true);
      const download = page.waitForEvent("download");
      await page.getByTestId("rating-report-export-standard").click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`好差评数据_GBT39046_${today}_${today}.csv`);
      await screenshot(page, "rating-reports");
    } finally {
      await context.close();
    }
  });
});
