// Opening the bad-review loop: every stored rating at level 1 or 2 (any channel) opens its rectification,
// with its BAD_REVIEW alert and its first history event, inside the ratings' own batch transaction
// (GroupCommitter's inSameTransaction): a bad review without a ticket can never be stored, and a failed
// batch leaves neither. Good ratings pay one comparison. The writes are prepared statements on the raw
// connection, and the center's deadline context is kept here synchronously (the batch cannot await).
// After the commit, supervisors hear the alert and the ticket (announceOpened), built from what the
// transaction wrote and read: no read after it (announcing through Prisma, ~5 queries per bad review, cost
// the ratings' intake a third of its throughput at the demo's 3 % bad reviews — measured).
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
import { departmentIdsOf, presentRectificationItem, type RectificationRow } from "../../presenters/rectifications.ts";
import type { AlertWithWindow } from "../../presenters/alerts.ts";
import { isBadLevel, openingDue, type DeadlineContext } from "./stepRules.ts";

/** As long as the async center context (calendar/centerContext.ts) is kept. */
const CONTEXT_TTL_MS = 30_000;

export const badReviewAlertKey = (evaluationId: string): string => `evaluation:${evaluationId}:bad`;

/** What supervisors are told of one opened ticket, once its batch has committed. */
interface Opened {
  /** null when the alert was raised already (a batch retried after its commit) */
  alert: AlertWithWindow | null;
  ticket: RectificationRow;
}

