// The one inbound stream: a rating from a pad (evaluation.submit). The order of judgement is the
// protocol's: dedupe by id first (any pad, any payload), then validate, then the rules (invitation,
// walk-up spacing, staff), then the group committer; the answer is given only after the commit.
// Lookups use prepared statements on the raw connection: they run thousands of times a second.
import type Sqlite from "better-sqlite3";
import { sqliteTime } from "../../db/database.ts";
import {
  INDICATOR_VERSION,
  evaluationSubmitSchema,
  type EvaluationFeedItem,
  type SubmitAck,
  type SubmitErrorCode,
} from "../../contracts/kiosk.ts";
import type { Services } from "../../services.ts";
import { padPresence } from "../devices/padPresence.ts";
import { RectificationOpener } from "../rectifications/openRectifications.ts";
import { GroupCommitter, type CommitOutcome, type EvaluationRow } from "./groupCommitter.ts";
import { clampRatedAt, walkupTooSoon } from "./rules.ts";

export interface PadContext {
  deviceId: number;
  centerId: number;
  windowId: number;
  /** The connection carries the session of a window staff account: staff never rate */
  staffSession: boolean;
}

const MESSAGES: Record<SubmitErrorCode, { zh: string; retryable: boolean }> = {
  INVALID_PAYLOAD: { zh: "评价内容不符合要求", retryable: false },
  INVITATION_NOT_FOUND: { zh: "评价邀请不存在", retryable: false },
  INVITATION_EXPIRED: { zh: "评价邀请已过期", retryable: false },
  INVITATION_CANCELLED: { zh: "评价邀请已取消", retryable: false },
  ALREADY_RATED: { zh: "本次服务已评价（一次一评）", retryable: false },
  WALKUP_TOO_SOON: { zh: "评价过于频繁，请稍后再评", retryable: false },
  STAFF_CANNOT_RATE: { zh: "工作人员账户不能评价", retryable: false },
  DEVICE_REVOKED: { zh: "评价器已停用", retryable: false },
  RATE_LIMITED: { zh: "提交过于频繁，稍后自动重试", retryable: true },
  BUSY: { zh: "服务器繁忙，稍后自动重试", retryable: true },
  SHUTTING_DOWN: { zh: "服务器正在重启，稍后自动重试", retryable: true },
};

export const refusal = (code: SubmitErrorCode, detail?: string): SubmitAck => ({
  ok: false,
  error: { code, message: detail ? `${MESSAGES[code].zh}：${detail}` : MESSAGES[code].zh, retryable: MESSAGES[code].retryable },
});

interface WindowMeta {
  number: number;
  departmentIds: number[];
  at: number;
}
interface InvitationRow {
  windowId: number;
  staffId: number | null;
  caseId: number | null;
  itemId: number | null;
  createdAt: string;
  expiresAt: string;
  cancelledAt: string | null;
}
interface Extras {
  windowNumber: number | null;
  staffName: string | null;
  departmentIds: number[];
}

const WINDOW_META_TTL_MS = 60_000;
/** Who is on duty and whether a pad is revoked are remembered this long at most, events or not */
const JUDGEMENT_CACHE_TTL_MS = 10_000;

interface DutyEntry {
  /** On duty at the time it was read (and, absent shift changes, at any instant since `validFrom`) */
  duty: { id: number; name: string } | null;
  /** The window's last shift change (a start or an end) before it was read, ms */
  validFrom: number;
  readAt: number;
}

export class EvaluationIntake {
  readonly committer: GroupCommitter;
  /** Bad reviews open their rectification in the batch's transaction, whoever submits the row (#6) */
  private readonly rectifications: RectificationOpener;
  private readonly inflight = new Map<string, Promise<SubmitAck>>();
  private readonly pendingInvitations = new Set<string>();
  private readonly lastWalkup = new Map<number, number>();
  private readonly extras = new Map<string, Extras>();
  private readonly windows = new Map<number, WindowMeta>();
  /** Per window: read per rating, this was a third of judge()'s time; shift events clear an entry */
  private readonly duty = new Map<number, DutyEntry>();
  /** Per pad: revocation clears an entry (device.revoked) */
  private readonly revoked = new Map<number, { revoked: boolean; readAt: number }>();
  private readonly q: Record<
    "exists" | "invitation" | "invitationTaken" | "lastWalkup" | "lastSeen" | "onDuty" | "lastShiftChange" | "revoked" | "window" | "windowDepts",
    Sqlite.Statement
  >;

