// Shared pieces of the hand-written authorization matrices (test/authz/*): one expected status per
// role, written as a row in the order of the table headers, and one signed-in client per role.
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { ApiClient } from "./apiClient.ts";
import type { DemoAccount } from "./demoUsers.ts";

export type Expect = Record<Role, number>;

/** Columns: ADMIN SECURITY_ADMIN LEADER SUPERVISOR STAFF LIAISON AUDITOR CITY_LEADER CITY_AUDITOR */
export const row = (admin: number, sec: number, leader: number, sup: number, staff: number, liaison: number, auditor: number, cityLeader: number, cityAuditor: number): Expect => ({
  ADMIN: admin,
  SECURITY_ADMIN: sec,
  LEADER: leader,
  SUPERVISOR: sup,
  STAFF: staff,
  LIAISON: liaison,
  AUDITOR: auditor,
  CITY_LEADER: cityLeader,
  CITY_AUDITOR: cityAuditor,
});

/** Signs every role's account in, each with its own cookie jar. */
export async function signInEveryRole(url: string, accounts: Record<Role, DemoAccount>): Promise<Map<Role, ApiClient>> {
  const clients = new Map<Role, ApiClient>();
  for (const role of ROLES) {
    const client = new ApiClient(url);
    await client.login(accounts[role].username, accounts[role].password);
    clients.set(role, client);
  }
  return clients;
}
