// Changing one's own password: the current one is checked, the new one meets the policy, and every
// other session of the account is revoked.
import { passwordMeetsPolicy } from "../../contracts/auth.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

export async function changePassword(
  services: Services,
  opts: { actor: Actor; auditActor: AuditActor; sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const { prisma, clock } = services;
  const user = await prisma.user.findUniqueOrThrow({ where: { id: opts.actor.userId } });
  if (!(await verifyPassword(user.passwordHash, opts.currentPassword))) {
    throw new AppError("INVALID_CREDENTIALS", { message: "当前密码不正确", messageEn: "The current password is wrong" });
  }
  if (opts.newPassword === opts.currentPassword) throw new AppError("PASSWORD_REUSED");
  if (!passwordMeetsPolicy(opts.newPassword, user.username)) throw new AppError("PASSWORD_POLICY");
  const passwordHash = await hashPassword(opts.newPassword);
  const now = clock.now();
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now, mustChangePassword: false } });
    await tx.session.updateMany({ where: { userId: user.id, revokedAt: null, id: { not: opts.sessionId } }, data: { revokedAt: now } });
    await recordAudit(tx, opts.auditActor, { action: "change.password", entity: "User", entityId: user.id }, now);
  });
}