  constructor(private readonly services: Services) {
    const raw = services.db.raw;
    this.q = {
      exists: raw.prepare(`SELECT 1 FROM "Evaluation" WHERE "id" = ?`),
      invitation: raw.prepare(`SELECT "windowId","staffId","caseId","itemId","createdAt","expiresAt","cancelledAt" FROM "Invitation" WHERE "id" = ?`),
      invitationTaken: raw.prepare(`SELECT 1 FROM "Evaluation" WHERE "invitationId" = ?`),
      lastSeen: raw.prepare(`UPDATE "KioskDevice" SET "lastSeenAt" = ? WHERE "id" = ?`),
      lastWalkup: raw.prepare(`SELECT max("ratedAt") AS at FROM "Evaluation" WHERE "deviceId" = ? AND "bound" = 0`),
      onDuty: raw.prepare(
        `SELECT s."staffId" AS id, st."name" AS name FROM "Shift" s JOIN "Staff" st ON st."id" = s."staffId"
         WHERE s."windowId" = ? AND s."startedAt" <= ? AND (s."endedAt" IS NULL OR s."endedAt" > ?) ORDER BY s."startedAt" DESC LIMIT 1`,
      ),
      lastShiftChange: raw.prepare(
        `SELECT max(max("startedAt"), max(coalesce("endedAt", ''))) AS at FROM "Shift" WHERE "windowId" = ? AND "startedAt" <= ?`,
      ),
      revoked: raw.prepare(`SELECT "revokedAt" FROM "KioskDevice" WHERE "id" = ?`),
      window: raw.prepare(`SELECT "number" FROM "Window" WHERE "id" = ?`),
      windowDepts: raw.prepare(`SELECT "departmentId" FROM "WindowDepartment" WHERE "windowId" = ?`),
    };
    this.rectifications = new RectificationOpener(services, raw);
    this.committer = new GroupCommitter(raw, {
      durable: () => services.db.walSync.sync(),
      onCommitted: (rows) => {
        this.announce(rows);
        this.rectifications.announceOpened(rows);
      },
      inSameTransaction: (rows) => {
        this.touchPads(rows);
        this.rectifications.openInTransaction(rows);
      },
      onError: (err, size) => services.logger.error({ err, size }, "rating batch failed; pads will retry"),
    });
    const forgetDuty = (e: { windowId: number }) => this.duty.delete(e.windowId);
    services.events.on("shift.started", forgetDuty);
    services.events.on("shift.ended", forgetDuty);
    services.events.on("device.revoked", (e) => this.revoked.delete(e.deviceId));
  }

