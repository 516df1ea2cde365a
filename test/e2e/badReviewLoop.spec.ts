// Issue #6's "done means" for the bad-review loop and appeals, in Chromium on a fresh server with the demo
// hall: a 非常不满意 on window 1's pad page (the real kiosk app) with a callback number opens a
// rectification ticket that a supervisor's 差评整改 page shows live (no reload); the staff member who
// served verifies it, fixes it, reveals the number for the call, records the callback and closes the
// ticket; another bad review of theirs is appealed with a photo as evidence, reaches the center leader's
// open list live and is upheld, and leaves the window's score (recomputed through the assessment API)
// while the auditor still reads the rating, the appeal and the decision; a ticket left past its step's
// working-day deadline shows under the overdue filter.
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentRunDto, ScoreExplanationDto } from "../../server/src/contracts/assessmentApi.ts";
import type { PairingCodeDto } from "../../server/src/contracts/devices.ts";
import type { InvitationDto } from "../../server/src/contracts/evaluations.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { connectPad, type TestPad } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { signInAs } from "./support/deskUi.ts";

// A working Monday, 10:00 in Shanghai: staff may sign in, and the week has begun.
const clock = new ManualClock("2026-11-30T02:00:00.000Z");
const PHONE = "13812345678";
let server: TestServer;
let browser: Browser;
let accounts: Record<Role, DemoAccount>;
const contexts: BrowserContext[] = [];
let pad: TestPad;
let staffApi: ApiClient;
let staff: { id: number; name: string; username: string };
let window1 = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } }), launchBrowser()]);
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  window1 = (await prisma.window.findFirstOrThrow({ where: { centerId: center.id, number: 1 } })).id;
  const post = await prisma.windowStaff.findFirstOrThrow({ where: { windowId: window1, backup: false }, include: { staff: { include: { user: true } } } });
  staff = { id: post.staffId, name: post.staff.name, username: post.staff.user!.username };
  staffApi = new ApiClient(server.url);
  await staffApi.login(staff.username, DEMO_PASSWORD);
  expect((await staffApi.post("/api/shifts/me/sign-in", { windowId: window1 })).status).toBe(201);
  pad = await connectPad(server, window1);
}, 120_000);
afterAll(async () => {
  pad?.close();
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

/** The staff member invites a rating (as their 邀请评价 button does) and a pad (socket.io-client) submits it, bound to it. */
async function rateOnPad(level: 1 | 2, extra: Record<string, unknown> = {}): Promise<string> {
  const invitation = await staffApi.post<InvitationDto>("/api/invitations", {});
  expect(invitation.status).toBe(201);
  const id = randomUUID();
  const ack = await pad.submit({ id, invitationId: invitation.body.id, level, reasons: [`L${level}-01`], ratedAt: clock.now().toISOString(), ...extra });
  expect(ack).toMatchObject({ ok: true, id });
  clock.advance(60_000);
  return id;
}

async function windowScore(leader: ApiClient): Promise<ScoreExplanationDto> {
  const run = await leader.post<AssessmentRunDto>("/api/assessment/runs", { periodKind: "WEEK", periodStart: "2026-11-30", fresh: true });
  expect(run.status).toBe(201);
  const score = await leader.get<ScoreExplanationDto>(`/api/assessment/periods/${run.body.period.label}/scores/WINDOW/${window1}`);
  expect(score.status).toBe(200);
  return score.body;
}

const openTicket = async (page: Page, id: string) => {
  await page.getByTestId(`rect-open-${id}`).click();
  await page.getByTestId("rect-drawer-state").waitFor();
};
const submitStep = async (page: Page, step: string) => {
  await page.getByTestId(`rect-step-${step}`).getByTestId("rect-submit").click();
  await page.getByTestId(`rect-step-${step}`).waitFor({ state: "detached", timeout: 10_000 });
};

describe("done means (#6): the bad-review loop and appeals", () => {
  it("a pad's 非常不满意 with a phone opens a ticket the supervisor sees live; staff verify, fix, call back and close", async () => {
    const supervisor = await signInAs(browser, server.url, accounts.SUPERVISOR.username, accounts.SUPERVISOR.password, contexts);
    await supervisor.getByTestId("nav-rectifications").click();
    await supervisor.getByTestId("rectifications-heading").waitFor();
    await supervisor.getByTestId("rect-live").getByText("实时").waitFor({ timeout: 10_000 });

    // The real pad page at window 1, paired with the administrator's one-time code, on the server's clock
    const admin = new ApiClient(server.url);
    await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
    const pairing = await admin.post<PairingCodeDto>("/api/devices", { windowId: window1, name: "1号窗口评价器" });
    expect(pairing.status).toBe(201);
    const padContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1280, height: 800 } });
    contexts.push(padContext);
    const kiosk = await padContext.newPage();
    await kiosk.clock.install({ time: clock.now() });
    await kiosk.goto(`${server.url}/kiosk/`);
    await kiosk.getByLabel("配对码").fill(pairing.body.code);
    await kiosk.getByRole("button", { name: "配对" }).click();
    await kiosk.getByText(staff.name).first().waitFor({ timeout: 10_000 });
    // The staff member invites (their 邀请评价 button); the citizen gives 非常不满意 and leaves a number
    expect((await staffApi.post<InvitationDto>("/api/invitations", {})).status).toBe(201);
    await kiosk.getByText("工作人员邀请您评价本次服务").waitFor({ timeout: 5_000 });
    await kiosk.getByRole("button", { name: "非常不满意", exact: true }).click();
    await kiosk.getByRole("button", { name: "推诿扯皮" }).click();
    await kiosk.getByLabel(/意见建议/).fill("材料要求前后不一致，让我跑了两趟");
    await kiosk.getByRole("button", { name: "提交评价" }).click();
    await kiosk.getByText("是否需要我们回访？").waitFor();
    for (const digit of PHONE) await kiosk.getByRole("group", { name: "手机号" }).getByRole("button", { name: digit, exact: true }).click();
    await kiosk.getByRole("checkbox").check();
    await kiosk.getByRole("button", { name: "提交", exact: true }).click();
    await kiosk.getByText("感谢您的评价！").waitFor({ timeout: 10_000 });
    const rating = await server.services.prisma.evaluation.findFirstOrThrow({ where: { windowId: window1, comment: "材料要求前后不一致，让我跑了两趟" } });
    expect(rating).toMatchObject({ level: 1, bound: true, staffId: staff.id });
    const ratingId = rating.id;
    clock.advance(60_000);
    // Live: the row appears on the open page without a reload
    await supervisor.getByTestId(`rect-state-${ratingId}`).getByText("待核实").waitFor({ timeout: 10_000 });
    const ticket = await server.services.prisma.rectification.findUniqueOrThrow({ where: { evaluationId: ratingId } });
    expect(ticket).toMatchObject({ ownerStaffId: staff.id, state: "VERIFY" });
    expect(ticket.citizenPhoneEnc).not.toContain(PHONE);
    await expect(supervisor.getByTestId("rectifications-table").getByText("138****5678").count()).resolves.toBeGreaterThan(0);
    await screenshot(supervisor, "bad-review-ticket-live");

    const desk = await signInAs(browser, server.url, staff.username, DEMO_PASSWORD, contexts);
    await desk.getByTestId("nav-rectifications").click();
    await openTicket(desk, ratingId);
    await desk.getByTestId("rect-verified").getByText("情况属实").click();
    await desk.getByTestId("rect-step-verify").getByTestId("rect-note").fill("调阅受理记录：两次告知的材料清单不一致，情况属实");
    await submitStep(desk, "verify");

    await desk.getByTestId("rect-resolution").getByText("立即整改").click();
    await desk.getByTestId("rect-step-resolve").getByTestId("rect-note").fill("已统一窗口材料清单并对当事人进行提醒");
    await submitStep(desk, "resolve");

    await desk.getByTestId("rect-phone").getByText("138****5678").waitFor();
    await desk.getByTestId("rect-reveal-phone").click();
    await desk.getByTestId("rect-phone").getByText(PHONE).waitFor();
    await desk.getByTestId("rect-reached").getByText("已联系上").click();
    await desk.getByTestId("rect-satisfied").getByText("满意", { exact: true }).click();
    await desk.getByTestId("rect-step-callback").getByTestId("rect-note").fill("已电话致歉并说明整改情况，群众表示满意");
    await submitStep(desk, "callback");
    await desk.getByTestId("rect-step-close").getByTestId("rect-submit").click();
    await desk.getByTestId("rect-drawer-state").getByText("已办结").waitFor({ timeout: 10_000 });
    await desk.getByTestId("rect-history").getByText("回访").first().waitFor();
    await screenshot(desk, "bad-review-ticket-closed");

    const closed = await server.services.prisma.rectification.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(closed).toMatchObject({ state: "CLOSED", verified: true, resolution: "FIX", callbackReached: true, callbackSatisfied: true });
    expect(await server.services.prisma.auditEntry.count({ where: { entityId: ticket.id } })).toBeGreaterThanOrEqual(4);
    // The supervisor's list follows without a reload
    await supervisor.getByTestId(`rect-state-${ratingId}`).getByText("已办结").waitFor({ timeout: 10_000 });
  });

  it("an upheld appeal takes another bad review out of the window's score; the auditor still reads rating, appeal and decision", async () => {
    const ratingId = await rateOnPad(2);
    const leaderApi = new ApiClient(server.url);
    await leaderApi.login(accounts.LEADER.username, accounts.LEADER.password);
    const rowBefore = JSON.stringify(await server.services.prisma.evaluation.findUniqueOrThrow({ where: { id: ratingId } }));

    // The leader's appeals list is open before the appeal arrives
    const leader = await signInAs(browser, server.url, accounts.LEADER.username, accounts.LEADER.password, contexts);
    await leader.getByTestId("nav-appeals").click();
    await leader.getByTestId("appeals-tab-appeals").click();
    await leader.getByTestId("appeals-table").waitFor();

    const desk = await signInAs(browser, server.url, staff.username, DEMO_PASSWORD, contexts);
    await desk.getByTestId("nav-appeals").click();
    await desk.getByTestId("appeals-heading").waitFor();
    await desk.getByTestId(`appeal-${ratingId}`).click();
    await desk.getByTestId("appeal-reason").fill("群众对收费标准有误解，窗口已按规定解释，并非服务问题");
    await desk.getByTestId("appeal-evidence").fill("收费依据文件 2026-12 号；窗口监控 10:01–10:06");
    const notice = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 240, g: 240, b: 230 } } }).jpeg().toBuffer();
    await desk.getByTestId("appeal-photo").setInputFiles({ name: "收费公示.jpg", mimeType: "image/jpeg", buffer: notice });
    await desk.getByTestId("appeal-submit").click();
    await desk.getByTestId(`review-appeal-state-${ratingId}`).getByText("待复核").waitFor({ timeout: 10_000 });
    const appeal = await server.services.prisma.appeal.findUniqueOrThrow({ where: { evaluationId: ratingId } });
    expect(appeal).toMatchObject({ staffId: staff.id, state: "PENDING", evidencePhotoPath: expect.stringMatching(/\.webp$/) });

    const before = await windowScore(leaderApi);
    // Live, without a reload
    await leader.getByTestId(`decide-${appeal.id}`).click({ timeout: 10_000 });
    await leader.getByTestId("decide-decision").getByText(/申诉成立/).click();
    await leader.getByTestId("decide-reason").fill("经调取监控，窗口已依规解释，差评与服务事实不符");
    await leader.getByTestId("decide-submit").click();
    await leader.getByTestId(`appeal-state-${appeal.id}`).getByText("申诉成立").waitFor({ timeout: 10_000 });
    const after = await windowScore(leaderApi);
    // The week's window had a 非常不满意 and this 不满意: without the latter its satisfaction is lower, not higher —
    // what matters is that the upheld rating is no longer counted, and the explanation says why
    expect(after.sampleSize).toBe(before.sampleSize - 1);
    expect(after.score).not.toBe(before.score);
    const upheldLine = (s: ScoreExplanationDto) => s.lines.map((l) => l.reason).find((r) => r.includes("申诉成立"));
    expect(upheldLine(before) ?? "申诉成立0条").toContain("申诉成立0条");
    expect(upheldLine(after)).toContain("申诉成立1条");
    expect(JSON.stringify(await server.services.prisma.evaluation.findUniqueOrThrow({ where: { id: ratingId } }))).toBe(rowBefore);

    const auditor = await signInAs(browser, server.url, accounts.AUDITOR.username, accounts.AUDITOR.password, contexts);
    await auditor.getByTestId("nav-appeals").click();
    const state = auditor.getByTestId(`review-appeal-state-${ratingId}`);
    await state.getByText("申诉成立").waitFor({ timeout: 10_000 });
    await state.getByText("不计入").waitFor();
    await auditor.getByTestId("bad-reviews-table").locator(`tr[data-row-key="${ratingId}"] .ant-table-row-expand-icon`).click();
    const details = auditor.getByTestId(`appeal-details-${ratingId}`);
    await details.getByText("群众对收费标准有误解").waitFor();
    await details.getByText("经调取监控，窗口已依规解释").waitFor();
    // The evidence photo loads for the auditor too
    await expect.poll(() => details.locator(`img[data-testid="appeal-photo-${appeal.id}"], [data-testid="appeal-photo-${appeal.id}"] img`).first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(800);
    await screenshot(auditor, "appeal-upheld-auditor");
    // English second: the same view in the other language
    await auditor.getByTestId("language-switch").click();
    await state.getByText("Upheld").waitFor();
    await state.getByText("Not counted").waitFor();
    await details.getByText("Reason for the decision").waitFor();
    await auditor.getByTestId("language-switch").click();
  });

  it("a ticket whose step passed its working-day deadline shows under the overdue filter", async () => {
    const ratingId = await rateOnPad(1);
    // Verification is due within one working day: on Wednesday it is late
    clock.advance(2 * 24 * 3_600_000);
    const supervisor = await signInAs(browser, server.url, accounts.SUPERVISOR.username, accounts.SUPERVISOR.password, contexts);
    await supervisor.getByTestId("nav-rectifications").click();
    // Unfiltered, the list holds the first test's closed ticket too
    const closed = await server.services.prisma.rectification.findFirstOrThrow({ where: { state: "CLOSED", ownerStaffId: staff.id } });
    await supervisor.getByTestId(`rect-state-${closed.id}`).getByText("已办结").waitFor({ timeout: 10_000 });
    await supervisor.getByTestId(`rect-overdue-${ratingId}`).getByText("已超期").waitFor();
    await supervisor.getByTestId("rect-filter-overdue").click();
    // A closed ticket is not late work: it leaves; the late one stays
    await supervisor.getByTestId(`rect-state-${closed.id}`).waitFor({ state: "detached", timeout: 10_000 });
    await supervisor.getByTestId(`rect-overdue-${ratingId}`).getByText("已超期").waitFor();
    expect(new URL(supervisor.url()).searchParams.get("overdue")).toBe("1");
    await screenshot(supervisor, "bad-review-overdue-filter");
  });
});
