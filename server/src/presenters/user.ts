// Users as JSON: never the password hash, never failure counters beyond "locked".
import type { Me } from "../contracts/auth.ts";
import type { UserDto } from "../contracts/users.ts";
import type { User } from "../generated/prisma/client.ts";

export function presentMe(user: User & { center: { name: string } | null; department: { name: string } | null }): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    centerId: user.centerId,
    centerName: user.center?.name ?? null,
    staffId: user.staffId,
    departmentId: user.departmentId,
    departmentName: user.department?.name ?? null,
    mustChangePassword: user.mustChangePassword,
  };
}

export function presentUser(user: User, now: Date): UserDto {
  return {
    id: user.id,
    centerId: user.centerId,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    staffId: user.staffId,
    departmentId: user.departmentId,
    active: user.active,
    locked: user.lockedUntil !== null && user.lockedUntil > now,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