export class RectificationOpener {
  private readonly contexts = new Map<number, { readAt: number; context: DeadlineContext }>();
  /** The tickets opened by the batch being written (a batch's transaction and its announcement do not interleave with another's) */
  private opened: Opened[] = [];
  private readonly q: Record<"insert" | "event" | "alert" | "window" | "windowDepartments" | "staff" | "case" | "settings" | "calendarDays" | "calendarYears", Sqlite.Statement>;

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
      window: raw.prepare(`SELECT "number", "name" FROM "Window" WHERE "id" = ?`),
      windowDepartments: raw.prepare(`SELECT "departmentId" FROM "WindowDepartment" WHERE "windowId" = ? ORDER BY "departmentId"`),
      staff: raw.prepare(`SELECT "name", "departmentId" FROM "Staff" WHERE "id" = ?`),
      case: raw.prepare(`SELECT "caseNo" FROM "Case" WHERE "id" = ?`),
      settings: raw.prepare(`SELECT "settings" FROM "Center" WHERE "id" = ?`),
      calendarDays: raw.prepare(`SELECT "centerId","date","kind" FROM "CalendarDay" WHERE "centerId" IS NULL OR "centerId" = ?`),
      calendarYears: raw.prepare(`SELECT "year" FROM "CalendarYear"`),
    };
  }

  /** Inside the batch's transaction, given its stored rows. */
  openInTransaction(rows: readonly EvaluationRow[]): void {
    // Whatever a failed batch left here was never committed
    this.opened = [];
    for (const row of rows) if (isBadLevel(row.level)) this.open(row);
  }

  private open(row: EvaluationRow): void {
    const openedAt = row.receivedAt;
    const due = openingDue(this.contextOf(row.centerId, openedAt.getTime()), openedAt);
    const phone = row.callbackPhone ?? null;
    const phoneEnc = phone ? cipherFor(this.services.config).encrypt(phone) : null;
    const opened = this.q.insert.run(
      row.id,
      row.id,
      row.centerId,
      row.staffId,
      sqliteTime(due),
      phoneEnc,
      phone ? sqliteTime(openedAt) : null,
      sqliteTime(openedAt),
    );
    if (opened.changes === 0) return;
    this.q.event.run(row.id, sqliteTime(openedAt), JSON.stringify({ level: row.level, channel: row.channel, ownerStaffId: row.staffId, stepDueAt: due.toISOString(), callbackConsent: phone !== null }));
    const window = row.windowId === null ? undefined : (this.q.window.get(row.windowId) as { number: number; name: string } | undefined);
    const staff = row.staffId === null ? undefined : (this.q.staff.get(row.staffId) as { name: string; departmentId: number } | undefined);
    const where = window ? `${window.number} 号窗口` : "";
    const who = staff ? `（${staff.name}）` : "";
    const message = `差评：${where}${who}收到「${LEVEL_LABELS[row.level as Level].zh}」评价，待核实整改`;
    const alert = this.q.alert.run(row.centerId, badReviewAlertKey(row.id), row.windowId, row.staffId, row.id, message, sqliteTime(openedAt));
    const departments = row.windowId === null ? [] : (this.q.windowDepartments.all(row.windowId) as { departmentId: number }[]);
    const caseNo = row.caseId === null ? null : ((this.q.case.get(row.caseId) as { caseNo: string } | undefined)?.caseNo ?? null);
    const alertRow: AlertWithWindow | null =
      alert.changes === 1
        ? {
            id: Number(alert.lastInsertRowid),
            centerId: row.centerId,
            sourceKey: badReviewAlertKey(row.id),
            kind: "BAD_REVIEW",
            severity: "RED",
            windowId: row.windowId,
            staffId: row.staffId,
            subjectId: row.id,
            message,
            createdAt: openedAt,
            acknowledgedAt: null,
            acknowledgedById: null,
            ackNote: null,
            resolvedAt: null,
            window: window ? { number: window.number, name: window.name } : null,
          }
        : null;
    const ticket: RectificationRow = {
      id: row.id,
      evaluationId: row.id,
      centerId: row.centerId,
      ownerStaffId: row.staffId,
      state: "VERIFY",
      stepDueAt: due,
      overdueAt: null,
      stepOverdueAt: null,
      verified: null,
      verifyNote: null,
      resolution: null,
      resolutionNote: null,
      planDueAt: null,
      callbackReached: null,
      callbackSatisfied: null,
      callbackNote: null,
      citizenPhoneEnc: phoneEnc,
      phoneConsentAt: phone ? openedAt : null,
      phonePurgeAt: null,
      openedAt,
      closedAt: null,
      evaluation: {
        id: row.id,
        centerId: row.centerId,
        windowId: row.windowId,
        staffId: row.staffId,
        itemId: row.itemId,
        caseId: row.caseId,
        invitationId: row.invitationId,
        deviceId: row.deviceId,
        channel: row.channel as RectificationRow["evaluation"]["channel"],
        level: row.level,
        reasons: row.reasons,
        indicatorVersion: row.indicatorVersion,
        comment: row.comment,
        bound: row.bound,
        defaulted: false,
        ratingSeq: 1,
        ratedAt: row.ratedAt,
        receivedAt: row.receivedAt,
        window: window ? { number: window.number, name: window.name, departments } : null,
        staff: staff ? { name: staff.name } : null,
        case: caseNo === null ? null : { caseNo },
      },
      owner: staff ? { name: staff.name, departmentId: staff.departmentId } : null,
    };
    this.opened.push({ alert: alertRow, ticket });
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

  /** After the commit: the alerts to the center's supervisors and the windows' liaisons, and the new tickets. */
  announceOpened(rows: readonly EvaluationRow[]): void {
    const committed = new Set(rows.map((r) => r.id));
    const opened = this.opened.filter((o) => committed.has(o.ticket.id));
    this.opened = [];
    if (opened.length === 0) return;
    const { events, clock, config } = this.services;
    const now = clock.now();
    const cipher = cipherFor(config);
    for (const { alert, ticket } of opened) {
      const departmentIds = ticket.evaluation.window?.departments.map((d) => d.departmentId) ?? [];
      if (alert) events.emit("alert.created", { centerId: alert.centerId, departmentIds, alert: presentAlert(alert) });
      events.emit("rectification.changed", { ...presentRectificationItem(ticket, now, cipher), departmentIds: departmentIdsOf(ticket) });
    }
  }
}
