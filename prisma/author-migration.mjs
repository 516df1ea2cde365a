// Authors a new migration from the change to prisma/schema.prisma, offline:
//   npm run db:migrate -- --name add_something
// It replays the committed migrations into a throwaway SQLite file, diffs that database against the schema
// (`prisma migrate diff`, run on the WebAssembly engine shim) and writes
// prisma/migrations/<UTC timestamp>_<name>/migration.sql. Commit that folder; never edit it later.
// Why not `prisma migrate dev`: it needs a shadow database, which Prisma 7 only takes from a driver-adapter
// factory the CLI cannot be given offline ("SQLite shadow DB must be provided through an external factory").
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const nameAt = process.argv.indexOf("--name");
const name = nameAt > 0 ? process.argv[nameAt + 1] : undefined;
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migrate -- --name <what_changed>   (lower case, digits and _)");
  process.exit(2);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-migrate-"));
const scratchDb = path.join(scratch, "authoring.db");
try {
  const db = new Database(scratchDb);
  const folders = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const folder of folders) db.exec(fs.readFileSync(path.join(migrationsDir, folder, "migration.sql"), "utf8"));
  db.close();

  const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
  const diff = spawnSync(
    process.execPath,
    [cli, "migrate", "diff", "--config", "prisma/prisma.config.ts", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--script"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:${scratchDb}`, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    },
  );
  if (diff.status !== 0) {
    process.stderr.write(diff.stderr);
    process.exit(diff.status ?? 1);
  }
  const sql = diff.stdout.trim();
  if (sql === "" || /^-- This is an empty migration\.?$/.test(sql)) {
    console.log("The schema matches the committed migrations: nothing to write.");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
  console.log(`Wrote ${path.relative(root, folder)}/migration.sql — review it, then run npm run db:generate.`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
