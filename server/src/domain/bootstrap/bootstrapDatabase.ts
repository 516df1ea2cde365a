// First start: an empty database gets either the demo hall (default) or one empty center with its
// first administrator. The admin password comes from ADMIN_PASSWORD or is generated and shown once.
import { randomInt } from "node:crypto";
import { DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import type { Role } from "../../contracts/roles.ts";
import { isDatabaseEmpty, seedDemo, type DemoSummary } from "../../demo/seedDemo.ts";
import { refreshPlannerStatistics } from "../../db/database.ts";
import { seedDemoAssessments } from "../../demo/seedAssessments.ts";
import type { Services } from "../../services.ts";
import { recordAudit } from "../audit/recordAudit.ts";
import { hashPassword } from "../auth/passwords.ts";

/** Shared by every demo account but the administrator; printed at start. Never used outside demo data. */
export const DEMO_PASSWORD = "hallwatch-demo-2026";
export const DEMO_SEED = 20261128;

export interface BootstrapResult {
  created: boolean;
  adminPassword: { value: string; generated: boolean } | null;
  demo: DemoSummary | null;
  ms: number;
}

/** Letters and digits, long enough for the password policy (contracts/auth.ts). */
export function generatePassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  const body = Array.from({ length: 14 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${body}7k`; // letters and digits guaranteed, as the policy asks
}

export async function bootstrapDatabase(
  services: Services,
  opts: { onProgress?: (p: { step: string; done: number; total: number }) => void } = {},
): Promise<BootstrapResult> {
  const started = performance.now();
  const { db, config, clock, prisma } = services;
  if (!isDatabaseEmpty(db.raw)) return { created: false, adminPassword: null, demo: null, ms: 0 };

  const adminPassword = config.ADMIN_PASSWORD ?? generatePassword();
  const adminPasswordHash = await hashPassword(adminPassword);
  const now = clock.now();
  let demo: DemoSummary | null = null;

  if (config.DEMO) {
    // One hash for every demo account: argon2id is slow by design and ~250 accounts would add a minute.
    const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
    demo = seedDemo(db.raw, { halls: config.DEMO_HALLS, seed: DEMO_SEED, now, demoPasswordHash, adminPasswordHash, onProgress: opts.onProgress });
    refreshPlannerStatistics(db.raw, "all");
    // The last quarter, months and weeks computed (#8), so the demo opens on results a leader can publish
    const assessments = await seedDemoAssessments(services, now);
    services.logger.info({ runs: assessments.runs, ms: Math.round(assessments.ms) }, "demo assessment periods computed");
  } else {
    await prisma.center.create({
      data: {
        code: "C01",
        name: "政务服务中心",
        regionCode: "000000",
        settings: DEFAULT_CENTER_SETTINGS,
        users: {
          create: { username: "admin", displayName: "系统管理员", role: "ADMIN" satisfies Role, passwordHash: adminPasswordHash, mustChangePassword: !config.ADMIN_PASSWORD },
        },
      },
    });
  }

  await prisma.$transaction((tx) =>
    recordAudit(
      tx,
      { userId: null, role: "SYSTEM", centerId: null },
      {
        action: config.DEMO ? "seed.demo" : "bootstrap.center",
        entity: "Center",
        after: demo
          ? { centers: demo.centers, departments: demo.departments, items: demo.items, windows: demo.windows, staff: demo.staff, users: demo.users }
          : { centers: 1, users: 1 },
      },
      now,
    ),
  );
  return { created: true, adminPassword: { value: adminPassword, generated: !config.ADMIN_PASSWORD }, demo, ms: performance.now() - started };
}
