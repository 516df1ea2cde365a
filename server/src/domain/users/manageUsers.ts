// Creating, changing, unlocking and resetting accounts. Each change is audited with before/after
// (never the password hash) in the same transaction.
import type { CreateUserBody, UpdateUserBody } from "../../contracts/users.ts";
import { passwordMeetsPolicy } from "../../contracts/auth.ts";
import { AppError } from "../../errors.ts";
import type { User } from "../../generated/prisma/client.ts";
import type { Actor } from "../../policies/actor.ts";
import type { Role } from "../../contracts/roles.ts";
import type { Tx } from "../../db/database.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { hashPassword } from "../auth/passwords.ts";

const auditView = (u: User) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  centerId: u.centerId,
  staffId: u.staffId,
  departmentId: u.departmentId,
  active: u.active,
  lockedUntil: u.lockedUntil,
});

const fieldError = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION_FAILED", { issues: [{ path, code: "invalid_reference", message: zh, messageEn: en }] });

/** The staff record or department a role is linked to; refuses a missing one and one the role does not take. */
async function checkRoleLinks(db: Services["prisma"] | Tx, centerId: number, role: Role, staffId: number | null, departmentId: number | null): Promise<{ staffId: number | null; departmentId: number | null }> {
  if (role === "STAFF") {
    if (!staffId) throw fieldError("staffId", "窗口工作人员账户须关联工作人员", "A window staff account needs a staff record");
    const staff = await db.staff.findUnique({ where: { id: staffId } });
    if (!staff || staff.centerId !== centerId) throw fieldError("staffId", "工作人员不存在", "No such staff member");
  } else if (staffId) {
    throw fieldError("staffId", "只有窗口工作人员账户可关联工作人员", "Only window staff accounts link to a staff record");
  }
  if (role === "LIAISON") {
    if (!departmentId) throw fieldError("departmentId", "部门联络员账户须指定部门", "A liaison account needs a department");
    const dept = await db.department.findUnique({ where: { id: departmentId } });
    if (!dept || dept.centerId !== centerId) throw fieldError("departmentId", "部门不存在", "No such department");
  } else if (departmentId) {
    throw fieldError("departmentId", "只有部门联络员账户可指定部门", "Only liaison accounts have a department");
  }
  return { staffId: role === "STAFF" ? staffId : null, departmentId: role === "LIAISON" ? departmentId : null };
}

export async function createUser(services: Services, opts: { actor: Actor; auditActor: AuditActor; body: CreateUserBody }): Promise<User> {
  const { prisma, clock } = services;
  const { body, actor } = opts;
  const centerId = actor.centerId;
  if (centerId === null) throw new AppError("FORBIDDEN");
  if (!passwordMeetsPolicy(body.password, body.username)) throw new AppError("PASSWORD_POLICY");
  const links = await checkRoleLinks(prisma, centerId, body.role, body.staffId ?? null, body.departmentId ?? null);
  const passwordHash = await hashPassword(body.password);
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        centerId,
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        ...links,
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: now,
      },
    });
    await recordAudit(tx, opts.auditActor, { action: "create.user", entity: "User", entityId: user.id, after: auditView(user) }, now);
    return user;
  });
}

/**
 * Renames, (de)activates or changes the role of an account (the route has checked who may grant which
 * role). A new role or deactivation ends the account's sessions, so its next request signs in afresh
 * with the new powers; the audit entry carries the role before and after.
 */
export async function updateUser(services: Services, opts: { auditActor: AuditActor; user: User; body: UpdateUserBody }): Promise<User> {
  const now = services.clock.now();
  const { user, body } = opts;
  const role = body.role ?? user.role;
  const roleChanged = role !== user.role;
  return services.prisma.$transaction(async (tx) => {
    const links: { staffId?: number | null; departmentId?: number | null } = roleChanged || body.staffId !== undefined || body.departmentId !== undefined
      ? await checkRoleLinks(
        tx,
        user.centerId ?? -1,
        role,
        // A link the request does not mention is kept if the (new) role takes it, dropped if not
        body.staffId !== undefined ? body.staffId : role === "STAFF" ? user.staffId : null,
        body.departmentId !== undefined ? body.departmentId : role === "LIAISON" ? user.departmentId : null,
      )
      : {};
    if (links.staffId && links.staffId !== user.staffId && (await tx.user.findFirst({ where: { staffId: links.staffId, id: { not: user.id } } }))) {
      throw new AppError("CONFLICT", { issues: [{ path: "staffId", code: "taken", message: "该工作人员已有账户", messageEn: "This staff member already has an account" }] });
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { ...(body.displayName !== undefined ? { displayName: body.displayName } : {}), ...(body.active !== undefined ? { active: body.active } : {}), role, ...links },
    });
    if (body.active === false || roleChanged) {
      await tx.session.updateMany({ where: { userId: updated.id, revokedAt: null }, data: { revokedAt: now } });
    }
    await recordAudit(tx, opts.auditActor, { action: roleChanged ? "change.userRole" : "update.user", entity: "User", entityId: updated.id, centerId: updated.centerId, before: auditView(user), after: auditView(updated) }, now);
    return updated;
  });
}

export async function unlockUser(services: Services, opts: { auditActor: AuditActor; user: User }): Promise<User> {
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: opts.user.id }, data: { lockedUntil: null, failedLogins: 0 } });
    await recordAudit(tx, opts.auditActor, { action: "unlock.user", entity: "User", entityId: updated.id, before: auditView(opts.user), after: auditView(updated) }, now);
    return updated;
  });
}

export async function resetUserPassword(services: Services, opts: { auditActor: AuditActor; user: User; newPassword: string }): Promise<void> {
  if (!passwordMeetsPolicy(opts.newPassword, opts.user.username)) throw new AppError("PASSWORD_POLICY");
  const passwordHash = await hashPassword(opts.newPassword);
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: opts.user.id }, data: { passwordHash, mustChangePassword: true, passwordChangedAt: now, failedLogins: 0, lockedUntil: null } });
    await tx.session.updateMany({ where: { userId: opts.user.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, opts.auditActor, { action: "reset.password", entity: "User", entityId: opts.user.id }, now);
  });
}
