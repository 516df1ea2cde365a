// Appeals (申诉复核, #6) end to end on the demo hall: the rated staff member appeals a bad review once with
// a reason and evidence; a leader decides once with a reason; every refusal is a clear error that writes
// nothing; an upheld appeal takes the rating out of the window's and the staff member's score (recomputed
// through the assessment API) while the rating row stays byte for byte what it was, and the rating, appeal
// and decision stay readable by the auditor.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppealDto, BadReviewDto } from "../../server/src/contracts/appeals.ts";
import type { AssessmentRunDto, ScoreExplanationDto } from "../../server/src/contracts/assessmentApi.ts";
import type { Page } from "../../server/src/contracts/common.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { periodContaining } from "../../server/src/domain/assessment/periods.ts";
import { ApiClient, type ApiResponse } from "../support/apiClient.ts";
import { openSupervisorSocket } from "../support/supervisorSocket.ts";
import { downloadFile, uploadFile } from "../support/uploadFile.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

type ErrorBody = { error: { code: string; message: string; messageEn: string } };

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let centerId = 0;
const c = {} as Record<"leader" | "supervisor" | "auditor" | "rated" | "otherStaff" | "liaisonOwn" | "liaisonOther", ApiClient>;
/** The bad review under appeal, another bad review of the same staff member, a good one, and another staff member's bad one */
const ratings = { appealed: "", second: "", good: "", othersBad: "" };
let ratedStaffId = 0;
let ratedWindowId = 0;

function expectRefused(res: ApiResponse, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = res.body as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(body.error.messageEn.length).toBeGreaterThan(5);
}

const writes = async () => ({ appeals: await server.services.prisma.appeal.findMany({ orderBy: { id: "asc" } }), audit: await server.services.prisma.auditEntry.count() });
const photo = async () => Uint8Array.from(await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 20, g: 90, b: 160 } } }).jpeg().toBuffer());
const appealIdOf = async (evaluationId: string) => (await server.services.prisma.appeal.findUniqueOrThrow({ where: { evaluationId } })).id;
const rawRating = async (id: string) => JSON.stringify(await server.services.prisma.$queryRawUnsafe(`SELECT * FROM "Evaluation" WHERE "id" = ?`, id));

