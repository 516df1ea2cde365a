// Generating a month's bulletins: a DRAFT per active department (or the departments a leader names),
// each with its content collected and a preview PDF rendered. Regenerating refreshes drafts (keeping
// the leader's comment) and never touches a released bulletin. The run's progress is written after
// each department, so the UI polls GET /api/bulletins/runs/:id for its bar.
import type { BulletinRun } from "../../generated/prisma/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { AppError } from "../../errors.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { bulletinPeriod } from "./bulletinMonth.ts";
import { trackBulletinWork } from "./bulletinWork.ts";
import { collectBulletinContent } from "./collectBulletinContent.ts";
import { renderBulletinPdf } from "./pdf/renderBulletinPdf.ts";
import { contentToJson } from "./storedContent.ts";

/** A run still RUNNING after this long is taken as crashed (the process ended mid-run) and may be replaced. */
const STALE_RUN_MS = 15 * 60_000;

export interface GenerateRequest {
  centerId: number;
  month: string;
  /** Only these departments (active ones of the center); default every active department */
  departmentIds?: number[];
  auditActor: AuditActor;
}

interface Scope {
  run: BulletinRun;
  departments: { id: number; name: string }[];
}

async function resolveDepartments(services: Services, req: GenerateRequest) {
  const departments = await services.prisma.department.findMany({ where: { centerId: req.centerId, active: true }, select: { id: true, name: true }, orderBy: { id: "asc" } });
  if (!req.departmentIds) return departments;
  const wanted = new Set(req.departmentIds);
  const known = new Set(departments.map((d) => d.id));
  const unknown = [...wanted].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: "departmentIds", code: "invalid_value", message: `不是本中心在用的部门：${unknown.join(", ")}`, messageEn: `Not active departments of this center: ${unknown.join(", ")}` }],
    });
  }
  return departments.filter((d) => wanted.has(d.id));
}

/** Checks the request and records the run; a run of the month already under way is answered instead. */
async function openRun(services: Services, req: GenerateRequest): Promise<{ scope: Scope; started: boolean }> {
  const { prisma, clock } = services;
  const now = clock.now();
  const period = bulletinPeriod(req.month);
  if (period.start > now) throw new AppError("BULLETIN_MONTH_IN_FUTURE");
  const departments = await resolveDepartments(services, req);
  const running = await prisma.bulletinRun.findFirst({ where: { centerId: req.centerId, month: req.month, state: "RUNNING" }, orderBy: { id: "desc" } });
  if (running && now.getTime() - running.startedAt.getTime() < STALE_RUN_MS) return { scope: { run: running, departments }, started: false };
  const run = await prisma.$transaction(async (tx) => {
    if (running) await tx.bulletinRun.update({ where: { id: running.id }, data: { state: "FAILED", finishedAt: now, error: "未完成（进程中断），已由新的生成任务取代" } });
    const created = await tx.bulletinRun.create({
      data: { centerId: req.centerId, month: req.month, state: "RUNNING", progress: 0, departments: departments.length, generated: 0, requestedById: req.auditActor.userId, startedAt: now },
    });
    await recordAudit(tx, req.auditActor, { action: "generate.bulletins", entity: "BulletinRun", entityId: created.id, centerId: req.centerId, after: { month: req.month, departmentIds: departments.map((d) => d.id) } }, now);
    return created;
  });
  return { scope: { run, departments }, started: true };
}

/** One department's draft: created, refreshed, or left alone when already released. Returns whether a draft was written. */
async function writeDraft(services: Services, centerId: number, departmentId: number, month: string): Promise<boolean> {
  const { prisma, clock } = services;
  const existing = await prisma.bulletin.findFirst({ where: { departmentId, month }, orderBy: { revision: "desc" }, select: { id: true, state: true, comment: true, revision: true } });
  if (existing?.state === "RELEASED") return false;
  const now = clock.now();
  const collected = await collectBulletinContent(prisma, { centerId, departmentId, month, now });
  const content = { ...collected, comment: existing?.comment ?? null };
  const pdf = await renderBulletinPdf(content);
  const data = { content: contentToJson(content), staffCount: content.staff.length, pdf: new Uint8Array(pdf), generatedAt: now };
  if (existing) {
    // Conditional on DRAFT: a release that landed while this one rendered wins
    const { count } = await prisma.bulletin.updateMany({ where: { id: existing.id, state: "DRAFT" }, data });
    return count === 1;
  }
  try {
    await prisma.bulletin.create({ data: { ...data, centerId, departmentId, month, revision: 1, state: "DRAFT", comment: null } });
    return true;
  } catch (err) {
    // Another run created this draft meanwhile: refresh it like any existing draft
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const { count } = await prisma.bulletin.updateMany({ where: { departmentId, month, state: "DRAFT" }, data });
      return count > 0;
    }
    throw err;
  }
}

async function runGeneration(services: Services, scope: Scope): Promise<BulletinRun> {
  const { prisma, clock, logger } = services;
  const { run, departments } = scope;
  const failures: string[] = [];
  let generated = 0;
  const t0 = performance.now();
  for (const [i, department] of departments.entries()) {
    try {
      if (await writeDraft(services, run.centerId, department.id, run.month)) generated++;
    } catch (err) {
      // One department's failure must not cost the others their drafts; the run reports it
      failures.push(`${department.name}：${err instanceof Error ? err.message : String(err)}`);
      logger.error({ err, runId: run.id, departmentId: department.id, month: run.month }, "bulletin draft failed");
    }
    await prisma.bulletinRun.update({ where: { id: run.id }, data: { progress: Math.round(((i + 1) / Math.max(1, departments.length)) * 1000) / 1000, generated } });
  }
  const finished = await prisma.bulletinRun.update({
    where: { id: run.id },
    data: { state: failures.length > 0 ? "FAILED" : "DONE", progress: 1, generated, finishedAt: clock.now(), error: failures.length > 0 ? failures.join("\n").slice(0, 2000) : null },
  });
  logger.info({ runId: run.id, month: run.month, centerId: run.centerId, departments: departments.length, generated, failed: failures.length, ms: Math.round(performance.now() - t0) }, "bulletin drafts generated");
  return finished;
}

/**
 * Starts a month's generation and returns its run at once (RUNNING); the drafts are written in the
 * background. `started` is false when a run of the month was already under way (that one is returned).
 */
export async function startBulletinGeneration(services: Services, req: GenerateRequest): Promise<{ run: BulletinRun; started: boolean }> {
  const { scope, started } = await openRun(services, req);
  if (started) trackBulletinWork(services, runGeneration(services, scope), `generate ${req.month}`);
  return { run: scope.run, started };
}

/** Generates a month's drafts and waits for them (the scheduler, the bench). */
export async function generateBulletins(services: Services, req: GenerateRequest): Promise<BulletinRun> {
  const { scope, started } = await openRun(services, req);
  if (!started) throw new Error(`bulletin generation of ${req.month} is already running (run ${scope.run.id})`);
  return runGeneration(services, scope);
}
