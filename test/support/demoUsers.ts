// Finds one demo account per role (and the resources around it) in a test server's database, so
// tests do not hard-code generated ids.
import type { Role } from "../../server/src/contracts/roles.ts";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import type { RunningServer } from "../../server/src/server.ts";
import { TEST_ADMIN_PASSWORD } from "./testServer.ts";

export interface DemoAccount {
  userId: number;
  username: string;
  password: string;
  role: Role;
  centerId: number | null;
  staffId: number | null;
  departmentId: number | null;
}

export async function demoAccounts(server: RunningServer, centerId: number): Promise<Record<Role, DemoAccount>> {
  const { prisma } = server.services;
  const users = await prisma.user.findMany({
    where: { OR: [{ centerId }, { centerId: null }] },
    orderBy: { id: "asc" },
  });
  const byRole = {} as Record<Role, DemoAccount>;
  for (const u of users) {
    if (byRole[u.role]) continue;
    byRole[u.role] = {
      userId: u.id,
      username: u.username,
      password: u.role === "ADMIN" && u.username === "admin" ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD,
      role: u.role,
      centerId: u.centerId,
      staffId: u.staffId,
      departmentId: u.departmentId,
    };
  }
  return byRole;
}