async function signIn(username: string, password = DEMO_PASSWORD): Promise<ApiClient> {
  const client = new ApiClient(server.url);
  const res = await client.login(username, password);
  expect(res.status).toBe(200);
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  const { prisma } = server.services;
  centerId = (await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  accounts = await demoAccounts(server, centerId);
  // A staff member with an account, two invited bad reviews (they count in scores) and a good one
  const bad = await prisma.evaluation.findMany({ where: { centerId, level: { lte: 2 }, bound: true, defaulted: false, staffId: { not: null }, windowId: { not: null } }, orderBy: { ratedAt: "desc" } });
  const users = await prisma.user.findMany({ where: { centerId, role: "STAFF", active: true }, select: { staffId: true, username: true } });
  const userOf = new Map(users.map((u) => [u.staffId, u.username]));
  const chosen = bad.find((r) => userOf.has(r.staffId) && bad.filter((b) => b.staffId === r.staffId).length >= 2)!;
  ratedStaffId = chosen.staffId!;
  ratedWindowId = chosen.windowId!;
  ratings.appealed = chosen.id;
  ratings.second = bad.find((b) => b.staffId === ratedStaffId && b.id !== chosen.id)!.id;
  ratings.good = (await prisma.evaluation.findFirstOrThrow({ where: { centerId, staffId: ratedStaffId, level: { gte: 3 } } })).id;
  const other = bad.find((b) => b.staffId !== ratedStaffId && userOf.has(b.staffId))!;
  ratings.othersBad = other.id;
  const ratedStaff = await prisma.staff.findUniqueOrThrow({ where: { id: ratedStaffId } });
  const liaisonOwn = await prisma.user.findFirstOrThrow({ where: { centerId, role: "LIAISON", departmentId: ratedStaff.departmentId } });
  const liaisonOther = await prisma.user.findFirstOrThrow({ where: { centerId, role: "LIAISON", departmentId: { not: ratedStaff.departmentId } } });
  c.leader = await signIn(accounts.LEADER.username);
  c.supervisor = await signIn(accounts.SUPERVISOR.username);
  c.auditor = await signIn(accounts.AUDITOR.username);
  c.rated = await signIn(userOf.get(ratedStaffId)!);
  c.otherStaff = await signIn(userOf.get(other.staffId)!);
  c.liaisonOwn = await signIn(liaisonOwn.username);
  c.liaisonOther = await signIn(liaisonOther.username);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe("filing an appeal", () => {
  it("the rated staff member sees their own bad reviews, each appealable once", async () => {
    const list = await c.rated.get<Page<BadReviewDto>>("/api/appeals/bad-reviews?pageSize=500");
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(2);
    for (const r of list.body.items) {
      expect(r.rating.staffId).toBe(ratedStaffId);
      expect(r.rating.level).toBeLessThanOrEqual(2);
    }
    expect(list.body.items.find((r) => r.rating.id === ratings.appealed)).toMatchObject({ appeal: null, canAppeal: true, counted: true });
  });

  it("refuses a good rating, another staff member's rating, a missing reason and a non-staff account, writing nothing", async () => {
    const before = await writes();
    expectRefused(await c.rated.post("/api/appeals", { evaluationId: ratings.good, reason: "评价与事实不符" }), 400, "APPEAL_NOT_BAD_REVIEW");
    expectRefused(await c.otherStaff.post("/api/appeals", { evaluationId: ratings.appealed, reason: "评价与事实不符" }), 403, "APPEAL_NOT_OWN");
    expectRefused(await c.rated.post("/api/appeals", { evaluationId: ratings.appealed }), 400, "VALIDATION_FAILED");
    expectRefused(await c.rated.post("/api/appeals", { evaluationId: ratings.appealed, reason: " " }), 400, "VALIDATION_FAILED");
    expectRefused(await c.rated.post("/api/appeals", { evaluationId: "no-such-rating", reason: "评价与事实不符" }), 404, "NOT_FOUND");
    expectRefused(await c.leader.post("/api/appeals", { evaluationId: ratings.appealed, reason: "评价与事实不符" }), 403, "FORBIDDEN");
    expect(await writes()).toEqual(before);
  });

  it("files once, audited, announced to the center's supervisors and the rated staff member's liaison; a second appeal is refused", async () => {
    const sockets = [openSupervisorSocket(server.url, c.supervisor), openSupervisorSocket(server.url, c.liaisonOwn), openSupervisorSocket(server.url, c.liaisonOther)];
    await Promise.all(sockets.map((s) => new Promise<void>((resolve, reject) => { s.once("connect", () => resolve()); s.once("connect_error", reject); })));
    const heard = sockets.map(() => [] as { data: { appealId: number; state: string; evaluationId: string } }[]);
    sockets.forEach((s, i) => s.on("appeal.changed", (env: (typeof heard)[number][number]) => heard[i]!.push(env)));
    const before = await writes();
    const res = await c.rated.post<AppealDto>("/api/appeals", { evaluationId: ratings.appealed, reason: "群众因材料不全被退回而给差评，窗口已一次性告知", evidence: "一次性告知书编号 2026-118，监控 10:02–10:15" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: "PENDING", staffId: ratedStaffId, evidence: expect.stringContaining("一次性告知书"), decidedAt: null, rating: { id: ratings.appealed, staffId: ratedStaffId } });
    const entry = await server.services.prisma.auditEntry.findFirstOrThrow({ where: { action: "file.appeal", entityId: String(res.body.id) } });
    expect(entry.centerId).toBe(centerId);
    const after = await writes();
    expect(after.audit).toBe(before.audit + 1);
    expectRefused(await c.rated.post("/api/appeals", { evaluationId: ratings.appealed, reason: "再次申诉" }), 400, "APPEAL_EXISTS");
    expect(await writes()).toEqual(after);
    await expect.poll(() => heard[1]!.length).toBe(1);
    await expect.poll(() => heard[0]!.length).toBe(1);
    expect(heard[0]![0]!.data).toMatchObject({ appealId: res.body.id, state: "PENDING", evaluationId: ratings.appealed });
    // Another department's liaison hears nothing of it (the supervisor's and the own liaison's arrived first)
    expect(heard[2]).toEqual([]);
    for (const s of sockets) s.close();
  });
});

describe("the evidence photo", () => {
  it("the filer attaches one to their pending appeal; it is stored re-encoded and readable in scope", async () => {
    const id = await appealIdOf(ratings.appealed);
    const before = await writes();
    expectRefused(await uploadFile(c.rated, `/api/appeals/${id}/photo`, new TextEncoder().encode("not an image at all"), "image/png"), 400, "NOT_AN_IMAGE");
    expectRefused(await uploadFile(c.otherStaff, `/api/appeals/${id}/photo`, await photo(), "image/jpeg"), 404, "NOT_FOUND");
    expectRefused(await uploadFile(c.liaisonOwn, `/api/appeals/${id}/photo`, await photo(), "image/jpeg"), 403, "FORBIDDEN");
    expect(await writes()).toEqual(before);
    const res = await uploadFile<AppealDto>(c.rated, `/api/appeals/${id}/photo`, await photo(), "image/jpeg");
    expect(res.status).toBe(200);
    expect(res.body.evidencePhoto).toBe(true);
    expect(await server.services.prisma.auditEntry.count({ where: { action: "update.appealPhoto", entityId: String(id) } })).toBe(1);
    const read = await downloadFile(c.auditor, `/api/appeals/${id}/photo`);
    expect(read.status).toBe(200);
    expect(read.type).toBe("image/webp");
    expect((await sharp(read.body).metadata()).width).toBe(1200);
    expect((await downloadFile(c.otherStaff, `/api/appeals/${id}/photo`)).status).toBe(404);
  });
});

describe("deciding an appeal", () => {
  const appealId = async () => (await server.services.prisma.appeal.findUniqueOrThrow({ where: { evaluationId: ratings.appealed } })).id;

  it("refuses a non-leader and a missing reason, writing nothing", async () => {
    const id = await appealId();
    const before = await writes();
    expectRefused(await c.supervisor.post(`/api/appeals/${id}/decide`, { decision: "UPHELD", reason: "经核实属实" }), 403, "FORBIDDEN");
    expectRefused(await c.rated.post(`/api/appeals/${id}/decide`, { decision: "UPHELD", reason: "经核实属实" }), 403, "FORBIDDEN");
    expectRefused(await c.leader.post(`/api/appeals/${id}/decide`, { decision: "UPHELD" }), 400, "VALIDATION_FAILED");
    expectRefused(await c.leader.post(`/api/appeals/${id}/decide`, { decision: "MAYBE", reason: "经核实属实" }), 400, "VALIDATION_FAILED");
    expect(await writes()).toEqual(before);
  });

  it("an upheld appeal takes the rating out of the window's and the staff member's score; the rating row is untouched", async () => {
    const { prisma } = server.services;
    const rating = await prisma.evaluation.findUniqueOrThrow({ where: { id: ratings.appealed } });
    const period = periodContaining("MONTH", rating.ratedAt);
    const score = async (kind: "WINDOW" | "STAFF", id: number) => {
      const run = await c.leader.post<AssessmentRunDto>("/api/assessment/runs", { periodKind: "MONTH", periodStart: period.label + "-01", fresh: true });
      expect(run.status).toBe(201);
      expect(run.body.state).toBe("DONE");
      const res = await c.leader.get<ScoreExplanationDto>(`/api/assessment/periods/${period.label}/scores/${kind}/${id}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const windowBefore = await score("WINDOW", ratedWindowId);
    const staffBefore = await score("STAFF", ratedStaffId);
    const rowBefore = await rawRating(ratings.appealed);

    const id = await appealId();
    const decided = await c.leader.post<AppealDto>(`/api/appeals/${id}/decide`, { decision: "UPHELD", reason: "经调取监控核实，差评与事实不符" });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ state: "UPHELD", decisionReason: "经调取监控核实，差评与事实不符", decidedById: accounts.LEADER.userId, decidedByName: expect.any(String) });
    expect(await prisma.auditEntry.count({ where: { action: "decide.appeal", entityId: String(id) } })).toBe(1);

    const windowAfter = await score("WINDOW", ratedWindowId);
    const staffAfter = await score("STAFF", ratedStaffId);
    expect(windowAfter.sampleSize).toBe(windowBefore.sampleSize - 1);
    expect(staffAfter.sampleSize).toBe(staffBefore.sampleSize - 1);
    expect(windowAfter.score).toBeGreaterThan(windowBefore.score);
    expect(staffAfter.score).toBeGreaterThan(staffBefore.score);
    expect(await rawRating(ratings.appealed)).toBe(rowBefore);
    expect(await prisma.evaluation.count({ where: { id: ratings.appealed } })).toBe(1);
  });

  it("is decided once", async () => {
    const id = await appealId();
    const before = await writes();
    expectRefused(await c.leader.post(`/api/appeals/${id}/decide`, { decision: "REJECTED", reason: "改判" }), 400, "APPEAL_DECIDED");
    expectRefused(await uploadFile(c.rated, `/api/appeals/${id}/photo`, await photo(), "image/jpeg"), 400, "APPEAL_DECIDED");
    expect(await writes()).toEqual(before);
  });

  it("a rejected appeal leaves the rating counted", async () => {
    const filed = await c.rated.post<AppealDto>("/api/appeals", { evaluationId: ratings.second, reason: "群众误评" });
    expect(filed.status).toBe(201);
    const rejected = await c.leader.post<AppealDto>(`/api/appeals/${filed.body.id}/decide`, { decision: "REJECTED", reason: "未提供有效证据" });
    expect(rejected.body.state).toBe("REJECTED");
    const mine = await c.rated.get<Page<BadReviewDto>>("/api/appeals/bad-reviews?pageSize=500");
    expect(mine.body.items.find((r) => r.rating.id === ratings.second)).toMatchObject({ counted: true, canAppeal: false, appeal: { state: "REJECTED" } });
    expect(mine.body.items.find((r) => r.rating.id === ratings.appealed)).toMatchObject({ counted: false, canAppeal: false, appeal: { state: "UPHELD" } });
  });
});

describe("who reads appeals", () => {
  it("the auditor reads the rating, the appeal and the decision", async () => {
    const list = await c.auditor.get<Page<BadReviewDto>>("/api/appeals/bad-reviews?appealState=UPHELD");
    expect(list.status).toBe(200);
    const row = list.body.items.find((r) => r.rating.id === ratings.appealed)!;
    expect(row).toMatchObject({ canAppeal: false, counted: false, appeal: { state: "UPHELD", reason: expect.any(String), decisionReason: expect.any(String) } });
    expect(row.rating.level).toBeLessThanOrEqual(2);
    const appeals = await c.auditor.get<Page<AppealDto>>("/api/appeals");
    expect(appeals.body.items.map((a) => a.rating.id)).toEqual(expect.arrayContaining([ratings.appealed, ratings.second]));
  });

  it("staff read only their own; liaisons only their department's; supervisors the center's", async () => {
    const own = await c.rated.get<Page<AppealDto>>("/api/appeals");
    expect(own.body.items.length).toBe(2);
    expect((await c.otherStaff.get<Page<AppealDto>>("/api/appeals")).body.total).toBe(0);
    expect((await c.otherStaff.get<Page<BadReviewDto>>("/api/appeals/bad-reviews?pageSize=500")).body.items.every((r) => r.rating.staffId !== ratedStaffId)).toBe(true);
    expect((await c.liaisonOwn.get<Page<AppealDto>>("/api/appeals")).body.total).toBe(2);
    expect((await c.liaisonOther.get<Page<AppealDto>>("/api/appeals")).body.total).toBe(0);
    expect((await c.supervisor.get<Page<AppealDto>>("/api/appeals?state=PENDING")).body.total).toBe(0);
    expect((await c.supervisor.get<Page<AppealDto>>("/api/appeals?state=UPHELD")).body.total).toBe(1);
    const id = own.body.items[0]!.id;
    expect((await c.otherStaff.get(`/api/appeals/${id}`)).status).toBe(404);
    expect((await c.liaisonOther.get(`/api/appeals/${id}`)).status).toBe(404);
    expect((await c.liaisonOwn.get(`/api/appeals/${id}`)).status).toBe(200);
  });
});

describe("at the same time", () => {
  it("two filings of one rating store one appeal; two decisions of one appeal store one decision", async () => {
    const { prisma } = server.services;
    const at = new Date(Date.now() - 3_600_000);
    const rating = await prisma.evaluation.create({
      data: { id: randomUUID(), centerId, windowId: ratedWindowId, staffId: ratedStaffId, channel: "HALL_PAD", level: 1, reasons: [], indicatorVersion: "hcp-hall-2026.1", bound: true, ratedAt: at, receivedAt: at },
    });
    const filed = await Promise.all([0, 1, 2].map(() => c.rated.post<AppealDto>("/api/appeals", { evaluationId: rating.id, reason: "群众误评" })));
    expect(filed.map((r) => r.status).sort()).toEqual([201, 400, 400]);
    for (const r of filed.filter((x) => x.status === 400)) expectRefused(r, 400, "APPEAL_EXISTS");
    const appeals = await prisma.appeal.findMany({ where: { evaluationId: rating.id } });
    expect(appeals).toHaveLength(1);
    expect(await prisma.auditEntry.count({ where: { action: "file.appeal", entityId: String(appeals[0]!.id) } })).toBe(1);

    const decided = await Promise.all((["UPHELD", "REJECTED"] as const).map((decision) => c.leader.post<AppealDto>(`/api/appeals/${appeals[0]!.id}/decide`, { decision, reason: "经核实" })));
    expect(decided.map((r) => r.status).sort()).toEqual([200, 400]);
    const winner = decided.find((r) => r.status === 200)!.body.state;
    expect((await prisma.appeal.findUniqueOrThrow({ where: { id: appeals[0]!.id } })).state).toBe(winner);
    expect(await prisma.auditEntry.count({ where: { action: "decide.appeal", entityId: String(appeals[0]!.id) } })).toBe(1);
  });
});
