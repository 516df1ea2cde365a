// Creating, changing, unlocking and resetting accounts. Each change is audited with before/after
// (never the password hash) in the same transaction.
import type { CreateUserBody, UpdateUserBody } from "../../contracts/users.ts";
import { passwordMeetsPolicy } from "../../contracts/auth.ts";
import { AppError } from "../../errors.ts";
import type { User } from "../../generated/prisma/client.ts";
import type { Actor } from "../../policies/actor.ts";
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

export async function createUser(services: Services, opts: { actor: Actor; auditActor: AuditActor; body: CreateUserBody }): Promise<User> {
  const { prisma, clock } = services;
  const { body, actor } = opts;
  const centerId = actor.centerId;
  if (centerId === null) throw new AppError("FORBIDDEN");
  if (!passwordMeetsPolicy(body.password, body.username)) throw new AppError("PASSWORD_POLICY");
  if (body.role === "STAFF") {
    if (!body.staffId) throw fieldError("staffId", "窗口工作人员账户须关联工作人员", "A window staff account needs a staff record");
    const staff = await prisma.staff.findUnique({ where: { id: body.staffId } });
    if (!staff || staff.centerId !== centerId) throw fieldError("staffId", "工作人员不存在", "No such staff member");
  } else if (body.staffId) {
    throw fieldError("staffId", "只有窗口工作人员账户可关联工作人员", "Only window staff accounts link to a staff record");
  }
  if (body.role === "LIAISON") {
    if (!body.departmentId) throw fieldError("departmentId", "部门联络员账户须指定部门", "A liaison account needs a department");
    const dept = await prisma.department.findUnique({ where: { id: body.departmentId } });
    if (!dept || dept.centerId !== centerId) throw fieldError("departmentId", "部门不存在", "No such department");
  } else if (body.departmentId) {
    throw fieldError("departmentId", "只有部门联络员账户可指定部门", "Only liaison accounts have a department");
  }
  const passwordHash = await hashPassword(body.password);
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        centerId,
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        staffId: body.staffId ?? null,
        departmentId: body.departmentId ?? null,
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: now,
      },
    });
    await recordAudit(tx, opts.auditActor, { action: "create.user", entity: "User", entityId: user.id, after: auditView(user) }, now);
    return user;
  });
}

export async function updateUser(services: Services, opts: { auditActor: AuditActor; user: User; body: UpdateUserBody }): Promise<User> {
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: opts.user.id }, data: opts.body });
    if (opts.body.active === false) {
      await tx.session.updateMany({ where: { userId: updated.id, revokedAt: null }, data: { revokedAt: now } });
    }
    await recordAudit(tx, opts.auditActor, { action: "update.user", entity: "User", entityId: updated.id, before: auditView(opts.user), after: auditView(updated) }, now);
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
