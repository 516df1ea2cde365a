// One directory of seeded database templates per test run (dbTemplates.ts), removed at the end so
// no template outlives the code and migrations that made it. Workers inherit the variable.
// When the variable is already set (test/support/runTests.mjs shares one directory between its
// lanes) that directory is used and left to whoever made it; HALLWATCH_TEST_DB_TEMPLATES=off seeds
// every test server afresh (to compare, or to rule templates out).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TEMPLATE_DIR_ENV } from "./dbTemplateDir.ts";

export default function setup(): () => void {
  if (process.env[TEMPLATE_DIR_ENV]) return () => {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-templates-"));
  process.env[TEMPLATE_DIR_ENV] = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
