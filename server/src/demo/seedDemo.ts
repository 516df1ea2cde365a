// Seeds demo halls into an empty, migrated database: for each hall, generate its rows (pure) and
// write them in one transaction, so a first start or a 10-hall benchmark database takes well under
// a second per hall and a failure leaves whole halls only. A quarter of history (cases, ratings …)
// will be one more generator called in the same per-hall transaction, after insertHall.
import type Sqlite from "better-sqlite3";
import type { Role } from "../contracts/roles.ts";
import { generateCenterAccounts, generateCityAccounts } from "./generateAccounts.ts";
import { generateHall } from "./generateHall.ts";
import { DemoWriter } from "./insertRows.ts";
import { generateEvaluationHistory, insertEvaluationHistory } from "./history/evaluations.ts";
import { generateCaseHistory, insertCaseHistory } from "./history/cases.ts";
import { generateComplaintHistory, insertComplaintHistory } from "./history/complaints.ts";
import { generateRectificationHistory, insertRectificationHistory } from "./history/rectifications.ts";
import type { AccountRow, PasswordKind } from "./rows.ts";

export interface SeedDemoOptions {
  halls: number;
  seed: number;
  now: Date;
  demoPasswordHash: string;
  adminPasswordHash: string;
  onProgress?: (p: { step: string; done: number; total: number }) => void;
}

export interface DemoLogin {
  username: string;
  role: Role;
  note: string;
}

export interface DemoSummary {
  centers: number;
  departments: number;
  items: number;
  windows: number;
  staff: number;
  users: number;
  logins: DemoLogin[];
}

/** True when no center exists yet: the only state in which demo data may be seeded. */
export function isDatabaseEmpty(raw: Sqlite.Database): boolean {
  return raw.prepare(`SELECT 1 FROM "Center" LIMIT 1`).get() === undefined;
}

/** The roles shown as example logins, in the order they are listed. */
const LOGIN_ROLES: readonly Role[] = ["ADMIN", "SECURITY_ADMIN", "LEADER", "SUPERVISOR", "STAFF", "LIAISON", "AUDITOR", "CITY_LEADER", "CITY_AUDITOR"];

function exampleLogins(accounts: readonly AccountRow[], halls: number): DemoLogin[] {
  return LOGIN_ROLES.flatMap((role) => {
    const account = accounts.find((a) => a.role === role);
    if (!account) return [];
    const password = account.password === "admin" ? "admin password" : "demo password";
    const more = account.centerIndex === 0 && halls > 1 ? `; other centers: c02-${account.username} …` : "";
    return [{ username: account.username, role, note: `${account.displayName}, ${password}${more}` }];
  });
}

export function seedDemo(raw: Sqlite.Database, opts: SeedDemoOptions): DemoSummary {
  if (!Number.isInteger(opts.halls) || opts.halls < 1) throw new Error(`halls must be a positive integer, got ${opts.halls}`);
  if (!isDatabaseEmpty(raw)) throw new Error("Demo data goes only into an empty database (a center exists already).");

  const writer = new DemoWriter(raw);
  const hashes: Record<PasswordKind, string> = { admin: opts.adminPasswordHash, demo: opts.demoPasswordHash };
  const summary: DemoSummary = { centers: 0, departments: 0, items: 0, windows: 0, staff: 0, users: 0, logins: [] };
  const firstCenterAccounts: AccountRow[] = [];
  const cityAccounts = generateCityAccounts(opts.seed);

  opts.onProgress?.({ step: "halls", done: 0, total: opts.halls });
  for (let centerIndex = 0; centerIndex < opts.halls; centerIndex++) {
    const hall = generateHall({ seed: opts.seed, centerIndex, now: opts.now });
    const accounts = generateCenterAccounts(hall, opts.seed);
    raw.transaction(() => {
      const ids = writer.insertHall(hall);
      writer.insertAccounts(accounts, ids, hashes, opts.now);
      const ratings = generateEvaluationHistory(hall, { seed: opts.seed, now: opts.now });
      insertEvaluationHistory(raw, ratings, ids);
      insertRectificationHistory(raw, generateRectificationHistory(hall, ratings, { now: opts.now }), ids, opts.now);
      insertCaseHistory(raw, generateCaseHistory(hall, { seed: opts.seed, now: opts.now }), ids, opts.now);
      insertComplaintHistory(raw, generateComplaintHistory(hall, { seed: opts.seed, now: opts.now }), ids, opts.now);
      if (centerIndex === 0) writer.insertAccounts(cityAccounts, null, hashes, opts.now);
    })();

    summary.centers += 1;
    summary.departments += hall.departments.length;
    summary.items += hall.items.length;
    summary.windows += hall.windows.length;
    summary.staff += hall.staff.length;
    summary.users += accounts.length + (centerIndex === 0 ? cityAccounts.length : 0);
    if (centerIndex === 0) firstCenterAccounts.push(...accounts);
    opts.onProgress?.({ step: "halls", done: centerIndex + 1, total: opts.halls });
  }
  summary.logins = exampleLogins([...firstCenterAccounts, ...cityAccounts], opts.halls);
  return summary;
}
