// A quarter of cases, first inquiries and accountability records for a demo hall, as pure rows: on
// each working day of the last 90 days (official calendar, 调休 included) every window accepts a few
// cases of the items it serves; most finish on time, some pause for 补正, a few are rejected, a few
// finish late (a decided slow-action record) and a few are still open past their deadline (red, with
// a proposed record — the same sourceKey the deadline job uses, so it does not propose them again).
// Demo citizens have no stored phone or ID number (no encryption key exists yet at seeding), so no SMS.
import type Sqlite from "better-sqlite3";
import { sqliteTime } from "../../db/database.ts";
import { officialCalendar } from "../../domain/calendar/officialCalendar.ts";
import { addDays, computeDeadline, shanghaiDate, shanghaiInstant, urgencyOf } from "../../domain/calendar/workingDays.ts";
import { DEFAULT_POINTS } from "../../domain/accountability/manageAccountability.ts";
import type { HallIds } from "../insertRows.ts";
import { createRandom, deriveSeed, type Random } from "../random.ts";
import type { HallRows } from "../rows.ts";

const DAYS = 90;
const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂兰", "建华"];
const SUSPEND_REASONS = ["缺少户口簿复印件", "营业执照副本未带", "申请表未签字", "缺少近期免冠照片", "证明材料已过期"];
const REJECT_REASONS = ["不属于本中心受理范围", "申请人不具备申请资格", "申请事项依法不需要取得行政许可"];
const TOPICS = ["办理流程咨询", "所需材料咨询", "办理时限咨询", "收费标准咨询", "网上办理方式咨询", "窗口位置咨询"];

type State = "ACCEPTED" | "IN_PROGRESS" | "SUSPENDED" | "COMPLETED" | "REJECTED";

export interface DemoTransition {
  from: State | null;
  to: State;
  at: Date;
  reason: string | null;
}

export interface DemoCaseRow {
  caseNo: string;
  itemKey: number;
  windowKey: number;
  staffKey: number;
  citizenName: string;
  citizenIdMasked: string;
  phoneLast4: string;
  state: State;
  acceptedAt: Date;
  dueAt: Date;
  statutoryDueAt: Date;
  promisedLimitDays: number;
  statutoryLimitDays: number;
  suspendedDays: number;
  warning: "NONE" | "YELLOW" | "RED";
  completedAt: Date | null;
  rejectedReason: string | null;
  transitions: DemoTransition[];
  /** A slow-action record: proposed (still open and overdue) or decided (finished late) */
  record: { state: "PROPOSED" | "CONFIRMED" | "DISMISSED"; reason: string | null; decidedAt: Date | null } | null;
}

export interface DemoInquiryRow {
  windowKey: number;
  staffKey: number;
  topic: string;
  itemKey: number | null;
  openedAt: Date;
  closedAt: Date | null;
  outcome: string | null;
  handover: { toWindowKey: number; acknowledgedAt: Date } | null;
}

export interface CaseHistory {
  cases: DemoCaseRow[];
  inquiries: DemoInquiryRow[];
}

/** 09:00 of a Shanghai day, parsed once per day: date parsing dominated generation time. */
const nineOclock = new Map<string, number>();
function at(date: string, minutesAfter9: number): Date {
  let base = nineOclock.get(date);
  if (base === undefined) {
    base = shanghaiInstant(date, "09:00").getTime();
    nineOclock.set(date, base);
  }
  return new Date(base + minutesAfter9 * 60_000);
}

function citizen(r: Random) {
  const name = r.pick(SURNAMES) + r.pick(GIVEN);
  const region = r.pick(["5101", "5107", "5113", "3201", "4401"]);
  return { name, idMasked: `${region}**********${String(r.int(0, 9999)).padStart(4, "0")}`, phoneLast4: String(r.int(0, 9999)).padStart(4, "0") };
}

