// A quarter of ratings for a demo hall, as pure rows: on each working day (Mon–Fri) of the last 90
// days, every window's citizens rate during opening hours — mostly 非常满意/满意, a few bad reviews with
// reasons and comments, most invited by staff (with their invitation), some walk-ups. Then a bulk
// writer with prepared statements for the seeding transaction (first start must stay fast).
import type Sqlite from "better-sqlite3";
import { INDICATOR_VERSION, indicatorsFor, type Level } from "../../contracts/indicators.ts";
import { sqliteTime } from "../../db/database.ts";
import type { HallIds } from "../insertRows.ts";
import { createRandom, deriveSeed, type Random } from "../random.ts";
import type { HallRows } from "../rows.ts";

export interface DemoEvaluationRow {
  id: string;
  windowKey: number;
  staffKey: number | null;
  invited: boolean;
  level: Level;
  reasons: string[];
  comment: string | null;
  ratedAt: Date;
}

const DAYS = 90;
/** The demo hall's mix of levels, ~3 % bad reviews (a hall's real share is lower still); the benchmarks rate with it too. */
export const LEVEL_WEIGHTS: readonly (readonly [Level, number])[] = [
  [5, 72],
  [4, 19],
  [3, 6],
  [2, 2.2],
  [1, 0.8],
];
const POOLS: Record<Level, readonly { code: string }[]> = { 5: indicatorsFor(5), 4: indicatorsFor(4), 3: indicatorsFor(3), 2: indicatorsFor(2), 1: indicatorsFor(1) };
const BAD_COMMENTS = ["等了一个多小时才办上", "材料要求前后说法不一致，跑了两趟", "窗口人员态度不好", "系统老是出问题，办不了", "说好当天办结，结果没办好"];
const GOOD_COMMENTS = ["办事效率高，一次就办好了", "工作人员很耐心，讲解清楚", "服务热情，点赞", "流程简单，比以前方便多了"];

/** A UUID from the demo's random stream, so the same seed gives the same ids. */
function demoUuid(r: Random): string {
  const word = () => Math.floor(r.next() * 0x1_0000_0000).toString(16).padStart(8, "0");
  const s = word() + word() + word() + word();
  const variant = (8 + (parseInt(s[16]!, 16) & 3)).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
}

export function generateEvaluationHistory(hall: HallRows, opts: { seed: number; now: Date }): DemoEvaluationRow[] {
  const r = createRandom(deriveSeed(opts.seed, `evaluations:${hall.centerIndex}`));
  const primary = new Map<number, number>();
  for (const ws of hall.windowStaff) if (!ws.backup && !primary.has(ws.windowKey)) primary.set(ws.windowKey, ws.staffKey);
  const rows: DemoEvaluationRow[] = [];
  const today = Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth(), opts.now.getUTCDate());
  for (let d = DAYS; d >= 1; d--) {
    const day = new Date(today - d * 86_400_000);
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const w of hall.windows) {
      // A window serves ~30 people a day; one or two of them rate on the pad (kept small: first start
      // seeds this inside its per-hall budget).
      const n = r.int(0, 3);
      for (let i = 0; i < n; i++) {
        const level = r.weighted(LEVEL_WEIGHTS);
        const pool = POOLS[level];
        const reasons = r.chance(level <= 2 ? 0.9 : 0.45) ? [r.pick(pool).code] : [];
        if (reasons.length && r.chance(0.3)) {
          const second = r.pick(pool).code;
          if (second !== reasons[0]) reasons.push(second);
        }
        const comment = level <= 2 ? (r.chance(0.6) ? r.pick(BAD_COMMENTS) : null) : r.chance(0.04) ? r.pick(GOOD_COMMENTS) : null;
        // 09:00–17:00 Asia/Shanghai is 01:00–09:00 UTC
        const ratedAt = new Date(day.getTime() + 3_600_000 + r.int(0, 8 * 3_600_000 - 1));
        rows.push({ id: demoUuid(r), windowKey: w.key, staffKey: primary.get(w.key) ?? null, invited: r.chance(0.8), level, reasons, comment, ratedAt });
      }
    }
  }
  return rows;
}

/** Writes the rows (and the invitations of the invited ones) inside the caller's transaction. */
export function insertEvaluationHistory(raw: Sqlite.Database, rows: readonly DemoEvaluationRow[], ids: HallIds): number {
  const invitation = raw.prepare(
    `INSERT INTO "Invitation" ("id","centerId","windowId","staffId","source","createdAt","expiresAt") VALUES (?,?,?,?,'STAFF_BUTTON',?,?)`,
  );
  const evaluation = raw.prepare(
    `INSERT INTO "Evaluation" ("id","centerId","windowId","staffId","invitationId","channel","level","reasons","indicatorVersion","comment","bound","defaulted","ratingSeq","ratedAt","receivedAt")
     VALUES (?,?,?,?,?,'HALL_PAD',?,?,?,?,?,0,1,?,?)`,
  );
  // In id order, the primary-key index is appended to rather than split at random: ~25 % faster.
  const byId = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const row of byId) {
    const windowId = ids.windows[row.windowKey - 1]!;
    const staffId = row.staffKey === null ? null : ids.staff[row.staffKey - 1]!;
    let invitationId: string | null = null;
    if (row.invited) {
      invitationId = `${row.id.slice(0, 24)}${row.id.slice(24).split("").reverse().join("")}`;
      const created = new Date(row.ratedAt.getTime() - 20_000);
      invitation.run(invitationId, ids.centerId, windowId, staffId, sqliteTime(created), sqliteTime(new Date(created.getTime() + 5 * 60_000)));
    }
    const at = sqliteTime(row.ratedAt);
    evaluation.run(row.id, ids.centerId, windowId, staffId, invitationId, row.level, JSON.stringify(row.reasons), INDICATOR_VERSION, row.comment, row.invited ? 1 : 0, at, at);
  }
  return rows.length;
}
