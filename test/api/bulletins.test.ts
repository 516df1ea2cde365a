// The monthly bulletin's lifecycle end to end (#9), against a real SMTP server (smtp-server on port 0):
// a leader generates drafts (progress), previews one (content and PDF), comments and releases; each
// liaison address receives one mail with the PDF attached, whose text names the department's staff;
// releasing or dispatching again sends nothing twice, an explicit resend sends the same bytes again; a
// failing mail server leads to retries with backoff (ManualClock), a visible FAILED delivery and a
// retry that gets it out; a released bulletin keeps its bytes whatever the data does later; without a
// mail server the mails land as .eml files in the outbox folder; the schedule generates last month's
// drafts on the configured working day, once; bad input is a 400 that writes nothing.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { BulletinDeliveryDto, BulletinDto, BulletinRunDto, BulletinSummaryDto, ReleaseResultDto } from "../../server/src/contracts/bulletins.ts";
import type { Page } from "../../server/src/contracts/common.ts";
import { settleBulletinWork } from "../../server/src/domain/bulletins/bulletinWork.ts";
import { collectBulletinContent } from "../../server/src/domain/bulletins/collectBulletinContent.ts";
import { backoffMs, deliverBulletins, MAX_ATTEMPTS } from "../../server/src/domain/bulletins/deliverBulletins.ts";
import { liaisonAddresses } from "../../server/src/domain/bulletins/liaisonAddresses.ts";
import { mailOutboxDir } from "../../server/src/domain/bulletins/mailTransport.ts";
import { runDueBulletinDrafts } from "../../server/src/jobs/bulletinJobs.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const MONTH = "2026-10";
// Friday 20 November 2026, 10:00 in Shanghai: October is over, November is not
const START = "2026-11-20T02:00:00Z";

type ErrorBody = { error: { code: string; message: string; messageEn: string } };

// ---------------------------------------------------------------------------------------------
// A real SMTP server, and just enough MIME to read what it received

interface Received {
  to: string[];
  raw: string;
}

function startSmtp() {
  const received: Received[] = [];
  const state = { reject: false };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (state.reject) {
          const err = Object.assign(new Error("mailbox temporarily unavailable"), { responseCode: 451 });
          callback(err);
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("latin1") });
        callback();
      });
    },
  });
  return { smtp, received, state };
}

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): MimePart {
  const at = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(at + 4) };
}

/** =?UTF-8?B?…?= / =?UTF-8?Q?…?= words of a header, decoded */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
    );
}

interface ParsedMail {
  to: string;
  subject: string;
  text: string;
  attachment: { filename: string; bytes: Buffer; contentType: string };
}

