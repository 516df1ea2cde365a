// Opening the bad-review loop: every stored rating at level 1 or 2 (any channel) opens its rectification,
// with its BAD_REVIEW alert and its first history event, inside the ratings' own batch transaction
// (GroupCommitter's inSameTransaction): a bad review without a ticket can never be stored, and a failed
// batch leaves neither. Good ratings pay one comparison. The writes are prepared statements on the raw
// connection, and the center's deadline context is kept here synchronously (the batch cannot await).
// After the commit, supervisors hear the alert and the ticket (announceOpened).
import type Sqlite from "better-sqlite3";
import { LEVEL_LABELS, type Level } from "../../contracts/indicators.ts";
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { sqliteTime } from "../../db/database.ts";
import { cipherFor } from "../../lib/crypto.ts";
import type { Services } from "../../services.ts";
import { SYSTEM_ACTOR } from "../accountability/manageAccountability.ts";
import { recordAuditRaw } from "../audit/recordAudit.ts";
import { officialCalendar, type CalendarRow } from "../calendar/officialCalendar.ts";
import type { EvaluationRow } from "../evaluations/groupCommitter.ts";
import { presentAlert } from "../../presenters/alerts.ts";
import { departmentIdsOf, presentRectificationItem, rectificationInclude } from "../../presenters/rectifications.ts";
import { isBadLevel, openingDue, type DeadlineContext } from "./stepRules.ts";

/** As long as the async center context (calendar/centerContext.ts) is kept. */
const CONTEXT_TTL_MS = 30_000;

export const badReviewAlertKey = (evaluationId: string): string => `evaluation:${evaluationId}:bad`;

export class RectificationOpener {
  private readonly contexts = new Map<number, { readAt: number; context: DeadlineContext }>();
  private readonly q: Record<"insert" | "event" | "alert" | "window" | "staff" | "settings" | "calendarDays" | "calendarYears", Sqlite.Statement>;

  constructor(
    private readonly services: Services,
    private readonly raw: Sqlite.Database,
  ) {
    this.q = {
      insert: raw.prepare(
        `INSERT INTO "Rectification" ("id","evaluationId","centerId","ownerStaffId","state","stepDueAt","citizenPhoneEnc","phoneConsentAt","openedAt")
         VALUES (?,?,?,?,'VERIFY',?,?,?,?) ON CONFLICT("id") DO NOTHING`,
      ),
      event: raw.prepare(`INSERT INTO "RectificationEvent" ("rectificationId","step","actorId","at","data") VALUES (?,'open',NULL,?,?)`),
      alert: raw.prepare(
        `INSERT INTO "Alert" ("centerId","sourceKey","kind","severity","windowId","staffId","subjectId","message","createdAt")
         VALUES (?,?,'BAD_REVIEW','RED',?,?,?,?,?) ON CONFLICT("sourceKey") DO NOTHING`,
      ),
      window: raw.prepare(`SELECT "number" FROM "Window" WHERE "id" = ?`),
      staff: raw.prepare(`SELECT "name" FROM "Staff" WHERE "id" = ?`),
      settings: raw.prepare(`SELECT "settings" FROM "Center" WHERE "id" = ?`),
      calendarDays: raw.prepare(`SELECT "centerId","date","kind" FROM "CalendarDay" WHERE "centerId" IS NULL OR "centerId" = ?`),
      calendarYears: raw.prepare(`SELECT "year" FROM "CalendarYear"`),
    };
  }

  /** Inside the batch's transaction, given its stored rows. */
  openInTransaction(rows: readonly EvaluationRow[]): void {
    for (const row of rows) if (isBadLevel(row.level)) this.open(row);
  }