  /** Judges one submit and answers only after the rating is durable (or refused). Never throws. */
  async submit(pad: PadContext, payload: unknown): Promise<SubmitAck> {
    if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return refusal("INVALID_PAYLOAD", "不是对象 (not an object)");
    const id = (payload as { id?: unknown }).id;
    if (typeof id === "string" && id.length <= 64) {
      const earlier = this.inflight.get(id);
      if (earlier) {
        const first = await earlier;
        if (first.ok) return { ok: true, id, duplicate: true };
      }
    }
    // Dedupe comes first in the protocol, yet a stored id is looked up only where it changes the answer:
    // before a refusal. A rating that passes every rule is inserted with ON CONFLICT(id) DO NOTHING, and a
    // stored id comes back from the batch as "duplicate" with nothing written — the same answer without a
    // lookup per rating (measured: 7 % of the event loop at full load).
    const parsed = evaluationSubmitSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.refuseUnlessStored(id, refusal("INVALID_PAYLOAD", issue ? `${issue.path.join(".") || "payload"}: ${issue.message}` : undefined));
    }
    const body = parsed.data;
    const judged = this.judge(pad, body);
    if ("ok" in judged) return this.refuseUnlessStored(body.id, judged);
    const promise = this.commit(judged.row, judged.extras);
    this.inflight.set(body.id, promise);
    try {
      return await promise;
    } finally {
      this.inflight.delete(body.id);
    }
  }

  /** A refusal stands unless the id is already stored: a resubmitted id is a duplicate whatever its payload. */
  private refuseUnlessStored(id: unknown, refused: SubmitAck): SubmitAck | Promise<SubmitAck> {
    if (typeof id === "string" && id.length <= 64 && this.q.exists.get(id)) return this.duplicateOnceDurable(id);
    return refused;
  }

  /** A stored id is answered "duplicate" once it is on disk: its first commit's fsync may still be running or may have failed. */
  private async duplicateOnceDurable(id: string): Promise<SubmitAck> {
    try {
      await this.services.db.walSync.sync();
      return { ok: true, id, duplicate: true };
    } catch (err) {
      this.services.logger.error({ err }, "fsync of the WAL failed; the pad will retry");
      return refusal("BUSY");
    }
  }

  private judge(pad: PadContext, body: ReturnType<typeof evaluationSubmitSchema.parse>): SubmitAck | { row: EvaluationRow; extras: Extras } {
    if (pad.staffSession) return refusal("STAFF_CANNOT_RATE");
    const receivedAt = this.services.clock.now();
    if (this.isRevoked(pad.deviceId, receivedAt.getTime())) return refusal("DEVICE_REVOKED");

    const ratedAt = clampRatedAt(new Date(body.ratedAt), receivedAt);
    let invitation: InvitationRow | null = null;
    if (body.invitationId) {
      invitation = (this.q.invitation.get(body.invitationId) as InvitationRow | undefined) ?? null;
      if (!invitation || invitation.windowId !== pad.windowId) return refusal("INVITATION_NOT_FOUND");
      if (invitation.cancelledAt && Date.parse(invitation.cancelledAt) <= ratedAt.getTime()) return refusal("INVITATION_CANCELLED");
      if (ratedAt.getTime() > Date.parse(invitation.expiresAt)) return refusal("INVITATION_EXPIRED");
      if (this.pendingInvitations.has(body.invitationId) || this.q.invitationTaken.get(body.invitationId)) return refusal("ALREADY_RATED");
    } else {
      const minS = this.services.config.WALKUP_MIN_INTERVAL_S;
      if (minS > 0) {
        const last = this.lastWalkupOf(pad.deviceId);
        if (walkupTooSoon(last, ratedAt.getTime(), minS)) return refusal("WALKUP_TOO_SOON", `${minS} s`);
        this.lastWalkup.set(pad.deviceId, Math.max(last ?? 0, ratedAt.getTime()));
      }
    }
    const duty = this.onDutyAt(pad.windowId, ratedAt, receivedAt);
    const window = this.windowMeta(pad.windowId);
    const row: EvaluationRow = {
      id: body.id,
      centerId: pad.centerId,
      windowId: pad.windowId,
      staffId: duty?.id ?? invitation?.staffId ?? null,
      itemId: invitation?.itemId ?? null,
      caseId: invitation?.caseId ?? null,
      invitationId: body.invitationId ?? null,
      deviceId: pad.deviceId,
      channel: "HALL_PAD",
      level: body.level,
      reasons: body.reasons ?? [],
      indicatorVersion: INDICATOR_VERSION,
      comment: body.comment?.trim() ? body.comment.trim() : null,
      bound: invitation !== null,
      ratedAt,
      receivedAt,
      callbackPhone: body.callbackPhone ?? null,
    };
    return { row, extras: { windowNumber: window?.number ?? null, staffName: duty?.name ?? null, departmentIds: window?.departmentIds ?? [] } };
  }

  private async commit(row: EvaluationRow, extras: Extras): Promise<SubmitAck> {
    if (row.invitationId) this.pendingInvitations.add(row.invitationId);
    this.extras.set(row.id, extras);
    let outcome: CommitOutcome;
    try {
      outcome = await this.committer.submit(row);
    } finally {
      if (row.invitationId) this.pendingInvitations.delete(row.invitationId);
      this.extras.delete(row.id);
    }
    switch (outcome.kind) {
      case "stored":
        return { ok: true, id: row.id, duplicate: false };
      case "duplicate":
        return { ok: true, id: row.id, duplicate: true };
      case "invitationTaken":
        return refusal("ALREADY_RATED");
      case "failed":
        // Forget the remembered walk-up time: the retry must not be judged against itself.
        if (!row.bound && row.deviceId !== null) this.lastWalkup.delete(row.deviceId);
        return refusal(outcome.reason);
    }
  }

  /** A rating is a sign of life: the pad's lastSeenAt, at most once a minute, inside the batch's commit. */
  private touchPads(rows: EvaluationRow[]): void {
    const presence = padPresence(this.services);
    for (const row of rows) {
      if (row.deviceId !== null && presence.claimLastSeenWrite(row.deviceId, row.receivedAt)) this.q.lastSeen.run(sqliteTime(row.receivedAt), row.deviceId);
    }
  }

  private isRevoked(deviceId: number, now: number): boolean {
    const known = this.revoked.get(deviceId);
    if (known && now - known.readAt < JUDGEMENT_CACHE_TTL_MS) return known.revoked;
    const device = this.q.revoked.get(deviceId) as { revokedAt: string | null } | undefined;
    const revoked = !device || device.revokedAt !== null;
    this.revoked.set(deviceId, { revoked, readAt: now });
    return revoked;
  }

  /**
   * The staff member on duty at the window at `ratedAt` — what the onDuty query answers for that instant.
   * Remembered per window: the answer read now holds for any instant after the window's last shift change,
   * until the next change (shift events clear it) or the TTL. A rating from before that change (a pad
   * that was offline) is asked of the database.
   */
  private onDutyAt(windowId: number, ratedAt: Date, now: Date): { id: number; name: string } | undefined {
    let entry = this.duty.get(windowId);
    if (!entry || now.getTime() - entry.readAt >= JUDGEMENT_CACHE_TTL_MS) {
      const nowIso = sqliteTime(now);
      const last = this.q.lastShiftChange.get(windowId, nowIso) as { at: string | null };
      entry = {
        duty: (this.q.onDuty.get(windowId, nowIso, nowIso) as { id: number; name: string } | undefined) ?? null,
        validFrom: last.at ? Date.parse(last.at) : -Infinity,
        readAt: now.getTime(),
      };
      this.duty.set(windowId, entry);
    }
    if (ratedAt.getTime() >= entry.validFrom) return entry.duty ?? undefined;
    const ratedIso = sqliteTime(ratedAt);
    return this.q.onDuty.get(windowId, ratedIso, ratedIso) as { id: number; name: string } | undefined;
  }

  private lastWalkupOf(deviceId: number): number | null {
    const known = this.lastWalkup.get(deviceId);
    if (known !== undefined) return known;
    const r = this.q.lastWalkup.get(deviceId) as { at: string | null } | undefined;
    return r?.at ? Date.parse(r.at) : null;
  }

  private windowMeta(windowId: number): WindowMeta | null {
    const now = Date.now();
    const cached = this.windows.get(windowId);
    if (cached && now - cached.at < WINDOW_META_TTL_MS) return cached;
    const w = this.q.window.get(windowId) as { number: number } | undefined;
    if (!w) return null;
    const depts = this.q.windowDepts.all(windowId) as { departmentId: number }[];
    const meta = { number: w.number, departmentIds: depts.map((d) => d.departmentId), at: now };
    this.windows.set(windowId, meta);
    return meta;
  }

  private announce(rows: EvaluationRow[]): void {
    for (const row of rows) {
      const extras = this.extras.get(row.id) ?? { windowNumber: null, staffName: null, departmentIds: [] };
      const item: EvaluationFeedItem = {
        id: row.id,
        centerId: row.centerId,
        windowId: row.windowId,
        windowNumber: extras.windowNumber,
        staffId: row.staffId,
        staffName: extras.staffName,
        departmentIds: extras.departmentIds,
        level: row.level,
        reasons: row.reasons,
        comment: row.comment,
        bound: row.bound,
        channel: row.channel,
        ratedAt: row.ratedAt.toISOString(),
        receivedAt: row.receivedAt.toISOString(),
      };
      this.services.events.emit("evaluation.created", item);
    }
  }
}

const intakes = new WeakMap<Services, EvaluationIntake>();

/** The intake of this server (one per Services, created on first use). */
export function evaluationIntake(services: Services): EvaluationIntake {
  let intake = intakes.get(services);
  if (!intake) {
    intake = new EvaluationIntake(services);
    intakes.set(services, intake);
  }
  return intake;
}

/** Server shutdown: commit what is queued before the database closes; later submits get SHUTTING_DOWN. */
export async function closeEvaluationIntake(services: Services): Promise<void> {
  await intakes.get(services)?.committer.close();
}
