// A quarter of complaints for a demo hall, as pure rows: about two a week from the hotline, the
// suggestion box, forums, appointed supervisors and the web, each due in the center's complaint
// working days. Older ones are answered and closed (about a third substantiated, with the
// accountability record it proposed, most of them decided); recent ones are open, assigned or
// answered, and a few sit unanswered past their deadline so the overdue filter has something to show.
import type Sqlite from "better-sqlite3";
import type { ComplaintChannel, ComplaintState } from "../../contracts/complaints.ts";
import { sqliteTime } from "../../db/database.ts";
import { officialCalendar } from "../../domain/calendar/officialCalendar.ts";
import { addDays, computeDeadline, shanghaiDate, shanghaiInstant } from "../../domain/calendar/workingDays.ts";
import type { HallIds } from "../insertRows.ts";
import { createRandom, deriveSeed } from "../random.ts";
import type { HallRows } from "../rows.ts";

const DAYS = 90;
const CHANNELS: readonly (readonly [ComplaintChannel, number])[] = [["HOTLINE", 5], ["SUGGESTION_BOX", 3], ["WEB", 3], ["APPOINTED_SUPERVISOR", 1], ["FORUM", 1]];
const ABOUT_STAFF = ["窗口工作人员态度生硬，解释不耐烦", "一次性告知不到位，材料让跑了两趟", "工作时间离岗，窗口长时间无人", "办理过程中玩手机，被群众拍到", "对不属于本窗口的事项推诿，未按首问责任制引导"];
const ABOUT_HALL = ["等候区座位不足，高峰期要站着等", "叫号屏显示与实际叫号不一致", "停车位太少，建议增加", "自助服务机经常故障", "办事指南与实际要求的材料不一致"];
const ANSWERS = ["已核实情况，向投诉人说明并致歉，已电话回访", "已约谈当事人并在科室例会通报，已回访投诉人", "经调阅录像核实，已向投诉人解释办理依据", "已转相关部门整改，并将结果告知投诉人"];
const NAMES = ["王先生", "李女士", "张先生", "刘女士", "陈先生", "杨女士", "赵先生", "匿名"];

export interface DemoComplaintRow {
  channel: ComplaintChannel;
  complainantName: string | null;
  content: string;
  windowKey: number | null;
  staffKey: number | null;
  state: ComplaintState;
  assigned: boolean;
  receivedAt: Date;
  dueAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  substantiated: boolean | null;
  closedAt: Date | null;
  /** The record a substantiated complaint proposed, and whether a leader has decided it */
  record: { kind: "INACTION" | "WRONGFUL_ACTION"; points: number; decided: "CONFIRMED" | "DISMISSED" | null } | null;
}

export function generateComplaintHistory(hall: HallRows, opts: { seed: number; now: Date }): DemoComplaintRow[] {
  const r = createRandom(deriveSeed(opts.seed, `complaints:${hall.centerIndex}`));
  const calendar = officialCalendar({ rows: [], extraYears: [], centerId: 0 });
  const { closesAt, complaintWorkingDays } = hall.center.settings;
  const today = shanghaiDate(opts.now);
  const posts = hall.windowStaff.filter((ws) => !ws.backup);
  const rows: DemoComplaintRow[] = [];
  for (let d = DAYS; d >= 1; d--) {
    const date = addDays(today, -d);
    if (!calendar.isWorkingDay(date) || !r.chance(0.4)) continue;
    const receivedAt = new Date(shanghaiInstant(date, "09:00").getTime() + r.int(0, 7 * 60) * 60_000);
    const dueAt = computeDeadline(calendar, { acceptedAt: receivedAt, limitDays: complaintWorkingDays, suspendedDays: 0, closesAt }).dueAt;
    const aboutStaff = posts.length > 0 && r.chance(0.6);
    const post = aboutStaff ? r.pick(posts) : null;
    const past = dueAt.getTime() < opts.now.getTime();
    // Most complaints are answered in time; recent ones are still being handled; a few are left late.
    const lateUnanswered = past && r.chance(0.06);
    const answeredAt = lateUnanswered ? null : past || r.chance(0.4) ? new Date(Math.min(receivedAt.getTime() + r.int(1, 4 * 24) * 3600_000, dueAt.getTime() - 3600_000, opts.now.getTime() - 3600_000)) : null;
    const closed = answeredAt !== null && (past || r.chance(0.5));
    const substantiated = closed ? aboutStaff && r.chance(0.45) : null;
    rows.push({
      channel: r.weighted(CHANNELS),
      complainantName: r.chance(0.8) ? r.pick(NAMES) : null,
      content: aboutStaff ? r.pick(ABOUT_STAFF) : r.pick(ABOUT_HALL),
      windowKey: post?.windowKey ?? null,
      staffKey: post?.staffKey ?? null,
      state: closed ? "CLOSED" : answeredAt ? "ANSWERED" : lateUnanswered || r.chance(0.6) ? "ASSIGNED" : "OPEN",
      assigned: answeredAt !== null || lateUnanswered || r.chance(0.6),
      receivedAt,
      dueAt,
      answer: answeredAt ? r.pick(ANSWERS) : null,
      answeredAt,
      substantiated,
      closedAt: closed && answeredAt ? new Date(answeredAt.getTime() + 2 * 3600_000) : null,
      record: substantiated
        ? { kind: r.chance(0.5) ? "WRONGFUL_ACTION" : "INACTION", points: r.pick([1, 2, 3]), decided: past && r.chance(0.8) ? (r.chance(0.75) ? "CONFIRMED" : "DISMISSED") : null }
        : null,
    });
  }
  return rows;
}