export function generateCaseHistory(hall: HallRows, opts: { seed: number; now: Date }): CaseHistory {
  const r = createRandom(deriveSeed(opts.seed, `cases:${hall.centerIndex}`));
  const calendar = officialCalendar({ rows: [], extraYears: [], centerId: 0 });
  const closesAt = hall.center.settings.closesAt;
  const warnDays = hall.center.settings.warnWorkingDaysBefore;
  const itemByKey = new Map(hall.items.map((i) => [i.key, i]));
  const itemsOf = new Map<number, number[]>();
  for (const wi of hall.windowItems) itemsOf.set(wi.windowKey, [...(itemsOf.get(wi.windowKey) ?? []), wi.itemKey]);
  const primary = new Map<number, number>();
  for (const ws of hall.windowStaff) if (!ws.backup && !primary.has(ws.windowKey)) primary.set(ws.windowKey, ws.staffKey);
  const today = shanghaiDate(opts.now);
  // Deadlines depend only on the day and the number of working days: cached, the quarter is generated
  // in milliseconds instead of walking the calendar for every case.
  const dueDates = new Map<string, { date: string; closing: number }>();
  const dueOf = (date: string, days: number) => {
    const key = `${date}:${days}`;
    let due = dueDates.get(key);
    if (due === undefined) {
      const d = computeDeadline(calendar, { acceptedAt: shanghaiInstant(date, "12:00"), limitDays: days, suspendedDays: 0, closesAt });
      due = { date: d.dueDate, closing: d.dueAt.getTime() };
      dueDates.set(key, due);
    }
    return due;
  };
  const cases: DemoCaseRow[] = [];
  const inquiries: DemoInquiryRow[] = [];

  for (let d = DAYS; d >= 1; d--) {
    const date = addDays(today, -d);
    if (!calendar.isWorkingDay(date)) continue;
    let seq = 0;
    for (const w of hall.windows) {
      const staffKey = primary.get(w.key);
      const items = itemsOf.get(w.key) ?? [];
      if (staffKey === undefined || items.length === 0) continue;
      for (let n = r.int(0, 2); n > 0; n--) {
        const item = itemByKey.get(r.pick(items))!;
        const acceptedAt = at(date, r.int(0, 7 * 60));
        const who = citizen(r);
        const caseNo = `${date.replaceAll("-", "")}${String(++seq).padStart(5, "0")}`;
        const base = { caseNo, itemKey: item.key, windowKey: w.key, staffKey, citizenName: who.name, citizenIdMasked: who.idMasked, phoneLast4: who.phoneLast4, acceptedAt, promisedLimitDays: item.promisedLimitDays, statutoryLimitDays: item.statutoryLimitDays };
        const transitions: DemoTransition[] = [{ from: null, to: "ACCEPTED", at: acceptedAt, reason: null }];
        if (r.chance(0.03)) {
          const reason = r.pick(REJECT_REASONS);
          const rejectedAt = new Date(acceptedAt.getTime() + 10 * 60_000);
          transitions.push({ from: "ACCEPTED", to: "REJECTED", at: rejectedAt, reason });
          const dueAt = new Date(dueOf(date, item.promisedLimitDays).closing);
          cases.push({ ...base, state: "REJECTED", dueAt, statutoryDueAt: dueAt, suspendedDays: 0, warning: "NONE", completedAt: null, rejectedReason: reason, transitions, record: null });
          continue;
        }
        const suspendedDays = item.promisedLimitDays > 0 && r.chance(0.08) ? r.int(1, 3) : 0;
        const deadline = (limit: number) => new Date(dueOf(date, limit + suspendedDays).closing);
        const dueAt = deadline(item.promisedLimitDays);
        const statutoryDueAt = deadline(Math.max(item.statutoryLimitDays, item.promisedLimitDays));
        const startAt = new Date(acceptedAt.getTime() + r.int(5, 60) * 60_000);
        if (item.promisedLimitDays > 0) transitions.push({ from: "ACCEPTED", to: "IN_PROGRESS", at: startAt, reason: null });
        if (suspendedDays > 0) {
          const suspendAt = new Date(startAt.getTime() + 30 * 60_000);
          const resumeAt = at(dueOf(date, suspendedDays).date, r.int(0, 6 * 60));
          transitions.push({ from: "IN_PROGRESS", to: "SUSPENDED", at: suspendAt, reason: r.pick(SUSPEND_REASONS) });
          if (resumeAt.getTime() > opts.now.getTime()) {
            cases.push({ ...base, state: "SUSPENDED", dueAt, statutoryDueAt, suspendedDays: 0, warning: "NONE", completedAt: null, rejectedReason: null, transitions, record: null });
            continue;
          }
          transitions.push({ from: "SUSPENDED", to: "IN_PROGRESS", at: resumeAt, reason: null });
        }
        const last = transitions[transitions.length - 1]!;
        const fate = r.next();
        const span = Math.max(60_000, dueAt.getTime() - last.at.getTime());
        // 94 % on time, 3 % late, 3 % left open (overdue by now if the deadline passed)
        const completedAt = fate < 0.94 ? new Date(last.at.getTime() + Math.floor(r.next() * span * 0.9) + 60_000) : fate < 0.97 ? new Date(dueAt.getTime() + r.int(1, 48) * 3_600_000) : null;
        if (completedAt && completedAt.getTime() < opts.now.getTime()) {
          const late = completedAt.getTime() > dueAt.getTime();
          transitions.push({ from: last.to, to: "COMPLETED", at: completedAt, reason: null });
          const decided = new Date(completedAt.getTime() + 2 * 86_400_000);
          const record = late
            ? decided.getTime() < opts.now.getTime()
              ? r.chance(0.7)
                ? { state: "CONFIRMED" as const, reason: "超过承诺时限办结，经核实属实", decidedAt: decided }
                : { state: "DISMISSED" as const, reason: "系统故障导致延误，已报备", decidedAt: decided }
              : { state: "PROPOSED" as const, reason: null, decidedAt: null }
            : null;
          cases.push({ ...base, state: "COMPLETED", dueAt, statutoryDueAt, suspendedDays, warning: late ? "RED" : "NONE", completedAt, rejectedReason: null, transitions, record });
          continue;
        }
        const warning = urgencyOf(calendar, opts.now, dueAt, warnDays);
        cases.push({
          ...base,
          state: last.to === "ACCEPTED" ? "ACCEPTED" : "IN_PROGRESS",
          dueAt,
          statutoryDueAt,
          suspendedDays,
          warning,
          completedAt: null,
          rejectedReason: null,
          transitions,
          record: warning === "RED" ? { state: "PROPOSED", reason: null, decidedAt: null } : null,
        });
      }
      // First inquiries: most answered on the spot, some handed to another window and closed there
      for (let n = r.int(0, 1); n > 0; n--) {
        const openedAt = at(date, r.int(0, 7 * 60));
        const handedOver = r.chance(0.2);
        const closedAt = new Date(openedAt.getTime() + (handedOver ? r.int(30, 180) : r.int(2, 15)) * 60_000);
        const unclosed = d <= 3 && r.chance(0.05);
        inquiries.push({
          windowKey: w.key,
          staffKey,
          topic: r.pick(TOPICS),
          itemKey: r.chance(0.7) ? r.pick(items) : null,
          openedAt,
          closedAt: unclosed ? null : closedAt,
          outcome: unclosed ? null : handedOver ? "已转交相关窗口办理完毕" : "已当场答复",
          handover: handedOver ? { toWindowKey: r.pick(hall.windows).key, acknowledgedAt: new Date(openedAt.getTime() + 10 * 60_000) } : null,
        });
      }
    }
  }
  return { cases, inquiries };
}

