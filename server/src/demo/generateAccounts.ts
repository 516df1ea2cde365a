// The demo logins: per center an administrator, a security administrator, a leader, a supervisor,
// an auditor (三员分立: admin, security and audit are different people), one liaison per
// department and one login per staff member; once per deployment a city-level leader and auditor.
// Pure like generateHall: passwords are named by kind and hashed by the caller.
import type { Role } from "../contracts/roles.ts";
import { usernamePrefix } from "./centerIdentity.ts";
import { hallRandom } from "./generateHall.ts";
import { NameRegister } from "./people.ts";
import { createRandom, deriveSeed } from "./random.ts";
import type { AccountRow, HallRows } from "./rows.ts";

const CENTER_OFFICE_ACCOUNTS: readonly { username: string; role: Role }[] = [
  { username: "admin", role: "ADMIN" },
  { username: "security", role: "SECURITY_ADMIN" },
  { username: "leader", role: "LEADER" },
  { username: "supervisor", role: "SUPERVISOR" },
  { username: "auditor", role: "AUDITOR" },
];

export const liaisonUsername = (centerIndex: number, departmentCode: string): string =>
  `${usernamePrefix(centerIndex)}liaison-${departmentCode}`;

export const staffUsername = (staffNo: string): string => staffNo.toLowerCase();

export function generateCenterAccounts(hall: HallRows, seed: number): AccountRow[] {
  const prefix = usernamePrefix(hall.centerIndex);
  const names = new NameRegister(hallRandom(seed, hall.centerIndex).fork("accounts"));
  names.reserve(hall.staff.map((s) => s.name));
  const base = { centerIndex: hall.centerIndex, staffKey: null, departmentKey: null } as const;

  const office: AccountRow[] = CENTER_OFFICE_ACCOUNTS.map(({ username, role }) => ({
    ...base,
    username: `${prefix}${username}`,
    displayName: names.person().name,
    role,
    password: role === "ADMIN" ? "admin" : "demo",
  }));
  const liaisons: AccountRow[] = hall.departments.map((d) => ({
    ...base,
    username: liaisonUsername(hall.centerIndex, d.code),
    displayName: names.person().name,
    role: "LIAISON",
    password: "demo",
    departmentKey: d.key,
  }));
  const staff: AccountRow[] = hall.staff.map((s) => ({
    ...base,
    username: staffUsername(s.staffNo),
    displayName: s.name,
    role: "STAFF",
    password: "demo",
    staffKey: s.key,
  }));
  return [...office, ...liaisons, ...staff];
}

/** City-level accounts: no center (they span every center of the deployment). */
export function generateCityAccounts(seed: number): AccountRow[] {
  const names = new NameRegister(createRandom(deriveSeed(seed, "city-accounts")));
  const city = (username: string, role: Role): AccountRow => ({
    username,
    displayName: names.person().name,
    role,
    password: "demo",
    centerIndex: null,
    staffKey: null,
    departmentKey: null,
  });
  return [city("cityleader", "CITY_LEADER"), city("cityauditor", "CITY_AUDITOR")];
}
