// A handful of bad-review rectifications for a demo hall, so the loop's page is not empty on first start:
// the last week's bad reviews of the rating history, each taken through the loop's own rules
// (domain/rectifications/stepRules.ts) to a different point — closed on time, closed after a late step,
// called back and waiting to close, under a rectification plan, being rectified, just opened, and one
// whose verification is overdue (already alerted and proposed, as the sweep would have left it). Older
// bad reviews of the history predate the loop and have no ticket. No callback numbers: demo citizens
// leave none (no encryption key exists yet at seeding).
import type Sqlite from "better-sqlite3";
import { LEVEL_LABELS } from "../../contracts/indicators.ts";
import { RECTIFICATION_STEP_LABELS, type RectificationStep } from "../../contracts/rectifications.ts";
import { sqliteTime } from "../../db/database.ts";
import { officialCalendar } from "../../domain/calendar/officialCalendar.ts";
import { applyStep, openingDue, overdueKey, type DeadlineContext, type StepInput, type TicketFacts } from "../../domain/rectifications/stepRules.ts";
import type { HallIds } from "../insertRows.ts";
import type { HallRows } from "../rows.ts";
import type { DemoEvaluationRow } from "./evaluations.ts";

const WEEK_MS = 7 * 24 * 3600_000;
const HOUR_MS = 3600_000;

/** How far each demo ticket gets; the oldest takes the first entry. */
const STORIES: readonly { steps: readonly StepInput[]; lateStep?: number }[] = [
  { steps: [] }, // verification overdue (the oldest, so its first due has passed)
  {
    steps: [
      { step: "verify", body: { verified: true, note: "调阅窗口录像，群众反映的等候时间过长属实" } },
      { step: "resolve", body: { resolution: "FIX", note: "已调整午间轮岗，高峰时段增开一个窗口" } },
      { step: "callback", body: { reached: true, satisfied: true, note: "电话回访，群众对整改表示满意" } },
      { step: "close", body: { note: "整改到位，办结" } },
    ],
  },
  {
    steps: [
      { step: "verify", body: { verified: false, note: "核查受理记录，材料一次性告知单已签收，反映情况不属实" } },
      { step: "callback", body: { reached: true, satisfied: false, note: "已向群众说明核查结果和办理依据" } },
      { step: "close", body: { note: "经核实不属实，已解释说明，办结" } },
    ],
    lateStep: 1,
  },
  {
    steps: [
      { step: "verify", body: { verified: true, note: "系统故障导致当日无法出证，属实" } },
      { step: "resolve", body: { resolution: "PLAN", note: "联系省级平台排查接口故障，制定应急出证方案" } },
    ],
  },
  {
    steps: [
      { step: "verify", body: { verified: true, note: "工作人员解释不耐心，属实" } },
      { step: "resolve", body: { resolution: "EXPLAIN", note: "群众要求的加急办理无法律依据，已当面解释" } },
      { step: "callback", body: { reached: false, satisfied: null, note: "两次致电无人接听" } },
    ],
  },
  { steps: [{ step: "verify", body: { verified: true, note: "经与当事人核实，材料要求前后不一致属实" } }] },
  { steps: [] },
];

export interface DemoRectificationEvent {
  step: string;
  at: Date;
  data: Record<string, unknown>;
}

export interface DemoRectificationRow {
  evaluationId: string;
  level: 1 | 2;
  staffKey: number | null;
  windowKey: number;
  facts: TicketFacts & { verified: boolean | null; verifyNote: string | null; resolutionNote: string | null; callbackSatisfied: boolean | null; callbackNote: string | null; closedAt: Date | null };
  overdueAt: Date | null;
  /** The current step is overdue, already swept: an open alert and a proposed record */
  sweptOverdue: boolean;
  /** Steps done late: each proposed a record when the sweep found it */
  lateSteps: { step: RectificationStep; dueAt: Date }[];
  events: DemoRectificationEvent[];
}