function parseMail(raw: string): ParsedMail {
  const top = splitPart(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers.get("content-type") ?? "")?.[1];
  if (!boundary) throw new Error("not multipart");
  const parts = top.body.split(`--${boundary}`).slice(1, -1).map((p) => splitPart(p.replace(/^\r\n/, "")));
  const decode = (p: MimePart) => {
    const cte = (p.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
    if (cte === "base64") return Buffer.from(p.body.replace(/\s+/g, ""), "base64");
    if (cte === "quoted-printable") return Buffer.from(p.body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1");
    return Buffer.from(p.body, "latin1");
  };
  const textPart = parts.find((p) => (p.headers.get("content-type") ?? "").startsWith("text/plain"))!;
  const pdfPart = parts.find((p) => (p.headers.get("content-disposition") ?? "").startsWith("attachment"))!;
  // RFC 2231 filename*0*=utf-8''…; filename*1*=… continuations
  const disposition = pdfPart.headers.get("content-disposition")!;
  const pieces = [...disposition.matchAll(/filename\*(\d+)?\*?=(?:utf-8'')?([^;]+)/gi)].sort((a, b) => Number(a[1] ?? 0) - Number(b[1] ?? 0));
  const filename = pieces.length > 0 ? decodeURIComponent(pieces.map((m) => m[2]!.replace(/^"|"$/g, "")).join("")) : (/filename="([^"]+)"/.exec(disposition)?.[1] ?? "");
  return {
    to: top.headers.get("to") ?? "",
    subject: decodeWords(top.headers.get("subject") ?? ""),
    text: decode(textPart).toString("utf8").replace(/\r\n/g, "\n"),
    attachment: { filename, bytes: decode(pdfPart), contentType: pdfPart.headers.get("content-type") ?? "" },
  };
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function pdfText(bytes: Uint8Array): Promise<string> {
  const file = path.join(os.tmpdir(), `bulletin-${randomUUID()}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    const { stdout } = await promisify(execFile)("/usr/bin/pdftotext", ["-layout", file, "-"], { maxBuffer: 32 * 1024 * 1024 });
    return stdout;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Binary GET with the client's cookies (ApiClient decodes bodies as text) */
async function getBytes(client: ApiClient, pathname: string) {
  const res = await fetch(new URL(pathname, client.baseUrl), { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function waitForRun(client: ApiClient, run: BulletinRunDto): Promise<BulletinRunDto> {
  const seen: number[] = [];
  let last = run;
  await vi.waitFor(
    async () => {
      const res = await client.get<BulletinRunDto>(`/api/bulletins/runs/${run.id}`);
      expect(res.status).toBe(200);
      last = res.body;
      seen.push(last.progress);
      expect(last.state).not.toBe("RUNNING");
    },
    { timeout: 60_000, interval: 50 },
  );
  // The bar never goes backwards
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  return last;
}

// ---------------------------------------------------------------------------------------------

const clock = new ManualClock(START);
const { smtp, received, state: smtpState } = startSmtp();
let server: TestServer;
let leader: ApiClient;
let supervisor: ApiClient;
interface Dept {
  id: number;
  code: string;
  name: string;
  addresses: string[];
  staffNames: string[];
}
let depts: Dept[] = [];
let centerId = 0;
let accounts: Awaited<ReturnType<typeof demoAccounts>>;

/** Moves the clock on; sessions idle longer than SESSION_IDLE_MINUTES end, so the clients sign in again. */
async function later(ms: number): Promise<void> {
  clock.advance(ms);
  await leader.login(accounts.LEADER.username, accounts.LEADER.password);
  await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
}

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const port = (smtp.server.address() as { port: number }).port;
  server = await startTestServer({ clock, env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "bulletin@center.example.gov.cn" } });
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  centerId = center.id;
  accounts = await demoAccounts(server, center.id);
  leader = new ApiClient(server.url);
  await leader.login(accounts.LEADER.username, accounts.LEADER.password);
  supervisor = new ApiClient(server.url);
  await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
  // Three departments with staff in the hall and more than one liaison address
  const departments = await prisma.department.findMany({ where: { centerId: center.id, active: true }, include: { staff: { where: { active: true, windows: { some: {} } }, select: { name: true } } }, orderBy: { id: "asc" } });
  depts = departments
    .filter((d) => d.staff.length > 0 && liaisonAddresses(d.liaisonEmails).length >= 2)
    .slice(0, 3)
    .map((d) => ({ id: d.id, code: d.code, name: d.name, addresses: liaisonAddresses(d.liaisonEmails), staffNames: d.staff.map((s) => s.name) }));
  expect(depts).toHaveLength(3);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const counts = async () => {
  const p = server.services.prisma;
  return { bulletins: await p.bulletin.count(), runs: await p.bulletinRun.count(), deliveries: await p.bulletinDelivery.count(), audit: await p.auditEntry.count() };
};

describe("bad input writes nothing", () => {
  it("answers 400 with code and messages for every malformed body or query", async () => {
    const before = await counts();
    const bad: [string, string, unknown][] = [
      ["POST", "/api/bulletins/generate", { month: "2026-13" }],
      ["POST", "/api/bulletins/generate", { month: "2026-10", extra: 1 }],
      ["POST", "/api/bulletins/generate", { month: "2026-10", departmentIds: [] }],
      ["POST", "/api/bulletins/generate", { month: "2026-10", departmentIds: [999_999] }],
      ["POST", "/api/bulletins/generate", { month: "2027-01" }],
      ["POST", "/api/bulletins/release", { month: "10/2026" }],
      ["POST", "/api/bulletins/release", { month: MONTH, bulletinIds: [999_999] }],
      ["POST", "/api/bulletins/release", { month: MONTH, comment: "x".repeat(2001) }],
    ];
    for (const [method, url, json] of bad) {
      const res = await leader.request<ErrorBody>(method, url, { json });
      expect(res.status, `${url} ${JSON.stringify(json)}`).toBe(400);
      expect(res.body.error.message.length).toBeGreaterThan(0);
      expect(res.body.error.messageEn.length).toBeGreaterThan(0);
    }
    expect((await leader.post<ErrorBody>("/api/bulletins/generate", { month: "2027-01" })).body.error.code).toBe("BULLETIN_MONTH_IN_FUTURE");
    for (const url of ["/api/bulletins?month=2026-1", "/api/bulletins?state=SENT", "/api/bulletins?pageSize=1000", "/api/bulletins/deliveries?state=LOST", "/api/bulletins/abc", "/api/bulletins/runs/0", "/api/bulletins/runs?month=10-2026", "/api/bulletins/runs"]) {
      expect((await leader.get(url)).status, url).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });

  it("a month that is not over cannot be released", async () => {
    const res = await leader.post<ErrorBody>("/api/bulletins/release", { month: "2026-11" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("BULLETIN_MONTH_NOT_OVER");
  });
});

let drafts: BulletinSummaryDto[] = [];

describe("generate, preview, comment", () => {
  it("generates drafts for the chosen departments with progress up to 1", async () => {
    const res = await leader.post<BulletinRunDto>("/api/bulletins/generate", { month: MONTH, departmentIds: [depts[0]!.id, depts[1]!.id] });
    expect(res.status).toBe(202);
    expect(res.body.month).toBe(MONTH);
    expect(res.body.departments).toBe(2);
    const run = await waitForRun(leader, res.body);
    expect(run).toMatchObject({ state: "DONE", progress: 1, departments: 2, generated: 2, error: null });
    expect(run.finishedAt).not.toBeNull();
    // Supervisors follow the run too, and find it among the month's runs (as a scheduled one would be found)
    expect((await supervisor.get(`/api/bulletins/runs/${run.id}`)).status).toBe(200);
    const runs = await supervisor.get<BulletinRunDto[]>(`/api/bulletins/runs?month=${MONTH}`);
    expect(runs.status).toBe(200);
    expect(runs.body[0]).toMatchObject({ id: run.id, state: "DONE", progress: 1 });
    expect((await supervisor.get<BulletinRunDto[]>(`/api/bulletins/runs?month=2026-01`)).body).toEqual([]);
    const list = await leader.get<Page<BulletinSummaryDto>>(`/api/bulletins?month=${MONTH}`);
    expect(list.body.total).toBe(2);
    drafts = list.body.items;
    expect(drafts.map((d) => d.department.id).sort()).toEqual([depts[0]!.id, depts[1]!.id].sort());
    for (const d of drafts) expect(d).toMatchObject({ state: "DRAFT", month: MONTH, revision: 1, releasedAt: null, pdfSha256: null, deliveries: { pending: 0, sent: 0, failed: 0 } });
  });

  it("previews a draft: the content for the HTML view and the PDF, its text naming the staff", async () => {
    const draft = drafts.find((d) => d.department.id === depts[0]!.id)!;
    const res = await leader.get<BulletinDto>(`/api/bulletins/${draft.id}`);
    expect(res.status).toBe(200);
    expect(res.body.content.department.id).toBe(depts[0]!.id);
    expect(res.body.content.month).toBe(MONTH);
    expect(res.body.content.staff.length).toBe(res.body.staffCount);
    expect(res.body.content.staff.length).toBeGreaterThan(0);
    const pdf = await getBytes(leader, `/api/bulletins/${draft.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const disposition = pdf.headers.get("content-disposition")!;
    expect(disposition).toContain(`filename="bulletin-${MONTH}-${depts[0]!.code}-draft.pdf"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${depts[0]!.name}2026年10月工作简报（草稿）.pdf`)}`);
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(pdf.bytes);
    for (const row of res.body.content.staff) expect(text).toContain(row.name);
  });

  it("a leader's comment is kept on the draft and rendered into its preview; regenerating keeps it", async () => {
    const draft = drafts.find((d) => d.department.id === depts[0]!.id)!;
    const comment = "窗口服务规范，群众满意度保持较高水平。";
    const res = await leader.request<BulletinDto>("PUT", `/api/bulletins/${draft.id}/comment`, { json: { comment } });
    expect(res.status).toBe(200);
    expect(res.body.content.comment).toBe(comment);
    expect((await pdfText((await getBytes(leader, `/api/bulletins/${draft.id}/pdf`)).bytes)).replace(/\s+/g, "")).toContain(comment);
    const again = await waitForRun(leader, (await leader.post<BulletinRunDto>("/api/bulletins/generate", { month: MONTH, departmentIds: [depts[0]!.id] })).body);
    expect(again.generated).toBe(1);
    expect((await leader.get<BulletinDto>(`/api/bulletins/${draft.id}`)).body.content.comment).toBe(comment);
    const before = await counts();
    const tooLong = await leader.request<ErrorBody>("PUT", `/api/bulletins/${draft.id}/comment`, { json: { comment: "长".repeat(2001) } });
    expect(tooLong.status).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await leader.get<BulletinDto>(`/api/bulletins/${draft.id}`)).body.content.comment).toBe(comment);
  });
});

let released: BulletinDto[] = [];

describe("release and delivery through a real SMTP server", () => {
  it("releases the month's drafts and mails each liaison address once, the PDF attached", async () => {
    const monthComment = "请各单位对照简报抓好整改落实。";
    const res = await leader.post<ReleaseResultDto>("/api/bulletins/release", { month: MONTH, comment: monthComment });
    expect(res.status).toBe(200);
    const addresses = [...depts[0]!.addresses, ...depts[1]!.addresses];
    expect(res.body).toEqual({ month: MONTH, released: 2, deliveriesQueued: addresses.length, withoutRecipients: [] });
    await settleBulletinWork(server.services);

    expect(received).toHaveLength(addresses.length);
    expect(received.flatMap((r) => r.to).sort()).toEqual([...addresses].sort());
    for (const r of received) expect(r.to).toHaveLength(1);

    released = await Promise.all(drafts.map(async (d) => (await leader.get<BulletinDto>(`/api/bulletins/${d.id}`)).body));
    for (const b of released) {
      expect(b.state).toBe("RELEASED");
      expect(b.releasedAt).toBe(clock.now().toISOString());
      expect(b.releasedByName).not.toBeNull();
      expect(b.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
      const dept = depts.find((d) => d.id === b.department.id)!;
      expect(b.deliveries).toEqual({ pending: 0, sent: dept.addresses.length, failed: 0 });
      // The draft with its own comment keeps it; the other takes the month's
      expect(b.content.comment).toBe(dept === depts[0] ? "窗口服务规范，群众满意度保持较高水平。" : monthComment);
    }

    for (const r of received) {
      const mail = parseMail(r.raw);
      const dept = depts.find((d) => d.addresses.includes(r.to[0]!))!;
      const bulletin = released.find((b) => b.department.id === dept.id)!;
      expect(mail.to).toBe(r.to[0]);
      expect(mail.subject).toContain("2026年10月工作简报");
      expect(mail.subject).toContain(dept.name);
      expect(mail.text).toContain(`${dept.name}联络员`);
      expect(mail.text).toContain(bulletin.pdfSha256);
      expect(mail.attachment.contentType).toContain("application/pdf");
      expect(mail.attachment.filename).toBe(`${dept.name}2026年10月工作简报.pdf`);
      expect(sha256(mail.attachment.bytes)).toBe(bulletin.pdfSha256);
      const text = await pdfText(mail.attachment.bytes);
      for (const row of bulletin.content.staff) expect(text).toContain(row.name);
      // A figure: the department's completed cases, as the content counted them
      expect(text).toContain(String(bulletin.content.totals.casesCompleted));
      expect(text.replace(/\s+/g, "")).toContain(bulletin.content.comment!.replace(/\s+/g, ""));
    }

    const deliveries = await leader.get<Page<BulletinDeliveryDto>>(`/api/bulletins/deliveries?month=${MONTH}`);
    expect(deliveries.body.total).toBe(addresses.length);
    for (const d of deliveries.body.items) expect(d).toMatchObject({ state: "SENT", attempts: 1, transport: "smtp", resend: false, lastError: null, month: MONTH });
    const audits = await server.services.prisma.auditEntry.count({ where: { action: "release.bulletin" } });
    expect(audits).toBe(2);
  });

  it("releasing and dispatching again sends nothing twice; a released bulletin takes no comment", async () => {
    const before = received.length;
    const again = await leader.post<ReleaseResultDto>("/api/bulletins/release", { month: MONTH });
    expect(again.body).toMatchObject({ released: 0, deliveriesQueued: 0 });
    await settleBulletinWork(server.services);
    expect(await deliverBulletins(server.services)).toEqual({ sent: 0, failed: 0 });
    await later(3_600_000);
    expect(await deliverBulletins(server.services)).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(before);
    const comment = await leader.request<ErrorBody>("PUT", `/api/bulletins/${released[0]!.id}/comment`, { json: { comment: "改一改" } });
    expect(comment.status).toBe(409);
    expect(comment.body.error.code).toBe("BULLETIN_RELEASED");
    // The database says it too: a second first-sending to the same address is refused
    const first = await server.services.prisma.bulletinDelivery.findFirstOrThrow({ where: { bulletinId: released[0]!.id } });
    await expect(server.services.prisma.bulletinDelivery.create({ data: { bulletinId: first.bulletinId, recipient: first.recipient, state: "PENDING", sendNo: 0, nextAttemptAt: clock.now() } })).rejects.toThrow();
  });

  it("a leader's resend, with a reason, mails the same bytes again and is audited", async () => {
    const bulletin = released.find((b) => b.department.id === depts[1]!.id)!;
    const before = received.length;
    const noReason = await leader.post<ErrorBody>(`/api/bulletins/${bulletin.id}/resend`, { reason: "" });
    expect(noReason.status).toBe(400);
    const draftless = await leader.post<ErrorBody>(`/api/bulletins/${bulletin.id}/resend`, { reason: "联络员反映未收到邮件", extra: true });
    expect(draftless.status).toBe(400);
    expect(await server.services.prisma.bulletinDelivery.count({ where: { resend: true } })).toBe(0);

    const res = await leader.post<BulletinDto>(`/api/bulletins/${bulletin.id}/resend`, { reason: "联络员反映未收到邮件" });
    expect(res.status).toBe(200);
    await settleBulletinWork(server.services);
    const fresh = received.slice(before);
    expect(fresh.flatMap((r) => r.to).sort()).toEqual([...depts[1]!.addresses].sort());
    for (const r of fresh) {
      const mail = parseMail(r.raw);
      expect(mail.subject.startsWith("【重发】")).toBe(true);
      expect(mail.text).toContain("联络员反映未收到邮件");
      expect(sha256(mail.attachment.bytes)).toBe(bulletin.pdfSha256);
    }
    const rows = await server.services.prisma.bulletinDelivery.findMany({ where: { bulletinId: bulletin.id, resend: true } });
    expect(rows.map((r) => [r.sendNo, r.state, r.resendReason])).toEqual(rows.map(() => [1, "SENT", "联络员反映未收到邮件"]));
    expect(await server.services.prisma.auditEntry.count({ where: { action: "resend.bulletin", entityId: String(bulletin.id) } })).toBe(1);
  });
});

describe("a failing mail server", () => {
  it("retries with backoff, shows the delivery FAILED after the last attempt, and a retry sends it", async () => {
    const dept = depts[2]!;
    await waitForRun(leader, (await leader.post<BulletinRunDto>("/api/bulletins/generate", { month: MONTH, departmentIds: [dept.id] })).body);
    const draft = (await leader.get<Page<BulletinSummaryDto>>(`/api/bulletins?month=${MONTH}&departmentId=${dept.id}`)).body.items[0]!;
    expect(draft.state).toBe("DRAFT");
    const early = await leader.post<ErrorBody>(`/api/bulletins/${draft.id}/resend`, { reason: "尚未发布就重发" });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("BULLETIN_NOT_RELEASED");
    smtpState.reject = true;
    const before = received.length;
    const rel = await leader.post<ReleaseResultDto>("/api/bulletins/release", { month: MONTH, bulletinIds: [draft.id] });
    expect(rel.body).toMatchObject({ released: 1, deliveriesQueued: dept.addresses.length });
    await settleBulletinWork(server.services); // the first attempt, right after release

    const rows = () => server.services.prisma.bulletinDelivery.findMany({ where: { bulletinId: draft.id }, orderBy: { id: "asc" } });
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) {
      for (const r of await rows()) {
        expect(r).toMatchObject({ state: "PENDING", attempts });
        expect(r.lastError).toContain("mailbox temporarily unavailable");
        expect(r.nextAttemptAt!.getTime()).toBe(clock.now().getTime() + backoffMs(attempts));
      }
      // Not yet due: nothing is tried
      clock.advance(backoffMs(attempts) - 1000);
      expect(await deliverBulletins(server.services)).toEqual({ sent: 0, failed: 0 });
      clock.advance(1000);
      expect(await deliverBulletins(server.services)).toEqual({ sent: 0, failed: dept.addresses.length });
    }
    for (const r of await rows()) expect(r).toMatchObject({ state: "FAILED", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(received).toHaveLength(before);

    const failed = await supervisor.get<Page<BulletinDeliveryDto>>("/api/bulletins/deliveries?state=FAILED");
    expect(failed.body.items.map((d) => d.recipient).sort()).toEqual([...dept.addresses].sort());
    for (const d of failed.body.items) expect(d.lastError).toContain("mailbox temporarily unavailable");
    const summary = (await leader.get<BulletinDto>(`/api/bulletins/${draft.id}`)).body;
    expect(summary.deliveries).toEqual({ pending: 0, sent: 0, failed: dept.addresses.length });
    await later(3_600_000);
    expect(await deliverBulletins(server.services)).toEqual({ sent: 0, failed: 0 });

    smtpState.reject = false;
    for (const d of failed.body.items) {
      const retry = await supervisor.post<BulletinDeliveryDto>(`/api/bulletins/deliveries/${d.id}/retry`);
      expect(retry.status).toBe(200);
      expect(retry.body.state === "PENDING" || retry.body.state === "SENT").toBe(true);
    }
    await settleBulletinWork(server.services);
    for (const r of await rows()) expect(r).toMatchObject({ state: "SENT", attempts: MAX_ATTEMPTS + 1, transport: "smtp" });
    expect(received.slice(before).flatMap((r) => r.to).sort()).toEqual([...dept.addresses].sort());
    const again = await supervisor.post<ErrorBody>(`/api/bulletins/deliveries/${failed.body.items[0]!.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("BULLETIN_DELIVERY_NOT_FAILED");
    expect(await server.services.prisma.auditEntry.count({ where: { action: "retry.bulletinDelivery" } })).toBe(dept.addresses.length);
  });
});

describe("the archive", () => {
  it("a released bulletin keeps its content and PDF bytes when the data changes and the month is generated again", async () => {
    const { prisma } = server.services;
    const bulletin = released.find((b) => b.department.id === depts[0]!.id)!;
    const before = await getBytes(leader, `/api/bulletins/${bulletin.id}/pdf`);
    expect(sha256(before.bytes)).toBe(bulletin.pdfSha256);
    expect(before.headers.get("content-disposition")).toContain(encodeURIComponent(`${depts[0]!.name}2026年10月工作简报.pdf`));
    // A new bad rating in October for someone of the department, and a renamed member of staff
    const staffRow = bulletin.content.staff[0]!;
    const rating = await prisma.evaluation.findFirstOrThrow({ where: { staffId: staffRow.staffId, ratedAt: { gte: new Date("2026-09-30T16:00:00Z"), lt: new Date("2026-10-31T16:00:00Z") } } });
    await prisma.evaluation.create({ data: { ...rating, id: randomUUID(), invitationId: null, level: 1, reasons: rating.reasons ?? [], comment: "新增差评" } });
    await prisma.staff.update({ where: { id: staffRow.staffId }, data: { name: "改名测试" } });
    // The data did change what a bulletin would say now
    const now = await collectBulletinContent(prisma, { centerId, departmentId: depts[0]!.id, month: MONTH, now: clock.now() });
    expect(now.staff.map((s) => s.name)).toContain("改名测试");

    const other = await prisma.department.findFirstOrThrow({ where: { centerId, active: true, id: { notIn: depts.map((d) => d.id) } } });
    const run = await waitForRun(leader, (await leader.post<BulletinRunDto>("/api/bulletins/generate", { month: MONTH, departmentIds: [depts[0]!.id, other.id] })).body);
    // The released one is left alone; the other department got its draft
    expect(run).toMatchObject({ state: "DONE", departments: 2, generated: 1 });
    const after = await getBytes(leader, `/api/bulletins/${bulletin.id}/pdf`);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    const view = (await leader.get<BulletinDto>(`/api/bulletins/${bulletin.id}`)).body;
    expect(view.content).toEqual(bulletin.content);
    expect(view.pdfSha256).toBe(bulletin.pdfSha256);
    expect(await pdfText(after.bytes)).not.toContain("改名测试");
    // The database refuses too, whatever code path tries
    const raw = server.services.db.raw;
    expect(() => raw.prepare(`UPDATE "Bulletin" SET "pdf" = x'00' WHERE id = ?`).run(bulletin.id)).toThrow(/archived/);
    expect(() => raw.prepare(`UPDATE "Bulletin" SET "state" = 'DRAFT' WHERE id = ?`).run(bulletin.id)).toThrow(/archived/);
    expect(() => raw.prepare(`DELETE FROM "Bulletin" WHERE id = ?`).run(bulletin.id)).toThrow(/archived/);
    await expect(prisma.bulletin.update({ where: { id: bulletin.id }, data: { comment: "改写" } })).rejects.toThrow();
    // A draft stays editable
    const draft = await prisma.bulletin.findFirstOrThrow({ where: { state: "DRAFT" } });
    expect(raw.prepare(`UPDATE "Bulletin" SET "comment" = '草稿可改' WHERE id = ?`).run(draft.id).changes).toBe(1);
  }, 120_000);
});

describe("without a mail server, and on schedule", () => {
  let outboxServer: TestServer;
  const clock2 = new ManualClock(START);
  let leader2: ApiClient;

  beforeAll(async () => {
    outboxServer = await startTestServer({ clock: clock2, env: { BULLETIN_WORKING_DAY: "2" } });
    const center = await outboxServer.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
    const accounts = await demoAccounts(outboxServer, center.id);
    leader2 = new ApiClient(outboxServer.url);
    await leader2.login(accounts.LEADER.username, accounts.LEADER.password);
  }, 120_000);
  afterAll(async () => {
    await outboxServer?.stop();
  });

  it("writes each mail as an .eml file into the outbox folder and records its name; a department without an address is reported", async () => {
    const dept = depts[0]!;
    const silent = depts[1]!;
    await outboxServer.services.prisma.department.update({ where: { id: silent.id }, data: { liaisonEmails: ["not an address", ""] } });
    await waitForRun(leader2, (await leader2.post<BulletinRunDto>("/api/bulletins/generate", { month: MONTH, departmentIds: [dept.id, silent.id] })).body);
    const rel = await leader2.post<ReleaseResultDto>("/api/bulletins/release", { month: MONTH });
    expect(rel.body).toEqual({ month: MONTH, released: 2, deliveriesQueued: dept.addresses.length, withoutRecipients: [silent.name] });
    const silentBulletin = (await leader2.get<Page<BulletinSummaryDto>>(`/api/bulletins?month=${MONTH}&departmentId=${silent.id}`)).body.items[0]!;
    const resend = await leader2.post<ErrorBody>(`/api/bulletins/${silentBulletin.id}/resend`, { reason: "联络员邮箱为空时重发" });
    expect(resend.status).toBe(409);
    expect(resend.body.error.code).toBe("BULLETIN_NO_RECIPIENTS");
    await settleBulletinWork(outboxServer.services);
    const dir = mailOutboxDir(outboxServer.services.config);
    expect(path.dirname(dir)).toBe(outboxServer.dir);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).sort();
    expect(files).toHaveLength(dept.addresses.length);
    const deliveries = (await leader2.get<Page<BulletinDeliveryDto>>("/api/bulletins/deliveries")).body.items;
    expect(deliveries.map((d) => d.transport).sort()).toEqual(files);
    const bulletin = (await leader2.get<Page<BulletinSummaryDto>>(`/api/bulletins?month=${MONTH}&departmentId=${dept.id}`)).body.items[0]!;
    for (const d of deliveries) {
      expect(d.state).toBe("SENT");
      const mail = parseMail(fs.readFileSync(path.join(dir, d.transport!), "latin1"));
      expect(mail.to).toBe(d.recipient);
      expect(mail.attachment.filename).toBe(`${dept.name}2026年10月工作简报.pdf`);
      expect(sha256(mail.attachment.bytes)).toBe(bulletin.pdfSha256);
    }
  });

  it("generates last month's drafts on the configured working day, once, but not for a center set up after that day", async () => {
    const { prisma } = outboxServer.services;
    const runs = () => prisma.bulletinRun.findMany({ where: { requestedById: null }, orderBy: { id: "asc" } });
    // Three active departments keep the run short; the schedule covers whichever are active
    const keep = depts.map((d) => d.id);
    await prisma.department.updateMany({ where: { id: { notIn: keep } }, data: { active: false } });
    // 20 November: October's day (2 November) came before this center was set up
    await runDueBulletinDrafts(outboxServer.services);
    expect(await runs()).toHaveLength(0);
    // Tuesday 1 December is the first working day, Wednesday 2 December the second (configured)
    clock2.set("2026-12-01T02:00:00Z");
    await runDueBulletinDrafts(outboxServer.services);
    expect(await runs()).toHaveLength(0);
    clock2.set("2026-12-02T01:00:00Z");
    await runDueBulletinDrafts(outboxServer.services);
    const [run, ...more] = await runs();
    expect(more).toHaveLength(0);
    expect(run).toMatchObject({ month: "2026-11", state: "DONE", progress: 1 });
    expect(run!.departments).toBe(3);
    expect((await prisma.bulletin.findMany({ where: { month: "2026-11", state: "DRAFT" }, orderBy: { departmentId: "asc" } })).map((b) => b.departmentId)).toEqual([...keep].sort((a, b) => a - b));
    expect(await prisma.auditEntry.count({ where: { action: "generate.bulletins", actorRole: "SYSTEM" } })).toBe(1);
    clock2.advance(3_600_000);
    await runDueBulletinDrafts(outboxServer.services);
    expect(await runs()).toHaveLength(1);
  }, 120_000);
});