/** Writes the rows inside the caller's transaction through prepared statements. */
export function insertCaseHistory(raw: Sqlite.Database, history: CaseHistory, ids: HallIds, now: Date): { cases: number; inquiries: number } {
  const insertCase = raw.prepare(
    `INSERT INTO "Case" ("centerId","caseNo","itemId","departmentId","windowId","acceptedById","handledById","citizenName","citizenIdMasked","citizenPhoneLast4","channel","state","acceptedAt","dueAt","statutoryDueAt","promisedLimitDays","statutoryLimitDays","suspendedDays","warning","completedAt","rejectedReason","createdAt","updatedAt")
     VALUES (?,?,?,(SELECT "departmentId" FROM "ServiceItem" WHERE "id" = ?),?,?,?,?,?,?,'HALL',?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertTransition = raw.prepare(`INSERT INTO "CaseTransition" ("caseId","fromState","toState","at","reason") VALUES (?,?,?,?,?)`);
  const insertRecord = raw.prepare(
    `INSERT INTO "AccountabilityRecord" ("centerId","sourceKey","kind","source","state","staffId","windowId","caseId","inquiryId","description","proposedPoints","consequence","occurredAt","createdAt","decidedAt","decisionReason")
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertInquiry = raw.prepare(
    `INSERT INTO "Inquiry" ("centerId","windowId","firstStaffId","askerName","topic","itemId","state","openedAt","closedAt","outcome") VALUES (?,?,?,NULL,?,?,?,?,?,?)`,
  );
  const insertHandover = raw.prepare(`INSERT INTO "InquiryHandover" ("inquiryId","fromStaffId","toWindowId","at","acknowledgedAt") VALUES (?,?,?,?,?)`);
  const t = (d: Date | null) => (d ? sqliteTime(d) : null);
  const nowText = sqliteTime(now);

  for (const c of history.cases) {
    const itemId = ids.items[c.itemKey - 1]!;
    const windowId = ids.windows[c.windowKey - 1]!;
    const staffId = ids.staff[c.staffKey - 1]!;
    const caseId = Number(
      insertCase.run(
        ids.centerId, c.caseNo, itemId, itemId, windowId, staffId, staffId, c.citizenName, c.citizenIdMasked, c.phoneLast4, c.state,
        t(c.acceptedAt), t(c.dueAt), t(c.statutoryDueAt), c.promisedLimitDays, c.statutoryLimitDays, c.suspendedDays, c.warning, t(c.completedAt), c.rejectedReason, t(c.acceptedAt), nowText,
      ).lastInsertRowid,
    );
    for (const tr of c.transitions) insertTransition.run(caseId, tr.from, tr.to, t(tr.at), tr.reason);
    if (c.record) {
      insertRecord.run(
        ids.centerId, `case:${caseId}:overdue`, "SLOW_ACTION", "AUTO_OVERDUE_CASE", c.record.state, staffId, windowId, caseId, null,
        `办件 ${c.caseNo} 超过承诺时限未办结（期限 ${shanghaiDate(c.dueAt)}）`, DEFAULT_POINTS.SLOW_ACTION,
        c.record.state === "CONFIRMED" ? "DEDUCTION" : null, t(c.dueAt), nowText, t(c.record.decidedAt), c.record.reason,
      );
    }
  }
  for (const i of history.inquiries) {
    const windowId = ids.windows[i.windowKey - 1]!;
    const staffId = ids.staff[i.staffKey - 1]!;
    const state = i.closedAt ? "CLOSED" : i.handover ? "HANDED_OVER" : "OPEN";
    const inquiryId = Number(insertInquiry.run(ids.centerId, windowId, staffId, i.topic, i.itemKey ? ids.items[i.itemKey - 1]! : null, state, t(i.openedAt), t(i.closedAt), i.outcome).lastInsertRowid);
    if (i.handover) insertHandover.run(inquiryId, staffId, ids.windows[i.handover.toWindowKey - 1]!, t(i.openedAt), t(i.handover.acknowledgedAt));
  }
  return { cases: history.cases.length, inquiries: history.inquiries.length };
}
