// Sign-in: argon2id check, per-account lockout after repeated failures, a fresh session (the old
// one presented by the browser is revoked: rotation at login), and an audit entry either way.
import { AppError } from "../../errors.ts";
import { newToken, sha256 } from "../../lib/tokens.ts";
import type { Services } from "../../services.ts";
import { recordAudit } from "../audit/recordAudit.ts";
import { burnPasswordCheck, verifyPassword } from "./passwords.ts";

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  previousSessionId: string | null;
}

export interface LoginResult {
  token: string;
  sessionId: string;
  csrfToken: string;
  userId: number;
}

export async function loginUser(services: Services, input: LoginInput): Promise<LoginResult> {
  const { prisma, clock, config } = services;
  const now = clock.now();
  const user = await prisma.user.findUnique({ where: { username: input.username } });
  const actorBase = { ip: input.ip, requestId: input.requestId };

  if (!user) {
    await burnPasswordCheck(input.password);
    await prisma.$transaction((tx) =>
      recordAudit(tx, { userId: null, role: "PUBLIC", centerId: null, ...actorBase }, { action: "login.failed", entity: "User", after: { username: input.username, reason: "unknown_user" } }, now),
    );
    throw new AppError("INVALID_CREDENTIALS");
  }

  const actor = { userId: user.id, role: user.role, centerId: user.centerId, ...actorBase };
  if (user.lockedUntil && user.lockedUntil > now) {
    await prisma.$transaction((tx) =>
      recordAudit(tx, actor, { action: "login.refused", entity: "User", entityId: user.id, after: { reason: "locked", lockedUntil: user.lockedUntil } }, now),
    );
    throw new AppError("ACCOUNT_LOCKED");
  }

  const valid = await verifyPassword(user.passwordHash, input.password);
  if (!valid) {
    const failures = user.failedLogins + 1;
    const lock = failures >= config.LOGIN_MAX_FAILURES;
    const lockedUntil = lock ? new Date(now.getTime() + config.LOGIN_LOCK_MINUTES * 60_000) : null;
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { failedLogins: lock ? 0 : failures, lockedUntil } });
      await recordAudit(tx, actor, { action: lock ? "login.locked" : "login.failed", entity: "User", entityId: user.id, after: { failures, lockedUntil } }, now);
    });
    throw new AppError(lock ? "ACCOUNT_LOCKED" : "INVALID_CREDENTIALS");
  }
  if (!user.active) throw new AppError("ACCOUNT_DISABLED");

  const token = newToken();
  const sessionId = sha256(token);
  const csrfToken = newToken(24);
  await prisma.$transaction(async (tx) => {
    if (input.previousSessionId) {
      await tx.session.updateMany({ where: { id: input.previousSessionId, revokedAt: null }, data: { revokedAt: now } });
    }
    await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
    await tx.session.create({
      data: {
        id: sessionId,
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + config.SESSION_MAX_HOURS * 3_600_000),
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      },
    });
    await recordAudit(tx, actor, { action: "login.succeeded", entity: "User", entityId: user.id }, now);
  });
  return { token, sessionId, csrfToken, userId: user.id };
}
