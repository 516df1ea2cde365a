// 周点评: every window's week at a glance (counts, satisfaction, overdue cases, bad reviews and their
// rectification state, inspection findings, the best and the weakest of the week) beside the week's
// scores, with the supervisor's comment. A comment stays a draft until published to the window's
// staff; a published comment is not edited again (what staff read is what was published). Comments
// belong to the week, not to one run, so a refreshed run keeps them.
import type { WeeklyReviewDto, WeeklyWindowDigestDto } from "../../contracts/assessmentApi.ts";
import type { PrismaClient } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { presentPeriod, storedLines } from "../../presenters/assessment.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import type { Period } from "./periods.ts";
import { requireShownResult } from "./results.ts";

const count = (rows: { windowId: number | null; _count: { _all: number } }[]): Map<number, number> =>
  new Map(rows.filter((r): r is typeof r & { windowId: number } => r.windowId !== null).map((r) => [r.windowId, r._count._all] as [number, number]));

async function commentsOfWeek(prisma: PrismaClient, centerId: number, period: Period) {
  return prisma.reviewComment.findMany({ where: { run: { centerId, periodKind: "WEEK", periodStart: period.start } }, orderBy: { id: "asc" } });
}

export async function weeklyReview(prisma: PrismaClient, centerId: number, period: Period): Promise<WeeklyReviewDto> {
  const shown = await requireShownResult(prisma, centerId, period);
  const range = { gte: period.start, lt: period.end };
  const [windows, scores, casesDone, casesLate, casesOpenOverdue, ratings, bad, inspections, comments] = await Promise.all([
    prisma.window.findMany({ where: { centerId, active: true }, select: { id: true, number: true, name: true, departments: { select: { department: { select: { shortName: true } } } } }, orderBy: { number: "asc" } }),
    prisma.periodScore.findMany({ where: { runId: shown.run.id, subjectKind: "WINDOW" } }),
    prisma.case.groupBy({ by: ["windowId"], where: { centerId, completedAt: range }, _count: { _all: true } }),
    prisma.case.groupBy({ by: ["windowId"], where: { centerId, AND: [{ completedAt: range }, { completedAt: { gt: prisma.case.fields.dueAt } }] }, _count: { _all: true } }),
    prisma.case.groupBy({ by: ["windowId"], where: { centerId, dueAt: range, OR: [{ completedAt: null }, { completedAt: { gte: period.end } }] }, _count: { _all: true } }),
    prisma.evaluation.groupBy({ by: ["windowId"], where: { centerId, ratedAt: range }, _count: { _all: true } }),
    prisma.evaluation.findMany({ where: { centerId, ratedAt: range, level: { lte: 2 } }, select: { windowId: true, rectification: { select: { state: true } } } }),
    prisma.inspection.findMany({ where: { centerId, at: range }, select: { windowId: true, _count: { select: { findings: { where: { passed: false } } } } } }),
    commentsOfWeek(prisma, centerId, period),
  ]);
  const done = count(casesDone);
  const late = count(casesLate);
  const openOverdue = count(casesOpenOverdue);
  const rated = count(ratings);
  const findings = new Map<number, number>();
  for (const i of inspections) findings.set(i.windowId, (findings.get(i.windowId) ?? 0) + i._count.findings);
  const badByWindow = new Map<number, Record<string, number>>();
  for (const b of bad) {
    if (b.windowId === null) continue;
    const states = badByWindow.get(b.windowId) ?? {};
    const state = b.rectification?.state ?? "NONE";
    states[state] = (states[state] ?? 0) + 1;
    badByWindow.set(b.windowId, states);
  }
  const scoreOf = new Map(scores.map((s) => [s.subjectId, s]));
  const authors = await prisma.user.findMany({ where: { id: { in: [...new Set(comments.map((c) => c.authorId))] } }, select: { id: true, displayName: true } });
  const authorName = new Map(authors.map((a) => [a.id, a.displayName]));
  const commentOf = new Map(comments.map((c) => [c.windowId, c]));

  // The best and the weakest among windows that were rated this week, by the week's rank
  const rankedRated = scores.filter((s) => (rated.get(s.subjectId) ?? 0) > 0).sort((a, b) => a.rank - b.rank);
  const best = rankedRated[0]?.subjectId;
  const weakest = rankedRated.length > 1 ? rankedRated[rankedRated.length - 1]!.subjectId : undefined;

  const digests = windows.map((w): WeeklyWindowDigestDto => {
    const s = scoreOf.get(w.id);
    const sat = s ? storedLines(s.components).find((l) => l.component === "satisfaction") : undefined;
    const c = commentOf.get(w.id);
    const badStates = badByWindow.get(w.id) ?? {};
    return {
      windowId: w.id,
      windowNumber: w.number,
      windowName: w.name,
      departmentNames: w.departments.map((d) => d.department.shortName),
      cases: done.get(w.id) ?? 0,
      overdueCases: (late.get(w.id) ?? 0) + (openOverdue.get(w.id) ?? 0),
      ratings: rated.get(w.id) ?? 0,
      satisfaction: s && s.sampleSize > 0 && sat ? sat.rawValue : null,
      badReviews: Object.values(badStates).reduce((a, b) => a + b, 0),
      badReviewsByState: badStates,
      inspectionFindings: findings.get(w.id) ?? 0,
      score: s?.score ?? null,
      rank: s?.rank ?? null,
      best: best === w.id,
      weakest: weakest === w.id,
      comment: c ? { text: c.text, authorName: authorName.get(c.authorId) ?? "—", updatedAt: (c.updatedAt ?? c.createdAt).toISOString(), publishedAt: c.publishedAt?.toISOString() ?? null } : null,
    };
  });
  return {
    period: presentPeriod(period),
    runId: shown.run.id,
    computedAt: (shown.run.finishedAt ?? shown.run.startedAt).toISOString(),
    windows: digests,
    publishedCount: comments.filter((c) => c.publishedAt !== null).length,
    draftCount: comments.filter((c) => c.publishedAt === null).length,
  };
}