export function generateRectificationHistory(hall: HallRows, ratings: readonly DemoEvaluationRow[], opts: { now: Date }): DemoRectificationRow[] {
  const ctx: DeadlineContext = { calendar: officialCalendar({ rows: [], extraYears: [], centerId: 0 }), settings: hall.center.settings };
  const now = opts.now.getTime();
  const recentBad = ratings
    .filter((r) => r.level <= 2 && r.staffKey !== null && now - r.ratedAt.getTime() <= WEEK_MS && r.ratedAt.getTime() < now)
    .sort((a, b) => a.ratedAt.getTime() - b.ratedAt.getTime())
    .slice(-STORIES.length);
  return recentBad.map((rating, i) => {
    const story = STORIES[i]!;
    const openedAt = rating.ratedAt;
    let t: DemoRectificationRow["facts"] = {
      state: "VERIFY",
      openedAt,
      stepDueAt: openingDue(ctx, openedAt),
      resolution: null,
      planDueAt: null,
      callbackReached: null,
      hasPhone: false,
      verified: null,
      verifyNote: null,
      resolutionNote: null,
      callbackSatisfied: null,
      callbackNote: null,
      closedAt: null,
    };
    const events: DemoRectificationEvent[] = [{ step: "open", at: openedAt, data: { level: rating.level, channel: "HALL_PAD", ownerStaffId: null, callbackConsent: false } }];
    const lateSteps: DemoRectificationRow["lateSteps"] = [];
    let overdueAt: Date | null = null;
    let at = openedAt.getTime();
    for (const [n, input] of story.steps.entries()) {
      const due = t.stepDueAt.getTime();
      // On time: a few hours on, well before the due time; the story's late step: a day after it
      const when = n === story.lateStep ? due + 24 * HOUR_MS : at + Math.min(3 * HOUR_MS, (due - at) / 2);
      if (when >= now) break;
      const body = input.step === "resolve" && input.body.resolution === "PLAN" ? { ...input.body, planDueAt: new Date(when + 10 * 24 * HOUR_MS).toISOString() } : input.body;
      const outcome = applyStep(ctx, t, { ...input, body } as StepInput, new Date(when));
      if (!outcome.ok) break;
      if (outcome.lateStep) {
        lateSteps.push({ step: input.step, dueAt: t.stepDueAt });
        overdueAt ??= new Date(due + 5 * 60_000);
        events.push({ step: "overdue", at: new Date(due + 5 * 60_000), data: { step: input.step, dueAt: t.stepDueAt.toISOString() } });
      }
      t = { ...t, ...outcome.patch, callbackReached: outcome.patch.callbackReached ?? t.callbackReached };
      events.push({ step: input.step, at: new Date(when), data: { ...body, ...(outcome.patch.state === "CLOSED" ? {} : { nextDueAt: outcome.patch.stepDueAt.toISOString() }) } });
      at = when;
    }
    const sweptOverdue = t.state !== "CLOSED" && t.stepDueAt.getTime() + 5 * 60_000 < now;
    if (sweptOverdue) {
      overdueAt ??= new Date(t.stepDueAt.getTime() + 5 * 60_000);
      events.push({ step: "overdue", at: new Date(t.stepDueAt.getTime() + 5 * 60_000), data: { step: t.state === "VERIFY" ? "verify" : t.state === "RESOLVE" ? "resolve" : t.callbackReached === null ? "callback" : "close", dueAt: t.stepDueAt.toISOString() } });
    }
    return { evaluationId: rating.id, level: rating.level as 1 | 2, staffKey: rating.staffKey, windowKey: rating.windowKey, facts: t, overdueAt, sweptOverdue, lateSteps, events };
  });
}

/** Writes the tickets, their history, and what the overdue sweep would have left, inside the caller's transaction. */
export function insertRectificationHistory(raw: Sqlite.Database, rows: readonly DemoRectificationRow[], ids: HallIds, now: Date): number {
  const ticket = raw.prepare(
    `INSERT INTO "Rectification" ("id","evaluationId","centerId","ownerStaffId","state","stepDueAt","overdueAt","stepOverdueAt","verified","verifyNote","resolution","resolutionNote","planDueAt","callbackReached","callbackSatisfied","callbackNote","openedAt","closedAt")
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const event = raw.prepare(`INSERT INTO "RectificationEvent" ("rectificationId","step","actorId","at","data") VALUES (?,?,?,?,?)`);
  const alert = raw.prepare(
    `INSERT INTO "Alert" ("centerId","sourceKey","kind","severity","windowId","staffId","subjectId","message","createdAt","resolvedAt") VALUES (?,?,?,'RED',?,?,?,?,?,?)`,
  );
  const record = raw.prepare(
    `INSERT INTO "AccountabilityRecord" ("centerId","sourceKey","kind","source","state","staffId","windowId","rectificationId","description","proposedPoints","occurredAt","createdAt")
     VALUES (?,?,'SLOW_ACTION','AUTO_RECTIFICATION_OVERDUE','PROPOSED',?,?,?,?,1,?,?)`,
  );
  const t = (d: Date | null) => (d ? sqliteTime(d) : null);
  const flag = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
  for (const r of rows) {
    const f = r.facts;
    const staffId = r.staffKey ? ids.staff[r.staffKey - 1]! : null;
    const windowId = ids.windows[r.windowKey - 1]!;
    ticket.run(
      r.evaluationId, r.evaluationId, ids.centerId, staffId, f.state, t(f.stepDueAt), t(r.overdueAt), r.sweptOverdue ? t(r.overdueAt) : null,
      flag(f.verified), f.verifyNote, f.resolution, f.resolutionNote, t(f.planDueAt), flag(f.callbackReached), flag(f.callbackSatisfied), f.callbackNote, t(f.openedAt), t(f.closedAt),
    );
    for (const e of r.events) event.run(r.evaluationId, e.step, null, t(e.at), JSON.stringify(e.step === "open" ? { ...e.data, ownerStaffId: staffId } : e.data));
    alert.run(ids.centerId, `evaluation:${r.evaluationId}:bad`, "BAD_REVIEW", windowId, staffId, r.evaluationId, `差评：收到「${LEVEL_LABELS[r.level].zh}」评价，待核实整改`, t(f.openedAt), t(f.closedAt));
    const current = r.events.at(-1)!.data.step as RectificationStep;
    const overdueSteps = [...r.lateSteps.map((l) => ({ ...l, open: false })), ...(r.sweptOverdue ? [{ step: current, dueAt: f.stepDueAt, open: true }] : [])];
    for (const o of overdueSteps) {
      const key = overdueKey(r.evaluationId, o.step);
      const found = new Date(o.dueAt.getTime() + 5 * 60_000);
      const stepName = RECTIFICATION_STEP_LABELS[o.step].zh;
      alert.run(ids.centerId, key, "RECTIFICATION_OVERDUE", windowId, staffId, r.evaluationId, `差评整改超时：「${stepName}」步骤已超过时限`, t(found), o.open ? null : t(found));
      if (staffId !== null) record.run(ids.centerId, key, staffId, windowId, r.evaluationId, `差评整改「${stepName}」步骤未在时限（${o.dueAt.toISOString()}）内完成`, t(found), sqliteTime(now));
    }
  }
  return rows.length;
}
