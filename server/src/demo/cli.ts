// `npx tsx server/src/demo/cli.ts --halls 10 --db data/city.db`: creates (migrates) a database
// file and seeds demo halls into it, printing progress and timings — for benchmarks and for trying
// a city deployment without starting the server. Refuses a database that already has a center.
//   --halls N   number of centers (default 1)
//   --db PATH   SQLite file (default data/hallwatch.db, the server's default)
//   --seed N    random seed (default: the server's demo seed)
//   --now ISO   the moment the demo data is created at (default: now)
// The administrators' password comes from ADMIN_PASSWORD, or is generated and printed once.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Sqlite from "better-sqlite3";
import { ROLE_LABELS } from "../contracts/roles.ts";
import { migrateSqlite } from "../db/migrator.ts";
import { hashPassword } from "../domain/auth/passwords.ts";
import { DEMO_PASSWORD, DEMO_SEED, generatePassword } from "../domain/bootstrap/bootstrapDatabase.ts";
import { isDatabaseEmpty, seedDemo } from "./seedDemo.ts";

interface CliOptions {
  halls: number;
  db: string;
  seed: number;
  now: Date;
}

function parseOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      halls: { type: "string", default: "1" },
      db: { type: "string", default: "data/hallwatch.db" },
      seed: { type: "string", default: String(DEMO_SEED) },
      now: { type: "string" },
    },
  });
  const halls = Number(values.halls);
  const seed = Number(values.seed);
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (!Number.isInteger(halls) || halls < 1 || halls > 1000) throw new Error(`--halls must be an integer from 1 to 1000, got "${values.halls}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date-time, got "${values.now}"`);
  return { halls, db: path.resolve(values.db), seed, now };
}

const ms = (start: number): string => `${(performance.now() - start).toFixed(0)} ms`;

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  fs.mkdirSync(path.dirname(opts.db), { recursive: true });
  const raw = new Sqlite(opts.db);
  try {
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = FULL");
    raw.pragma("foreign_keys = ON");

    let started = performance.now();
    const migration = migrateSqlite(raw);
    console.log(`database ${opts.db}: ${migration.applied.length} of ${migration.total} migration(s) applied (${ms(started)})`);
    if (!isDatabaseEmpty(raw)) {
      console.error("refusing to seed: the database already has a center (use a new file)");
      return 1;
    }

    started = performance.now();
    const adminPassword = process.env.ADMIN_PASSWORD || generatePassword();
    const [adminPasswordHash, demoPasswordHash] = await Promise.all([hashPassword(adminPassword), hashPassword(DEMO_PASSWORD)]);
    console.log(`passwords hashed (${ms(started)})`);

    started = performance.now();
    let hallStarted = started;
    const summary = seedDemo(raw, {
      halls: opts.halls,
      seed: opts.seed,
      now: opts.now,
      adminPasswordHash,
      demoPasswordHash,
      onProgress: ({ done, total }) => {
        if (done > 0) console.log(`  hall ${done}/${total} seeded (${ms(hallStarted)})`);
        hallStarted = performance.now();
      },
    });
    const seedMs = performance.now() - started;
    console.log(
      `seeded ${summary.centers} center(s), ${summary.departments} departments, ${summary.items} items, ${summary.windows} windows, ` +
        `${summary.staff} staff, ${summary.users} accounts in ${seedMs.toFixed(0)} ms`,
    );
    console.log(`\nadmin password${process.env.ADMIN_PASSWORD ? " (from ADMIN_PASSWORD)" : " (generated, shown once)"}: ${process.env.ADMIN_PASSWORD ? "********" : adminPassword}`);
    console.log(`demo password (every other account): ${DEMO_PASSWORD}`);
    for (const login of summary.logins) {
      console.log(`  ${login.username.padEnd(22)} ${ROLE_LABELS[login.role].zh} / ${ROLE_LABELS[login.role].en} — ${login.note}`);
    }
    return 0;
  } finally {
    raw.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