  private open(row: EvaluationRow): void {
    const openedAt = row.receivedAt;
    const due = openingDue(this.contextOf(row.centerId, openedAt.getTime()), openedAt);
    const phone = row.callbackPhone ?? null;
    const opened = this.q.insert.run(
      row.id,
      row.id,
      row.centerId,
      row.staffId,
      sqliteTime(due),
      phone ? cipherFor(this.services.config).encrypt(phone) : null,
      phone ? sqliteTime(openedAt) : null,
      sqliteTime(openedAt),
    );
    if (opened.changes === 0) return;
    this.q.event.run(row.id, sqliteTime(openedAt), JSON.stringify({ level: row.level, channel: row.channel, ownerStaffId: row.staffId, stepDueAt: due.toISOString(), callbackConsent: phone !== null }));
    const windowNumber = row.windowId === null ? null : ((this.q.window.get(row.windowId) as { number: number } | undefined)?.number ?? null);
    const staffName = row.staffId === null ? null : ((this.q.staff.get(row.staffId) as { name: string } | undefined)?.name ?? null);
    const where = windowNumber === null ? "" : `${windowNumber} 号窗口`;
    const who = staffName === null ? "" : `（${staffName}）`;
    const message = `差评：${where}${who}收到「${LEVEL_LABELS[row.level as Level].zh}」评价，待核实整改`;
    this.q.alert.run(row.centerId, badReviewAlertKey(row.id), row.windowId, row.staffId, row.id, message, sqliteTime(openedAt));
    recordAuditRaw(
      this.raw,
      { ...SYSTEM_ACTOR, centerId: row.centerId },
      { action: "open.rectification", entity: "Rectification", entityId: row.id, centerId: row.centerId, after: { evaluationId: row.id, level: row.level, ownerStaffId: row.staffId, stepDueAt: due.toISOString(), callbackConsent: phone !== null } },
      openedAt,
    );
  }

  /** The center's settings and calendar as of the last 30 s (read on the raw connection: no await here). */
  private contextOf(centerId: number, now: number): DeadlineContext {
    const known = this.contexts.get(centerId);
    if (known && now - known.readAt < CONTEXT_TTL_MS && now >= known.readAt) return known.context;
    const center = this.q.settings.get(centerId) as { settings: string | null } | undefined;
    let stored: unknown = {};
    try {
      stored = center?.settings ? JSON.parse(center.settings) : {};
    } catch {
      stored = {};
    }
    const parsed = centerSettingsSchema.safeParse(stored);
    const rows = this.q.calendarDays.all(centerId) as CalendarRow[];
    const years = (this.q.calendarYears.all() as { year: number }[]).map((y) => y.year);
    const context: DeadlineContext = { settings: parsed.success ? parsed.data : DEFAULT_CENTER_SETTINGS, calendar: officialCalendar({ rows, extraYears: years, centerId }) };
    this.contexts.set(centerId, { readAt: now, context });
    return context;
  }

  /**
   * After the commit: the alerts to the center's supervisors and the windows' liaisons, and the new tickets.
   * Two reads per batch, not per rating: read one by one, announcing cost four times the writing (measured).
   */
  announceOpened(rows: readonly EvaluationRow[]): void {
    const ids = rows.filter((r) => isBadLevel(r.level)).map((r) => r.id);
    if (ids.length === 0) return;
    void this.announceBatch(ids).catch((err: unknown) => this.services.logger.error({ err }, "announcing bad reviews failed"));
  }

  private async announceBatch(ids: string[]): Promise<void> {
    const { prisma, events, clock, config } = this.services;
    const [alerts, tickets] = await Promise.all([
      prisma.alert.findMany({ where: { sourceKey: { in: ids.map(badReviewAlertKey) } }, include: { window: { select: { number: true, name: true } } } }),
      prisma.rectification.findMany({ where: { id: { in: ids } }, include: rectificationInclude }),
    ]);
    const byId = new Map(tickets.map((t) => [t.id, t]));
    for (const alert of alerts) {
      const ticket = alert.subjectId === null ? undefined : byId.get(alert.subjectId);
      const departmentIds = ticket?.evaluation.window?.departments.map((d) => d.departmentId) ?? [];
      events.emit("alert.created", { centerId: alert.centerId, departmentIds, alert: presentAlert(alert) });
    }
    const now = clock.now();
    const cipher = cipherFor(config);
    for (const ticket of tickets) events.emit("rectification.changed", { ...presentRectificationItem(ticket, now, cipher), departmentIds: departmentIdsOf(ticket) });
  }
}