export async function saveWeeklyComment(services: Services, opts: { auditActor: AuditActor; centerId: number; userId: number; period: Period; windowId: number; text: string }): Promise<void> {
  const { prisma, clock } = services;
  const now = clock.now();
  await prisma.$transaction(async (tx) => {
    const shown = await requireShownResult(tx, opts.centerId, opts.period);
    const window = await tx.window.findFirst({ where: { id: opts.windowId, centerId: opts.centerId }, select: { id: true } });
    if (!window) throw new AppError("NOT_FOUND");
    const existing = await tx.reviewComment.findFirst({ where: { windowId: opts.windowId, run: { centerId: opts.centerId, periodKind: "WEEK", periodStart: opts.period.start } } });
    if (existing?.publishedAt) throw new AppError("ASSESSMENT_PUBLISHED");
    const saved = existing
      ? await tx.reviewComment.update({ where: { id: existing.id }, data: { text: opts.text, authorId: opts.userId, updatedAt: now } })
      : await tx.reviewComment.create({ data: { runId: shown.run.id, windowId: opts.windowId, text: opts.text, authorId: opts.userId, createdAt: now, updatedAt: now } });
    await recordAudit(
      tx,
      opts.auditActor,
      { action: "save.weeklyComment", entity: "ReviewComment", entityId: saved.id, centerId: opts.centerId, before: existing ? { text: existing.text } : null, after: { period: opts.period.label, windowId: opts.windowId, text: opts.text } },
      now,
    );
  });
}

export async function publishWeekly(services: Services, opts: { auditActor: AuditActor; centerId: number; period: Period; windowIds?: number[] }): Promise<number> {
  const { prisma, clock } = services;
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    await requireShownResult(tx, opts.centerId, opts.period);
    const drafts = await tx.reviewComment.findMany({
      where: { publishedAt: null, run: { centerId: opts.centerId, periodKind: "WEEK", periodStart: opts.period.start }, ...(opts.windowIds ? { windowId: { in: opts.windowIds } } : {}) },
      select: { id: true, windowId: true },
    });
    if (drafts.length === 0) throw new AppError("ASSESSMENT_NOTHING_TO_PUBLISH");
    await tx.reviewComment.updateMany({ where: { id: { in: drafts.map((d) => d.id) } }, data: { publishedAt: now } });
    await recordAudit(tx, opts.auditActor, { action: "publish.weeklyReview", entity: "ReviewComment", centerId: opts.centerId, after: { period: opts.period.label, windowIds: drafts.map((d) => d.windowId).sort((a, b) => a - b) } }, now);
    return drafts.length;
  });
}
