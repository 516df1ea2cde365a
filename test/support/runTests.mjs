// `npm test`'s runner: the unit and e2e projects of test/vitest.config.ts as two lanes side by side.
// The e2e files must run one at a time (each drives its own Chromium against timing-sensitive
// screens), and within one Vitest process a project's files only start once the previous group is
// done, so one process left a core idle for the whole e2e run. Here the e2e lane runs its files one
// after another while the unit lane (one worker) uses the other core; both lanes copy the same seeded
// database templates (test/support/dbTemplates.ts). The unit lane runs at a lower CPU priority (nice
// 10, inherited by its workers): the e2e lane's screens have time limits ("within a second"), so it
// gets the CPU when it needs it and the unit lane takes what is left.
//
// Output: the unit lane streams as it runs; the e2e lane's output follows it (buffered until then),
// so each lane's report, with its own "Tests …" summary line, reads as one block. The exit code is
// non-zero when either lane fails. With arguments (`npm test -- test/api/auth.test.ts`) it is a
// plain single Vitest run of what was asked.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const config = path.join("test", "vitest.config.ts");
const args = process.argv.slice(2);
const TEMPLATE_DIR_ENV = "HALLWATCH_TEST_DB_TEMPLATES"; // as in test/support/dbTemplateDir.ts

function run(vitestArgs, env, out, { priority = 0 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, "run", "--config", config, ...vitestArgs], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    if (priority !== 0) {
      try {
        // Set before Vitest forks its workers (it takes a moment to start), so they inherit it.
        os.setPriority(child.pid, priority);
      } catch {
        // not allowed here: the lane runs at normal priority
      }
    }
    child.stdout.on("data", (d) => out(d));
    child.stderr.on("data", (d) => out(d));
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (args.length > 0) {
  process.exitCode = await run(args, process.env, (d) => process.stdout.write(d));
} else {
  const templates = process.env[TEMPLATE_DIR_ENV] ? null : fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-templates-"));
  const env = { ...process.env, ...(templates ? { [TEMPLATE_DIR_ENV]: templates } : {}), HALLWATCH_UNIT_WORKERS: "1" };
  let unitDone = false;
  const e2eBuffer = [];
  const unit = run(["--project", "unit"], env, (d) => process.stdout.write(d), { priority: 10 }).then((code) => {
    unitDone = true;
    process.stdout.write(Buffer.concat(e2eBuffer));
    return code;
  });
  const e2e = run(["--project", "e2e"], env, (d) => (unitDone ? process.stdout.write(d) : e2eBuffer.push(d)));
  const codes = await Promise.all([unit, e2e]);
  if (templates) fs.rmSync(templates, { recursive: true, force: true });
  process.exitCode = codes.some((c) => c !== 0) ? 1 : 0;
}