/** Writes the rows inside the caller's transaction; complaints are assigned to the hall's supervisors and leaders. */
export function insertComplaintHistory(raw: Sqlite.Database, rows: DemoComplaintRow[], ids: HallIds, now: Date): number {
  const handlers = (raw.prepare(`SELECT "id" FROM "User" WHERE "centerId" = ? AND "role" IN ('SUPERVISOR','LEADER') ORDER BY "id"`).all(ids.centerId) as { id: number }[]).map((u) => u.id);
  const leader = raw.prepare(`SELECT "id" FROM "User" WHERE "centerId" = ? AND "role" = 'LEADER' ORDER BY "id" LIMIT 1`).get(ids.centerId) as { id: number } | undefined;
  const insertComplaint = raw.prepare(
    `INSERT INTO "Complaint" ("centerId","channel","complainantName","content","windowId","staffId","assignedToId","state","receivedAt","dueAt","answer","answeredAt","substantiated","closedAt")
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertRecord = raw.prepare(
    `INSERT INTO "AccountabilityRecord" ("centerId","sourceKey","kind","source","state","staffId","windowId","complaintId","description","proposedPoints","consequence","occurredAt","createdAt","decidedById","decidedAt","decisionReason")
     VALUES (?,?,?,'COMPLAINT',?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const t = (d: Date | null) => (d ? sqliteTime(d) : null);
  rows.forEach((c, i) => {
    const windowId = c.windowKey ? ids.windows[c.windowKey - 1]! : null;
    const staffId = c.staffKey ? ids.staff[c.staffKey - 1]! : null;
    const assignedToId = c.assigned && handlers.length > 0 ? handlers[i % handlers.length]! : null;
    const complaintId = Number(
      insertComplaint.run(
        ids.centerId, c.channel, c.complainantName, c.content, windowId, staffId, assignedToId, c.state,
        t(c.receivedAt), t(c.dueAt), c.answer, t(c.answeredAt), c.substantiated === null ? null : c.substantiated ? 1 : 0, t(c.closedAt),
      ).lastInsertRowid,
    );
    if (c.record && staffId !== null && c.closedAt) {
      const decidedAt = c.record.decided ? new Date(c.closedAt.getTime() + 24 * 3600_000) : null;
      insertRecord.run(
        ids.centerId, `complaint:${complaintId}:substantiated`, c.record.kind, c.record.decided ?? "PROPOSED", staffId, windowId, complaintId,
        `投诉经核实属实：${c.content}`, c.record.points, c.record.decided === "CONFIRMED" ? "CRITICISM" : null, t(c.receivedAt), sqliteTime(now),
        decidedAt && leader ? leader.id : null, t(decidedAt), c.record.decided === "CONFIRMED" ? "投诉属实，予以通报批评" : c.record.decided === "DISMISSED" ? "经复核情节轻微，已批评教育，不予追究" : null,
      );
    }
  });
  return rows.length;
}
