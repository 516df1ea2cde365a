// Reads the test log and prints one line "N passed, N failed" from the runners' own summary lines
// (Vitest prints "Tests  3 failed | 120 passed (123)"). A type-check failure, where no tests ran,
// counts as one failure so a red build never reads as green.
import fs from "node:fs";

const [logFile, statusArg] = process.argv.slice(2);
const text = fs.readFileSync(logFile, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let found = false;
for (const line of text.split("\n")) {
  const m = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!m) continue;
  found = true;
  for (const part of m[1].split("|")) {
    const n = /(\d+)\s+(passed|failed)/.exec(part);
    if (n?.[2] === "passed") passed += Number(n[1]);
    if (n?.[2] === "failed") failed += Number(n[1]);
  }
}
if (!found && statusArg !== "0") failed += 1;
console.log(`${passed} passed, ${failed} failed`);
