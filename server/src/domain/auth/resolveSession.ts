// Turns a session cookie into the signed-in user, enforcing the idle timeout and the absolute
// lifetime. lastSeenAt is written at most once a minute so reads do not become writes.
import { AppError } from "../../errors.ts";
import { sha256 } from "../../lib/tokens.ts";
import type { Actor } from "../../policies/actor.ts";
import type { Services } from "../../services.ts";

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  mustChangePassword: boolean;
}

const TOUCH_EVERY_MS = 60_000;

export async function resolveSession(services: Services, token: string): Promise<ResolvedSession> {
  const { prisma, clock, config } = services;
  const now = clock.now();
  const sessionId = sha256(token);
  const session = await prisma.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.revokedAt) throw new AppError("UNAUTHORIZED");
  const idleLimit = session.lastSeenAt.getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (now.getTime() > idleLimit || now >= session.expiresAt) {
    await prisma.session.update({ where: { id: sessionId }, data: { revokedAt: now } });
    throw new AppError("SESSION_EXPIRED");
  }
  const { user } = session;
  if (!user.active) throw new AppError("ACCOUNT_DISABLED");
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    sessionId,
    csrfToken: session.csrfToken,
    mustChangePassword: user.mustChangePassword,
    actor: {
      userId: user.id,
      username: user.username,
      role: user.role,
      centerId: user.centerId,
      staffId: user.staffId,
      departmentId: user.departmentId,
    },
  };
}

export async function logoutSession(services: Services, sessionId: string): Promise<void> {
  await services.prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: services.clock.now() } });
}
