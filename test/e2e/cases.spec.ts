// Time-limited completion in a real browser against a real server with a ManualClock: a staff member
// accepts, suspends, resumes and completes a case; a supervisor watches a case turn yellow and red as
// the clock moves and the deadline job runs (no sleeps); the overdue case proposes a slow-action
// record a leader confirms; a citizen looks the case up on the public page.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { runDueJobs } from "../../server/src/jobs/scheduler.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { caseFixture, type CaseFixture } from "../support/caseFixtures.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { pickOption, searchOption } from "./support/deskUi.ts";

// Monday 2026-11-23 10:00 in Shanghai
const clock = new ManualClock("2026-11-23T02:00:00Z");
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
let fx: CaseFixture;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Sessions must outlive the clock jumps of the test (a day and a half of hall time).
  [server, browser] = await Promise.all([
    startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "72" } }),
    launchBrowser(),
  ]);
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  fx = await caseFixture(server, accounts.STAFF.staffId!);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

async function signIn(role: Role): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("用户名").fill(accounts[role].username);
  await page.getByLabel("密码").fill(accounts[role].password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("home-heading").waitFor({ timeout: 15_000 });
  return page;
}

async function acceptInBrowser(page: Page, n: number): Promise<string> {
  await page.getByTestId("nav-cases").click();
  await page.getByTestId("accept-case").click();
  const window = await server.services.prisma.window.findUniqueOrThrow({ where: { id: fx.windowId } });
  await pickOption(page, "accept-window", `${window.number} ${window.name}`);
  const item = await server.services.prisma.serviceItem.findUniqueOrThrow({ where: { id: fx.itemId } });
  // Type into the item select's own search box (not page.keyboard): on a loaded machine the window
  // dropdown may still be closing and keystrokes sent to "whatever has focus" were lost (CI run 12).
  await searchOption(page, "accept-item", item.name);
  await page.getByLabel("申请人姓名").fill(`王${n}`);
  await page.getByLabel("身份证号").fill(`51010119800101${String(2000 + n)}`);
  await page.getByLabel("手机号").fill(`1390000${String(1000 + n)}`);
  await page.getByRole("button", { name: /确认受理/ }).click();
  await page.getByTestId("notice-title").waitFor({ timeout: 20_000 }).catch(async (err: unknown) => {
    await screenshot(page, "debug-accept");
    throw new Error(`${String(err)}\n${await page.locator("body").innerText()}`);
  });
  const caseNo = (await page.getByTestId("notice-case-no").textContent())!.trim();
  expect(caseNo).toMatch(/^20261123\d{5}$/);
  return caseNo;
}

describe("cases in the browser", () => {
  it("a staff member accepts, suspends, resumes and completes a case", async () => {
    const page = await signIn("STAFF");
    await page.getByTestId("staff-cases-card").waitFor();
    const caseNo = await acceptInBrowser(page, 1);
    expect(await page.locator("svg").count()).toBeGreaterThan(0); // the QR code on the notice
    await screenshot(page, "case-notice");

    await page.getByTestId(`case-${caseNo}-start`).click();
    await page.getByTestId("notice-state").getByText("办理中").waitFor();
    await page.getByTestId(`case-${caseNo}-suspend`).click();
    await page.getByLabel("原因", { exact: true }).fill("缺少户口簿复印件");
    await page.locator(".ant-modal-footer button.ant-btn-primary").click();
    await page.getByTestId("notice-state").getByText("补正中").waitFor();
    await page.getByTestId(`case-${caseNo}-resume`).click();
    await page.getByTestId("notice-state").getByText("办理中").waitFor();
    await page.getByTestId(`case-${caseNo}-complete`).click();
    await page.getByTestId("notice-state").getByText("已办结").waitFor();

    const row = await server.services.prisma.case.findFirstOrThrow({ where: { caseNo }, include: { transitions: true } });
    expect(row.state).toBe("COMPLETED");
    expect(row.transitions.map((t) => t.toState)).toEqual(["ACCEPTED", "IN_PROGRESS", "SUSPENDED", "IN_PROGRESS", "COMPLETED"]);
  });

  it("a supervisor sees a case turn yellow and red as the clock moves; a leader confirms the slow-action record; a citizen looks it up", async () => {
    // A one-day item and no early warning: Monday on time, Tuesday morning yellow (due today), Tuesday evening red.
    await server.services.prisma.serviceItem.update({ where: { id: fx.itemId }, data: { promisedLimitDays: 1 } });
    const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
    await server.services.prisma.center.update({ where: { id: center.id }, data: { settings: { ...(center.settings as object), warnWorkingDaysBefore: 0 } } });

    const staff = await signIn("STAFF");
    const caseNo = await acceptInBrowser(staff, 2);

    const supervisor = await signIn("SUPERVISOR");
    await supervisor.getByTestId("nav-cases").click();
    await supervisor.getByTestId("cases-heading").waitFor();
    // the demo quarter fills the list: narrow it to this case by its number, as a supervisor would
    await supervisor.goto(`${server.url}/cases?q=${caseNo}`);
    await supervisor.getByText("实时更新已连接").waitFor();
    const tag = supervisor.getByTestId(`warning-${caseNo}`);
    await runDueJobs(server.services);
    expect(await tag.getAttribute("data-warning")).toBe("NONE");

    clock.set("2026-11-24T01:00:00Z"); // Tuesday 09:00
    await runDueJobs(server.services);
    await supervisor.locator(`[data-testid="warning-${caseNo}"][data-warning="YELLOW"]`).waitFor();
    await screenshot(supervisor, "cases-yellow");

    clock.set("2026-11-24T09:30:00Z"); // Tuesday 17:30, after closing time
    await runDueJobs(server.services);
    await supervisor.locator(`[data-testid="warning-${caseNo}"][data-warning="RED"]`).waitFor();
    await screenshot(supervisor, "cases-red");

    const leader = await signIn("LEADER");
    await leader.getByTestId("nav-accountability").click();
    const kase = await server.services.prisma.case.findFirstOrThrow({ where: { caseNo } });
    const record = await server.services.prisma.accountabilityRecord.findUniqueOrThrow({ where: { sourceKey: `case:${kase.id}:overdue` } });
    expect(record).toMatchObject({ kind: "SLOW_ACTION", state: "PROPOSED" });
    await leader.getByTestId(`confirm-${record.id}`).click();
    await leader.getByLabel("决定理由").fill("超过承诺时限一日，按细则扣分");
    await leader.locator(".ant-modal-footer button.ant-btn-primary").click();
    await leader.getByTestId(`record-state-${record.id}`).getByText(/已确认/).waitFor();
    expect((await server.services.prisma.accountabilityRecord.findUniqueOrThrow({ where: { id: record.id } })).state).toBe("CONFIRMED");

    const citizen = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
    contexts.push(citizen.context());
    await citizen.goto(`${server.url}/lookup?caseNo=${caseNo}`);
    await citizen.getByLabel("手机号后 4 位").fill("1002");
    await citizen.getByRole("button", { name: /查\s*询/ }).click();
    await citizen.getByTestId("lookup-state").getByText("已受理").waitFor();
    const text = await citizen.getByTestId("lookup-result").textContent();
    expect(text).toContain("超期 1 个工作日");
    expect(text).not.toContain("王2"); // nothing personal is shown
    await screenshot(citizen, "case-lookup");
  });
});
