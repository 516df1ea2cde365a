// First-inquiry responsibility in real browsers: a staff member registers an inquiry and hands it to a
// colleague at another window; the colleague sees it waiting, acknowledges and closes it with the
// answer; the first staff member sees it closed, and the supervisor's list shows the hand-over.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { confirmDialog, pickOption, signInAs } from "./support/deskUi.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
const contexts: BrowserContext[] = [];
let receiver = { username: "", name: "", staffId: 0, windowId: 0, windowLabel: "" };
let firstWindowLabel = "";

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "72" } }), launchBrowser()]);
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  const firstWindow = (await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId! }, include: { window: true }, orderBy: { windowId: "asc" } })).window;
  firstWindowLabel = `${firstWindow.number} ${firstWindow.name}`;
  const other = await prisma.user.findFirstOrThrow({
    where: { centerId: center.id, role: "STAFF", id: { not: accounts.STAFF.userId }, staff: { windows: { some: { windowId: { not: firstWindow.id } } } } },
    include: { staff: { include: { windows: { include: { window: true } } } } },
  });
  const target = other.staff!.windows.find((w) => w.windowId !== firstWindow.id)!.window;
  receiver = { username: other.username, name: other.staff!.name, staffId: other.staffId!, windowId: target.id, windowLabel: `${target.number} ${target.name}` };
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe("first inquiries in the browser", () => {
  it("register → hand over → the receiver acknowledges → closed", async () => {
    const { prisma } = server.services;
    const topic = "外地户口在本区办理居住证需要哪些材料";

    const first = await signInAs(browser, server.url, accounts.STAFF.username, accounts.STAFF.password, contexts);
    await first.getByTestId("nav-inquiries").click();
    await first.getByTestId("inquiries-heading").waitFor();
    await first.getByTestId("register-inquiry").click();
    await pickOption(first, "inquiry-window", firstWindowLabel);
    await first.getByLabel("咨询内容").fill(topic);
    await first.getByLabel("咨询人").fill("孙女士");
    await confirmDialog(first);
    await first.getByTestId("inquiries-table").getByText(topic).waitFor();
    const inquiry = await prisma.inquiry.findFirstOrThrow({ where: { topic } });
    await first.getByTestId(`inquiry-state-${inquiry.id}`).getByText("待答复").waitFor();

    await first.getByTestId(`inquiry-handover-${inquiry.id}`).click();
    await pickOption(first, "handover-window", receiver.windowLabel);
    await pickOption(first, "handover-staff", receiver.name);
    await first.getByLabel("转交说明").fill("属居住证窗口事项，请接收");
    await confirmDialog(first);
    await first.getByTestId(`inquiry-handovers-${inquiry.id}`).getByText(/待接收/).waitFor();
    await first.getByTestId(`inquiry-state-${inquiry.id}`).getByText("已转交").waitFor();
    // the first staff member stays responsible, but may not hand it on before it is acknowledged
    expect(await first.getByTestId(`inquiry-handover-${inquiry.id}`).count()).toBe(0);
    await screenshot(first, "inquiry-handed-over");

    const second = await signInAs(browser, server.url, receiver.username, DEMO_PASSWORD, contexts);
    await second.getByTestId("nav-inquiries").click();
    await second.getByTestId("inquiries-filter-waiting").click();
    await second.getByTestId(`inquiry-acknowledge-${inquiry.id}`).click();
    // acknowledged, it no longer waits for them: it leaves the filtered list and shows in the full one
    await second.getByTestId(`inquiry-handovers-${inquiry.id}`).waitFor({ state: "detached" });
    await second.getByTestId("inquiries-filter-waiting").click();
    await second.getByTestId(`inquiry-handovers-${inquiry.id}`).getByText(/已接收/).waitFor();
    await second.getByTestId(`inquiry-close-${inquiry.id}`).click();
    await second.getByLabel("答复内容").fill("已告知需身份证、居住登记凭证和照片，当场受理");
    await confirmDialog(second);
    await second.getByTestId(`inquiry-state-${inquiry.id}`).getByText("已办结").waitFor();
    await screenshot(second, "inquiry-closed-by-receiver");

    const row = await prisma.inquiry.findUniqueOrThrow({ where: { id: inquiry.id }, include: { handovers: true } });
    expect(row).toMatchObject({ state: "CLOSED", firstStaffId: accounts.STAFF.staffId, askerName: "孙女士" });
    expect(row.handovers).toHaveLength(1);
    expect(row.handovers[0]).toMatchObject({ toStaffId: receiver.staffId, toWindowId: receiver.windowId, note: "属居住证窗口事项，请接收" });
    expect(row.handovers[0]!.acknowledgedAt).not.toBeNull();

    await first.reload();
    await first.getByTestId(`inquiry-state-${inquiry.id}`).getByText("已办结").waitFor();

    const supervisor = await signInAs(browser, server.url, accounts.SUPERVISOR.username, accounts.SUPERVISOR.password, contexts);
    await supervisor.goto(`${server.url}/inquiries?q=${encodeURIComponent("居住证")}`);
    await supervisor.getByTestId(`inquiry-handovers-${inquiry.id}`).getByText(receiver.name, { exact: false }).waitFor();
    const href = await supervisor.getByTestId("inquiries-export").getAttribute("href");
    expect(href).toContain("/api/inquiries/export.xlsx?q=");
  }, 150_000); // three people sign in and work in turn: up to a minute on a loaded 2-core machine
});
