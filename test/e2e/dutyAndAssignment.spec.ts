// Issue #3's remaining screens in a real browser: a supervisor records a colleague's leave with an AB岗
// cover and watches the on-duty board show the cover at the absent colleague's window, paused; an
// administrator sets a window's regular and backup staff, uploads a staff photo through the form,
// changes an account's role (but not their own), and is refused a lunch break outside the hours.
// The server's clock stands on a Monday at 10:00 in Shanghai.
import path from "node:path";
import sharp from "sharp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { ARTIFACTS, launchBrowser } from "./support/browser.ts";
import { chooseOptionIn, selectOfField } from "./support/antdSelect.ts";

const clock = new ManualClock("2026-11-30T02:00:00Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
let centerId: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock }), launchBrowser()]);
  centerId = (await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  accounts = await demoAccounts(server, centerId);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(role: Role): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("用户名").fill(accounts[role].username);
  await page.getByLabel("密码").fill(accounts[role].password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.getByTestId("home-heading").waitFor({ timeout: 15_000 });
  return page;
}

/** Types into a server-searched staff picker and picks the option that names the person. */
// The shared chooser: one-shot clicks on the option were lost on a loaded machine (fresh-clone CI run)
const pickStaff = (page: Page, picker: ReturnType<Page["getByLabel"]>, name: string, staffNo: string): Promise<void> =>
  chooseOptionIn(page, selectOfField(picker), `${name}（${staffNo}）`, staffNo);

describe("supervisor: absences with cover and the on-duty board", () => {
  it("records leave with a cover; the board shows the cover at the absent colleague's window, paused", async () => {
    const { prisma } = server.services;
    const post = await prisma.windowStaff.findFirstOrThrow({
      where: { backup: false, staff: { active: true, centerId, user: { isNot: null }, absences: { none: {} } }, window: { active: true, shifts: { none: { endedAt: null } } } },
      include: { staff: true, window: true },
      orderBy: { windowId: "desc" },
    });
    const cover = await prisma.staff.findFirstOrThrow({ where: { centerId, active: true, departmentId: post.staff.departmentId, user: { isNot: null }, id: { not: post.staffId }, shifts: { none: { endedAt: null } } } });

    const page = await signIn("SUPERVISOR");
    try {
      await page.getByTestId("nav-duty").click();
      await page.getByTestId("duty-on-duty").waitFor();
      await expect.poll(() => page.getByTestId("duty-phase").textContent(), { timeout: 10_000 }).toBe("办公中");
      await page.getByRole("button", { name: "登记请假" }).click();
      const form = page.getByTestId("absence-form");
      await form.waitFor();
      await pickStaff(page, form.getByLabel("工作人员"), post.staff.name, post.staff.staffNo);
      await form.getByLabel("开始时间").fill("2026-11-30T08:00");
      await form.getByLabel("结束时间").fill("2026-11-30T07:00");
      await pickStaff(page, form.getByLabel("代班人员"), cover.name, cover.staffNo);
      await form.getByLabel("说明").fill("事假");
      await page.locator(".ant-drawer").getByRole("button", { name: "保存" }).click();
      // The shared schema refuses an end before the start, beside the field, before anything is sent
      await form.getByText("取值不正确").waitFor();
      expect(await prisma.staffAbsence.count({ where: { staffId: post.staffId } })).toBe(0);
      await form.getByLabel("结束时间").fill("2026-11-30T18:00");
      await page.locator(".ant-drawer").getByRole("button", { name: "保存" }).click();
      await page.getByText("已登记").waitFor();
      const absence = await prisma.staffAbsence.findFirstOrThrow({ where: { staffId: post.staffId } });
      expect([absence.coverStaffId, absence.kind, absence.startsAt.toISOString(), absence.endsAt.toISOString()]).toEqual([cover.id, "LEAVE", "2026-11-30T00:00:00.000Z", "2026-11-30T10:00:00.000Z"]);

      const absent = page.getByTestId("duty-absent");
      await absent.getByText(post.staff.name).waitFor();
      await absent.getByText("代班人员未签到").waitFor();
      await page.getByTestId("duty-absences").getByText("事假").waitFor();

      // The cover signs in to the absent colleague's window and pauses for a meeting
      const coverUser = await prisma.user.findUniqueOrThrow({ where: { staffId: cover.id } });
      const coverClient = new ApiClient(server.url);
      await coverClient.login(coverUser.username, "hallwatch-demo-2026");
      expect((await coverClient.post("/api/shifts/me/sign-in", { windowId: post.windowId })).status).toBe(201);
      expect((await coverClient.post("/api/shifts/me/pause", { reason: "MEETING" })).status).toBe(200);

      await page.getByRole("button", { name: "刷新" }).click();
      await absent.getByText(`已在 ${post.window.number} 号窗口签到`).waitFor();
      const onDuty = page.getByTestId("duty-on-duty").locator("tr", { hasText: cover.name });
      await onDuty.waitFor();
      await expect.poll(() => onDuty.textContent(), { timeout: 10_000 }).toContain(`${post.window.number} 号窗口`);
      await expect.poll(() => onDuty.textContent(), { timeout: 10_000 }).toContain("暂停：开会");
      await page.screenshot({ path: path.join(ARTIFACTS, "duty-board.png"), fullPage: true });
      await coverClient.post("/api/shifts/me/sign-out");
    } finally {
      await page.context().close();
    }
  });
});

describe("administrator: window staff, photo, role, hours", () => {
  it("sets a window's regular and AB岗 staff in the assignment dialog", async () => {
    const { prisma } = server.services;
    const window = await prisma.window.findFirstOrThrow({ where: { centerId, active: true, staff: { some: {} } }, include: { departments: true, staff: true }, orderBy: { number: "asc" } });
    const colleague = await prisma.staff.findFirstOrThrow({
      where: { centerId, active: true, departmentId: { in: window.departments.map((d) => d.departmentId) }, id: { notIn: window.staff.map((s) => s.staffId) } },
    });
    const page = await signIn("ADMIN");
    try {
      await page.goto(`${server.url}/windows`);
      await page.getByTestId("windows-table").waitFor();
      await page.getByRole("button", { name: `窗口人员 ${window.number}`, exact: true }).click();
      const dialog = page.getByRole("dialog");
      const list = dialog.getByTestId("window-staff-list");
      await list.locator(".ant-list-item").first().waitFor();
      expect(await list.locator(".ant-list-item").count()).toBe(window.staff.length);
      await pickStaff(page, dialog.getByLabel("添加人员"), colleague.name, colleague.staffNo);
      await dialog.getByRole("button", { name: "添加人员" }).click();
      await dialog.getByLabel(`岗位 ${colleague.name}`).getByText("AB岗").click();
      await page.screenshot({ path: path.join(ARTIFACTS, "window-staff.png") });
      await dialog.getByRole("button", { name: "保存" }).click();
      await page.getByText("已保存").first().waitFor();
      const rows = await prisma.windowStaff.findMany({ where: { windowId: window.id } });
      expect(rows).toHaveLength(window.staff.length + 1);
      expect(rows.find((r) => r.staffId === colleague.id)?.backup).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it("uploads a staff photo in the staff form; a file that is not an image is refused", async () => {
    const { prisma } = server.services;
    const staff = await prisma.staff.findFirstOrThrow({ where: { centerId, active: true, photoPath: null }, orderBy: { id: "asc" } });
    const jpeg = await sharp({ create: { width: 480, height: 640, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toBuffer();
    const page = await signIn("ADMIN");
    try {
      await page.goto(`${server.url}/staff?q=${encodeURIComponent(staff.staffNo)}`);
      await page.getByRole("button", { name: `编辑 ${staff.name}` }).click();
      const photo = page.getByTestId("staff-photo");
      await photo.waitFor();
      // Named .jpg but really text: the server sniffs the bytes
      await photo.locator('input[type="file"]').setInputFiles({ name: "not-a-photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<html>not an image</html>") });
      await photo.getByTestId("staff-photo-error").waitFor();
      await expect.poll(() => photo.getByTestId("staff-photo-error").textContent(), { timeout: 10_000 }).toContain("不是 JPEG、PNG 或 WebP 图片");
      expect((await prisma.staff.findUniqueOrThrow({ where: { id: staff.id } })).photoPath).toBeNull();

      await photo.locator('input[type="file"]').setInputFiles({ name: "证件照.jpg", mimeType: "image/jpeg", buffer: jpeg });
      await photo.getByTestId("staff-photo-saved").waitFor();
      const saved = await prisma.staff.findUniqueOrThrow({ where: { id: staff.id } });
      expect(saved.photoPath).toMatch(new RegExp(`^${staff.id}-`));
      // The form shows the stored 256 px rendition
      await expect.poll(() => photo.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
    } finally {
      await page.context().close();
    }
  });

  it("changes an account's role; their own role cannot be changed", async () => {
    const { prisma } = server.services;
    const target = await prisma.user.create({ data: { centerId, username: "e2e.role", displayName: "角色变更测试", role: "SUPERVISOR", passwordHash: "x" } });
    const page = await signIn("ADMIN");
    try {
      await page.goto(`${server.url}/users?q=e2e.role`);
      await page.getByRole("button", { name: "编辑 e2e.role" }).click();
      const form = page.getByTestId("user-form");
      await form.getByLabel("角色").click();
      await page.getByTitle("中心领导").click();
      await page.getByTestId("user-save").click();
      await page.getByText("已保存").waitFor();
      expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("LEADER");
      const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "change.userRole", entityId: String(target.id) } });
      expect((entry.after as { role: string }).role).toBe("LEADER");

      await page.goto(`${server.url}/users?q=${accounts.ADMIN.username}`);
      await page.getByRole("button", { name: `编辑 ${accounts.ADMIN.username}`, exact: true }).click();
      await expect(page.getByTestId("user-form").getByLabel("角色").isDisabled()).resolves.toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it("refuses a lunch break outside the opening hours, beside the field", async () => {
    const page = await signIn("ADMIN");
    try {
      await page.goto(`${server.url}/settings`);
      const form = page.getByTestId("settings-form");
      await form.waitFor();
      await form.getByLabel("午休开始").fill("08:00");
      await form.getByRole("button", { name: "保存" }).click();
      await form.getByText("午休须在办公时间之内开始").waitFor();
      const settings = (await server.services.prisma.center.findUniqueOrThrow({ where: { id: centerId } })).settings as { lunchStartsAt: string };
      expect(settings.lunchStartsAt).toBe("12:00");
    } finally {
      await page.context().close();
    }
  });
});
