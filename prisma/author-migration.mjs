// Authors a new migration from the change to prisma/schema.prisma, offline:
//   npm run db:migrate -- --name add_something
// It replays the committed migrations into a throwaway SQLite file, diffs it against the schema and
// writes prisma/migrations/<timestamp>_<name>/migration.sql. Commit that folder; never edit it later.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
if (!args.includes("--name")) {
  console.error("usage: npm run db:migrate -- --name <what_changed>");
  process.exit(2);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-migrate-"));
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(
  process.execPath,
  [cli, "migrate", "dev", "--config", "prisma/prisma.config.ts", ...args],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(scratch, "authoring.db")}`,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
);
fs.rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
