// Seeded databases to copy instead of seeding again. Seeding the demo hall (two argon2 hashes and
// thousands of rows) is most of a test server's start-up; within one test run every server with the
// same seed inputs gets the same rows, so the first one seeds a template and the rest copy the file.
//
// The template directory lives for one test run only (test/support/globalSetup.ts creates it and
// sets TEMPLATE_DIR_ENV), so a template never outlives the code and migrations that made it. Without
// that variable (tsx scripts, the bench) every server seeds as before.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../../server/src/config.ts";
import { openDatabase, sqliteFile } from "../../server/src/db/database.ts";
import { bootstrapDatabase, type BootstrapResult } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import type { Clock } from "../../server/src/lib/clock.ts";
import { DomainEvents } from "../../server/src/lib/events.ts";
import type { Logger } from "../../server/src/lib/logger.ts";
import { TEMPLATE_DIR_ENV } from "./dbTemplateDir.ts";

export { TEMPLATE_DIR_ENV };

/**
 * A server on the real clock seeds at its own start; a template seeded up to this long ago on the
 * same Shanghai day stands in for it (a test file already runs that long after its server seeded).
 */
const SYSTEM_CLOCK_TEMPLATE_MAX_AGE_MS = 5 * 60_000;

interface TemplatePointer {
  /** Directory (inside the template directory) holding the database and anything seeded beside it */
  dir: string;
  seededAt: string;
  bootstrap: BootstrapResult;
}

const shanghaiDay = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Everything bootstrapDatabase reads: the seed inputs. Other settings do not change the rows. */
function templateKey(config: Config, clock: Clock | undefined): string {
  const when = clock ? clock.now().toISOString().replace(/[:.]/g, "") : "system";
  const admin = createHash("sha256").update(config.ADMIN_PASSWORD ?? "<generated>").digest("hex").slice(0, 16);
  return `${config.DEMO ? `demo-${config.DEMO_HALLS}` : "empty"}-${when}-${admin}`;
}

function readPointer(file: string): TemplatePointer | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as TemplatePointer;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

async function seedTemplate(root: string, key: string, config: Config, clock: Clock | undefined, logger: Logger): Promise<TemplatePointer> {
  const dirName = `${key}-${randomUUID()}`;
  const dir = path.join(root, dirName);
  fs.mkdirSync(dir);
  const dbFile = path.join(dir, "test.db");
  const seedConfig: Config = { ...config, DATABASE_URL: `file:${dbFile}` };
  // One fixed moment for the whole bootstrap, as startServer's clock gives it.
  const now = (clock ?? { now: () => new Date() }).now();
  const seedClock: Clock = { now: () => new Date(now.getTime()) };
  const db = await openDatabase(seedConfig.DATABASE_URL);
  let bootstrap: BootstrapResult;
  try {
    bootstrap = await bootstrapDatabase({ config: seedConfig, db, prisma: db.prisma, clock: seedClock, logger, events: new DomainEvents() });
  } finally {
    // Copying a WAL database is only safe once every page is back in the main file and no
    // connection is left: checkpoint, close both connections, then check the WAL is gone.
    await db.checkpointer?.stop();
    await db.prisma.$disconnect();
    db.raw.pragma("wal_checkpoint(TRUNCATE)");
    db.raw.close();
    await db.walSync.close();
  }
  for (const leftover of [`${dbFile}-wal`, `${dbFile}-shm`]) {
    if (fs.existsSync(leftover) && fs.statSync(leftover).size > 0) throw new Error(`template ${dbFile} left a non-empty ${path.basename(leftover)}`);
    fs.rmSync(leftover, { force: true });
  }
  const pointer: TemplatePointer = { dir: dirName, seededAt: now.toISOString(), bootstrap };
  // Written whole, then renamed: another worker reads either no pointer or a complete one.
  const tmp = path.join(root, `${dirName}.json.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(pointer));
  fs.renameSync(tmp, path.join(root, `${key}.json`));
  return pointer;
}

function usable(pointer: TemplatePointer | null, clock: Clock | undefined): pointer is TemplatePointer {
  if (!pointer) return false;
  if (clock) return true; // the key holds the exact moment
  const seededAt = new Date(pointer.seededAt);
  const now = new Date();
  return now.getTime() - seededAt.getTime() < SYSTEM_CLOCK_TEMPLATE_MAX_AGE_MS && shanghaiDay(now) === shanghaiDay(seededAt);
}

/**
 * Puts a seeded copy of the database `config` names in place, ready for startServer (which then finds
 * it non-empty and skips seeding); returns the bootstrap result the seeding gave. Null when templates
 * are off or the database file exists already (a restarted server keeps its data).
 */
export async function provideSeededDatabase(config: Config, clock: Clock | undefined, logger: Logger): Promise<BootstrapResult | null> {
  const root = process.env[TEMPLATE_DIR_ENV];
  if (!root || !path.isAbsolute(root) || !fs.existsSync(root)) return null; // unset, or "off"
  const target = sqliteFile(config.DATABASE_URL);
  if (target === ":memory:" || fs.existsSync(target)) return null;

  const key = templateKey(config, clock);
  let pointer = readPointer(path.join(root, `${key}.json`));
  if (!usable(pointer, clock)) pointer = await seedTemplate(root, key, config, clock, logger);

  const source = path.join(root, pointer.dir);
  const targetDir = path.dirname(target);
  fs.mkdirSync(targetDir, { recursive: true });
  for (const name of fs.readdirSync(source)) {
    fs.copyFileSync(path.join(source, name), name === "test.db" ? target : path.join(targetDir, name), fs.constants.COPYFILE_EXCL);
  }
  return pointer.bootstrap;
}
